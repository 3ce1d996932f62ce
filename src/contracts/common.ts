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
