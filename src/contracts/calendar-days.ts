// Calendar days as the wire writes them (YYYY-MM-DD), for the server and the web alike: "today" in a time zone and
// day arithmetic. A calendar day has no time zone, so the arithmetic runs in UTC where no local zone can shift it.

const DAY_MS = 86_400_000;
const utcMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The day an instant falls on in an IANA time zone (the runtime's own when undefined), as YYYY-MM-DD. */
export function dayIn(timeZone: string | undefined, at: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Today in an IANA time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return dayIn(timeZone, now);
}

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted (1 when equal, 0 or less when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS) + 1;
}
