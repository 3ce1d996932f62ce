// Calendar days (YYYY-MM-DD) of ad figures: platforms report per day in the ad account's zone, and the workspace's
// zone decides what "today" and "yesterday" are. The day arithmetic is the contracts' one, shared with the web.
export { addDays, dayIn, daysBetween, todayIn } from '../../../contracts/calendar-days.js';

/** The earliest of the days given (nulls ignored), or null. */
export function earliest(...dates: (string | null | undefined)[]): string | null {
  const known = dates.filter((d): d is string => !!d);
  return known.length ? known.reduce((a, b) => (a < b ? a : b)) : null;
}
