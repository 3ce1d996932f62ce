import type { TAdPacing } from '../../../contracts/ads.js';
import { addDays, daysBetween } from './ad-dates.js';
import { ratio, round } from './ad-ratios.js';

// Budget pacing and the CPA alert of a campaign card (issue 14, section 3), pure so they are tested on their own.

/** One day's spend and platform conversions. */
export type TSpendDay = { date: string; spend: number; conversions: number };

/** Above this share of the budget the projection is `over`, below the other `under`. */
const OVER = 1.1;
const UNDER = 0.7;

export type TPacingInput = {
  daily_budget: number | null;
  total_budget: number | null;
  start_date: string | null;
  end_date: string | null;
  /** Spend from start_date to end_date (total basis). */
  spentInPeriod: number;
  /** Yesterday's figures in the workspace's zone, null when none (the campaign did not run or is not synced yet). */
  yesterday: TSpendDay | null;
  /** The campaign's last day with figures, null when none. */
  lastDay: string | null;
  /** Today in the workspace's zone. */
  today: string;
};

/**
 * Pacing on the total budget when the campaign has one with both dates (spend to date projected at its daily rate to
 * the end date), else on the daily budget (yesterday's spend against it). Null without a budget or without figures.
 */
export function pacingOf(input: TPacingInput): TAdPacing | null {
  if (!input.lastDay) return null;
  if (input.total_budget !== null && input.start_date && input.end_date) {
    const budget = input.total_budget;
    const spent = round(input.spentInPeriod, 2);
    // Days elapsed up to the last full day (today counts once it has figures), never past the end nor before the start.
    const through = input.lastDay >= input.today ? input.today : addDays(input.today, -1);
    const last = through < input.end_date ? through : input.end_date;
    const elapsed = Math.max(1, daysBetween(input.start_date, last));
    const total = daysBetween(input.start_date, input.end_date);
    const projected = input.today > input.end_date ? spent : round((spent / Math.min(elapsed, total)) * total, 2);
    return { basis: 'total', budget, spent, projected, state: stateOf(projected, budget) };
  }
  if (input.daily_budget !== null && input.yesterday) {
    const spent = round(input.yesterday.spend, 2);
    return { basis: 'daily', budget: input.daily_budget, spent, projected: spent, state: stateOf(spent, input.daily_budget) };
  }
  return null;
}

function stateOf(projected: number, budget: number): TAdPacing['state'] {
  if (projected > budget * OVER) return 'over';
  if (projected < budget * UNDER) return 'under';
  return 'on_track';
}

/** The alert ZAdCpaAlert describes. */
export type TCpaAlert = { date: string; cpa: number; average_cpa: number; rise: number; threshold: number };

/**
 * The last day's CPA against the CPA of the 7 days before it (their spend over their conversions, so a day without
 * conversion weighs in instead of breaking an average of ratios). No alert when either has no conversion.
 * `days` holds at least the last day and the 7 before it (others are ignored).
 */
export function cpaAlertOf(days: TSpendDay[], lastDay: string | null, threshold: number): TCpaAlert | null {
  if (!lastDay) return null;
  const last = days.find((d) => d.date === lastDay);
  const weekStart = addDays(lastDay, -7);
  const week = days.filter((d) => d.date >= weekStart && d.date < lastDay);
  if (!last || week.length === 0) return null;
  const cpa = ratio(last.spend, last.conversions, 2);
  const average = ratio(
    week.reduce((s, d) => s + d.spend, 0),
    week.reduce((s, d) => s + d.conversions, 0),
    2,
  );
  if (cpa === null || average === null || average === 0) return null;
  const rise = round(cpa / average - 1, 4);
  // real columns hold 0.3 as 0.30000001: compare at the precision users set it with.
  const limit = round(threshold, 4);
  return rise > limit ? { date: lastDay, cpa, average_cpa: average, rise, threshold: limit } : null;
}
