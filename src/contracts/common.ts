import { z } from 'zod';

// Shared wire vocabulary used by every module's contract (server and web import these).

/** Roles from most to least powerful. */
export const ROLE_NAMES = ['owner', 'admin', 'member', 'viewer'] as const;
export const ZRole = z.enum(ROLE_NAMES);
export type TRole = z.infer<typeof ZRole>;

/** Ids are UUIDs; a malformed one is simply not found. */
export const ZId = z.string().min(1).max(64);

/** Timestamps travel as ISO 8601 strings. */
export const ZTimestamp = z.string().describe('ISO 8601 date-time');

/** Converts a Date (or null) to the wire's ISO string. */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export const ZIdParams = z.object({ id: ZId });

/** An IANA time zone the runtime knows (`Europe/Paris`); workspaces compute days and periods in it. */
export const ZTimeZone = z
  .string()
  .max(64)
  .refine((value) => isTimeZone(value), { error: 'must be an IANA time zone such as Europe/Paris' });

/** An ISO 4217 currency code (`EUR`). */
export const ZCurrency = z
  .string()
  .length(3)
  .transform((value) => value.toUpperCase())
  .refine((value) => isCurrency(value), { error: 'must be an ISO 4217 currency code such as EUR' });

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
export const DEFAULT_CURRENCY = 'EUR';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value);
  } catch {
    return false;
  }
}

function isCurrency(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && Intl.supportedValuesOf('currency').includes(value);
}

/** RFC 9457 problem document returned for every error. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be a valid email address' }))
  .transform((v) => v.toLowerCase());

export const ZPassword = z
  .string()
  .min(10, { error: 'must be at least 10 characters' })
  .max(256, { error: 'must be at most 256 characters' });
