import { TZDate } from '@date-fns/tz';
import { isTimeZone } from '../../../contracts/common.js';
import type { TSendWindow } from '../../../contracts/email-sequences.js';

// Times in a person's time zone: a send window's next opening, a "wait until Monday 9:00". Computed with
// @date-fns/tz (the IANA rules, summer time included), never with a fixed offset.

/** ISO weekday (1 Monday … 7 Sunday) of a zoned date. */
function isoWeekday(date: TZDate): number {
  return date.getDay() === 0 ? 7 : date.getDay();
}

/** The day `days` after `from` (in its zone), at hh:mm there. */
function dayAt(from: TZDate, days: number, time: string): TZDate {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const day = new TZDate(from.getFullYear(), from.getMonth(), from.getDate() + days, hours, minutes, 0, 0, from.timeZone!);
  return day;
}

/** When an email due at `now` may go: `now` inside the window, else the window's next opening. */
export function nextSendTime(now: Date, window: TSendWindow | null, timeZone: string): Date {
  if (!window) return now;
  const local = new TZDate(now.getTime(), timeZone);
  // Eight days: today (maybe after its end) and a whole week after it.
  for (let d = 0; d <= 7; d++) {
    const start = dayAt(local, d, window.start);
    if (!window.days.includes(isoWeekday(start))) continue;
    const end = dayAt(local, d, window.end);
    if (now.getTime() < start.getTime()) return new Date(start.getTime());
    if (now.getTime() < end.getTime()) return now;
  }
  return now;
}

/** The first time after `now` at hh:mm on `weekday` (null: any day) in the zone: a "wait until" step's end. */
export function nextOccurrence(now: Date, weekday: number | null, time: string, timeZone: string): Date {
  const local = new TZDate(now.getTime(), timeZone);
  for (let d = 0; d <= 7; d++) {
    const at = dayAt(local, d, time);
    if (at.getTime() > now.getTime() && (weekday === null || isoWeekday(at) === weekday)) return new Date(at.getTime());
  }
  return new Date(now.getTime() + 7 * 86_400_000);
}

/** A time zone that Intl knows (the contract's check), else the fallback (a lead's field written by SQL or an import). */
export function knownTimeZone(value: string | null | undefined, fallback: string): string {
  return value && isTimeZone(value) ? value : fallback;
}
