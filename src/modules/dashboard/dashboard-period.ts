import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, startOfDay, startOfMonth, startOfQuarter, startOfWeek, subDays, subMonths, subQuarters } from 'date-fns';
import type { TDashboardPeriod } from '../../contracts/dashboard.js';

/** Bounds of a dashboard period and of the period it is compared with. */
export type TPeriodBounds = {
  start: Date;
  end: Date;
  previousStart: Date;
  previousEnd: Date;
  bucket: 'day' | 'week';
  /** Start of each time-series bucket, the first one being `start`. */
  buckets: Date[];
  /** Start of today and of tomorrow (for tasks due today). */
  todayStart: Date;
  tomorrowStart: Date;
};

const ROLLING_DAYS: Partial<Record<TDashboardPeriod, number>> = { '7d': 7, '30d': 30, '90d': 90 };

/**
 * Pure: the period `key` as of `now`, with days and months cut in `timeZone` (an IANA name,
 * the workspace's). Rolling periods are today plus the N − 1 days
 * before it; "month" and "quarter" run from their first day to now. The previous period has
 * exactly the same elapsed length (the last 7 days against the 7 days before, this month so far
 * against the same days of last month), so a comparison made at 9 a.m. is not against a full day.
 */
export function periodBounds(key: TDashboardPeriod, now: Date, timeZone: string): TPeriodBounds {
  const zoned = new TZDate(now.getTime(), timeZone);
  const todayStart = startOfDay(zoned);
  const tomorrowStart = addDays(todayStart, 1);
  const days = ROLLING_DAYS[key];
  let start: Date;
  let previousStart: Date;
  let previousEnd: Date;
  if (days !== undefined) {
    start = subDays(todayStart, days - 1);
    previousStart = subDays(start, days);
    previousEnd = subDays(zoned, days);
  } else if (key === 'month') {
    start = startOfMonth(zoned);
    previousStart = startOfMonth(subMonths(zoned, 1));
    previousEnd = subMonths(zoned, 1);
  } else {
    start = startOfQuarter(zoned);
    previousStart = startOfQuarter(subQuarters(zoned, 1));
    previousEnd = subQuarters(zoned, 1);
  }
  const bucket = key === '90d' || key === 'quarter' ? 'week' : 'day';
  const buckets: Date[] = [start];
  for (;;) {
    const last = buckets.at(-1)!;
    const next = bucket === 'day' ? addDays(last, 1) : startOfWeek(addWeeks(last, 1), { weekStartsOn: 1 });
    if (next.getTime() >= now.getTime()) break;
    buckets.push(next);
  }
  const plain = (d: Date) => new Date(d.getTime());
  return {
    start: plain(start),
    end: plain(now),
    previousStart: plain(previousStart),
    previousEnd: plain(previousEnd),
    bucket,
    buckets: buckets.map(plain),
    todayStart: plain(todayStart),
    tomorrowStart: plain(tomorrowStart),
  };
}
