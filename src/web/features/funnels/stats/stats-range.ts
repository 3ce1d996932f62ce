import { addDays, daysBetween, todayIn } from '../../../../contracts/calendar-days.js';
import { isCalendarDate } from '../../../../contracts/common.js';
import { MAX_FUNNEL_STATS_DAYS } from '../../../../contracts/funnels.js';

// The range of days a funnel's statistics cover, as the URL keeps it (`?from=YYYY-MM-DD&to=YYYY-MM-DD`). Days are
// calendar days of the workspace's time zone, like the server's: the arithmetic is done on UTC midnights so no
// browser time zone or daylight-saving change shifts a day. Pure functions, "today" passed in.

/** A range of days, both included. */
export type TDayRange = { from: string; to: string };

/** The preset lengths, in days; the server's default (no from/to) is the 30 days ending today. */
export const RANGE_PRESETS = [7, 30, 90] as const;
export type TRangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: TRangePreset = 30;

/** Why a custom range cannot be asked for. */
export type TRangeProblem = 'missing' | 'order' | 'tooLong' | 'future';

export { addDays, todayIn };

/** How many days a range covers, both ends included (0 or less when `to` is before `from`). */
export function rangeLength(range: TDayRange): number {
  return daysBetween(range.from, range.to);
}

/** The `days` days ending today. */
export function presetRange(days: number, today: string): TDayRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** What is wrong with a range the user typed, or null when the server will take it. */
export function rangeProblem(range: { from: string; to: string }, today: string): TRangeProblem | null {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to)) return 'missing';
  if (range.to < range.from) return 'order';
  if (range.from > today) return 'future';
  if (rangeLength(range) > MAX_FUNNEL_STATS_DAYS) return 'tooLong';
  return null;
}

/** The range in the URL, or null (the default 30 days) when absent or not one the server would take. */
export function rangeFromParams(params: URLSearchParams, today: string): TDayRange | null {
  const from = params.get('from');
  const to = params.get('to');
  if (from === null || to === null) return null;
  return rangeProblem({ from, to }, today) === null ? { from, to } : null;
}

/** The preset a range is (null: the default), or 'custom'. */
export function presetOf(range: TDayRange | null, today: string): TRangePreset | 'custom' {
  if (range === null) return DEFAULT_PRESET;
  const preset = RANGE_PRESETS.find((days) => {
    const candidate = presetRange(days, today);
    return candidate.from === range.from && candidate.to === range.to;
  });
  return preset ?? 'custom';
}
