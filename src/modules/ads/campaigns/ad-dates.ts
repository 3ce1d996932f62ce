// Calendar days (YYYY-MM-DD) of ad figures: platforms report per day in the ad account's zone, and the workspace's
// zone decides what "today" and "yesterday" are. Plain strings, computed in UTC so no local zone shifts them.

/** Today in an IANA time zone, as YYYY-MM-DD (en-CA writes dates that way). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted (1 when equal, 0 or less when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The earliest of the days given (nulls ignored), or null. */
export function earliest(...dates: (string | null | undefined)[]): string | null {
  const known = dates.filter((d): d is string => !!d);
  return known.length ? known.reduce((a, b) => (a < b ? a : b)) : null;
}
