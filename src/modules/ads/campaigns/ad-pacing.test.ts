import { describe, expect, it } from 'vitest';
import { cpaAlertOf, pacingOf, type TPacingInput } from './ad-pacing.js';

const base: TPacingInput = {
  daily_budget: null,
  total_budget: null,
  start_date: null,
  end_date: null,
  spentInPeriod: 0,
  yesterday: null,
  lastDay: '2025-06-09',
  today: '2025-06-10',
};

describe('budget pacing', () => {
  it('projects spend to date over the whole period on a total budget', () => {
    // 30 days, 9 elapsed (up to yesterday, the last day with figures): 270 spent → 900 projected.
    const total = { ...base, total_budget: 900, start_date: '2025-06-01', end_date: '2025-06-30' };
    expect(pacingOf({ ...total, spentInPeriod: 270 })).toEqual({ basis: 'total', budget: 900, spent: 270, projected: 900, state: 'on_track' });
    expect(pacingOf({ ...total, spentInPeriod: 360 })).toMatchObject({ projected: 1200, state: 'over' });
    expect(pacingOf({ ...total, spentInPeriod: 180 })).toMatchObject({ projected: 600, state: 'under' });
    // Today counts once it has figures: 10 days elapsed.
    expect(pacingOf({ ...total, spentInPeriod: 300, lastDay: '2025-06-10' })).toMatchObject({ projected: 900, state: 'on_track' });
    // Once the period is over the projection is what was spent.
    expect(pacingOf({ ...total, spentInPeriod: 950, today: '2025-07-05', lastDay: '2025-06-30' })).toMatchObject({ projected: 950, state: 'on_track' });
    expect(pacingOf({ ...total, spentInPeriod: 500, today: '2025-07-05', lastDay: '2025-06-30' })).toMatchObject({ projected: 500, state: 'under' });
  });

  it("compares yesterday's spend with a daily budget", () => {
    const daily = { ...base, daily_budget: 50 };
    expect(pacingOf({ ...daily, yesterday: { date: '2025-06-09', spend: 48, conversions: 1 } })).toEqual({
      basis: 'daily',
      budget: 50,
      spent: 48,
      projected: 48,
      state: 'on_track',
    });
    expect(pacingOf({ ...daily, yesterday: { date: '2025-06-09', spend: 56, conversions: 1 } })?.state).toBe('over');
    expect(pacingOf({ ...daily, yesterday: { date: '2025-06-09', spend: 34.99, conversions: 1 } })?.state).toBe('under');
    // A total budget without dates cannot be projected: the daily one is used.
    expect(pacingOf({ ...daily, total_budget: 1000, yesterday: { date: '2025-06-09', spend: 50, conversions: 0 } })?.basis).toBe('daily');
  });

  it('is null without a budget, without figures, or without spend data yesterday on a daily budget', () => {
    expect(pacingOf(base)).toBeNull();
    expect(pacingOf({ ...base, daily_budget: 50, lastDay: null })).toBeNull();
    expect(pacingOf({ ...base, daily_budget: 50 })).toBeNull();
    expect(pacingOf({ ...base, total_budget: 900, start_date: '2025-06-01', end_date: '2025-06-30', lastDay: null })).toBeNull();
  });
});

describe('CPA alert', () => {
  const week = Array.from({ length: 7 }, (_, i) => ({ date: `2025-06-0${i + 2}`, spend: 100, conversions: 5 }));

  it('rises when the last day costs more than its 7-day average by more than the threshold', () => {
    // Average 20; last day 30: +50 %.
    const days = [...week, { date: '2025-06-09', spend: 90, conversions: 3 }];
    expect(cpaAlertOf(days, '2025-06-09', 0.3)).toEqual({ date: '2025-06-09', cpa: 30, average_cpa: 20, rise: 0.5, threshold: 0.3 });
    expect(cpaAlertOf(days, '2025-06-09', 0.5)).toBeNull();
    expect(cpaAlertOf(days, '2025-06-09', 0.30000001192092896)).toMatchObject({ threshold: 0.3 });
  });

  it('weighs days without conversion in the average instead of dropping them', () => {
    // 600 spent for 30 conversions over the week plus a day spending 100 for none: average 700 / 30 = 23.33.
    const days = [...week.slice(1), { date: '2025-06-01', spend: 999, conversions: 0 }, { date: '2025-06-02', spend: 100, conversions: 0 }];
    const last = { date: '2025-06-09', spend: 31, conversions: 1 };
    expect(cpaAlertOf([...days, last], '2025-06-09', 0.3)).toMatchObject({ average_cpa: 23.33, cpa: 31 });
  });

  it('stays silent without conversions on either side, without the week before, or without figures', () => {
    expect(cpaAlertOf([...week, { date: '2025-06-09', spend: 90, conversions: 0 }], '2025-06-09', 0.3)).toBeNull();
    const noConversions = week.map((d) => ({ ...d, conversions: 0 }));
    expect(cpaAlertOf([...noConversions, { date: '2025-06-09', spend: 90, conversions: 1 }], '2025-06-09', 0.3)).toBeNull();
    expect(cpaAlertOf([{ date: '2025-06-09', spend: 90, conversions: 1 }], '2025-06-09', 0.3)).toBeNull();
    expect(cpaAlertOf([], null, 0.3)).toBeNull();
  });
});
