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

/**
 * Deepest nesting of arrays and objects a request may send (a rule tree nests 6 groups at most).
 * Checked before validation: zod, JSON.stringify and PostgreSQL's jsonb parser all recurse, and a
 * tree nested 1,000 levels overflowed the stack (500) instead of answering 400.
 */
export const MAX_JSON_DEPTH = 32;

/** How deeply a parsed JSON value nests (a scalar is 0), measured without recursion; stops past `limit`. */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const inner = depth + 1;
    if (inner > deepest) deepest = inner;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, inner]);
  }
  return deepest;
}

/**
 * True for a real calendar day written YYYY-MM-DD, years 0001 to 9999: `2024-02-30`, `2023-02-29`
 * and `0000-01-01` are not (JavaScript's Date rolls them over; PostgreSQL refuses them with an error).
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** A calendar day on the wire (YYYY-MM-DD), checked to exist. */
export const ZCalendarDate = z.string().refine(isCalendarDate, { error: 'must be a real date (YYYY-MM-DD)', params: { code: 'date' } });

/** An IANA time zone the runtime knows (`Europe/Paris`); workspaces compute days and periods in it. */
export const ZTimeZone = z
  .string()
  .max(64)
  .refine((value) => isTimeZone(value), { error: 'must be an IANA time zone such as Europe/Paris', params: { code: 'time_zone' } });

/** An ISO 4217 currency code (`EUR`). */
export const ZCurrency = z
  .string()
  .length(3)
  .transform((value) => value.toUpperCase())
  .refine((value) => isCurrency(value), { error: 'must be an ISO 4217 currency code such as EUR', params: { code: 'currency' } });

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
export const DEFAULT_CURRENCY = 'EUR';

/** Whether Intl knows this IANA time zone (the workspace's and the lead's field are checked with it). */
export function isTimeZone(value: string): boolean {
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
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        /** Machine-readable reason (zod's issue code such as `too_small`, or ours such as `time_zone`) for clients to translate. */
        code: z.string().optional(),
        params: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
  /** Machine-readable reason of the whole problem (e.g. `workspace_limit`), with its params, for clients to translate `detail`. */
  reason: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be a valid email address' }))
  .transform((v) => v.toLowerCase());

export const ZPassword = z.string().min(10, { error: 'must be at least 10 characters' }).max(256, { error: 'must be at most 256 characters' });
