import { sql, type SQL } from 'drizzle-orm';
import type { TPeriodBounds } from './dashboard-period.js';

// The SQL pieces every block of the dashboard shares: which bucket a time falls in, which period it belongs to.

/** Bucket number of the previous period in the per-bucket queries (current buckets are 1…n). */
export const PREVIOUS = -1;

/** `width_bucket(ts, <bucket starts>)` for the current period, PREVIOUS for the previous one. */
export function bucketOf(column: SQL, p: TPeriodBounds): SQL {
  const starts = sql.join(
    p.buckets.map((b) => sql`${b.toISOString()}::timestamptz`),
    sql`, `,
  );
  return sql`case when ${column} >= ${p.start.toISOString()}::timestamptz then width_bucket(${column}, array[${starts}]) else ${PREVIOUS} end`;
}

/**
 * Rows with `column` in the previous or the current period. The first, wider range is what an index on the column
 * can read; the two exact ones leave out the gap between the periods (this month so far against last month's).
 */
export function inEitherPeriod(column: SQL, p: TPeriodBounds): SQL {
  return sql`(${column} >= ${p.previousStart.toISOString()}::timestamptz and ${column} < ${p.end.toISOString()}::timestamptz
    and ((${column} >= ${p.previousStart.toISOString()}::timestamptz and ${column} < ${p.previousEnd.toISOString()}::timestamptz)
    or (${column} >= ${p.start.toISOString()}::timestamptz and ${column} < ${p.end.toISOString()}::timestamptz)))`;
}

/** part / whole rounded to 4 digits, null when whole is 0 (a rate never shows a fake 0). */
export function rateOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
