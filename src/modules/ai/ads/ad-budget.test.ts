import { describe, expect, it } from 'vitest';
import { ZBudgetPlanPhase } from '../../../contracts/ai.js';
import { addDays, daysBetween } from '../../../contracts/calendar-days.js';
import { adPeriod, budgetPlan } from './ad-budget.js';

const cents = (amount: number) => Math.round(amount * 100);

describe('budgetPlan', () => {
  it('splits an odd budget over 31 days into a 7-day test and a scale phase summing exactly to it', () => {
    const plan = budgetPlan(999.99, 'EUR', '2025-03-01', '2025-03-31', { language: 'fr', variants: 5, audiences: 3 });
    plan.forEach((phase) => ZBudgetPlanPhase.parse(phase));
    expect(plan.map((p) => p.phase)).toEqual(['test', 'scale']);
    expect(plan.reduce((sum, p) => sum + cents(p.amount), 0)).toBe(99_999);
    const [test, scale] = plan as [(typeof plan)[0], (typeof plan)[0]];
    // Contiguous, within the period, test = the first 7 days with ~30 %.
    expect(test.from).toBe('2025-03-01');
    expect(test.to).toBe('2025-03-07');
    expect(scale.from).toBe(addDays(test.to, 1));
    expect(scale.to).toBe('2025-03-31');
    expect(test.amount).toBe(300);
    expect(scale.amount).toBe(699.99);
    expect(test.daily).toBe(42.86);
    expect(scale.daily).toBe(29.17);
    expect(test.note).toContain('5\u00a0variantes');
    expect(test.note).toMatch(/Test\u00a0:/);
    expect(test.note).toContain('20,00'); // 300 € over 15 combinations
  });

  it('takes a quarter of a short period for the test, and one phase for a single day', () => {
    const plan = budgetPlan(100, 'USD', '2025-06-01', '2025-06-12', { language: 'en' });
    expect(plan[0]).toMatchObject({ from: '2025-06-01', to: '2025-06-03', amount: 30 });
    expect(plan[1]).toMatchObject({ from: '2025-06-04', to: '2025-06-12', amount: 70 });
    expect(plan[0]!.note).toContain('$30.00');
    for (const [budget, days] of [
      [1, 2],
      [12_345.67, 90],
      [0.01 + 7, 3],
    ] as const) {
      const end = addDays('2025-01-01', days - 1);
      const phases = budgetPlan(budget, 'EUR', '2025-01-01', end);
      expect(phases.reduce((sum, p) => sum + cents(p.amount), 0)).toBe(cents(budget));
      expect(phases.reduce((sum, p) => sum + daysBetween(p.from, p.to), 0)).toBe(days);
    }
    expect(budgetPlan(50, 'EUR', '2025-01-01', '2025-01-01')).toEqual([expect.objectContaining({ phase: 'test', amount: 50, daily: 50 })]);
  });
});

describe('adPeriod', () => {
  it('starts tomorrow in the workspace’s zone and lasts 30 days by default', () => {
    // 23:30 UTC on 10 March is already 11 March in Paris.
    const now = new Date('2025-03-10T23:30:00Z');
    expect(adPeriod({}, 'Europe/Paris', now)).toEqual({ start: '2025-03-12', end: '2025-04-10' });
    expect(adPeriod({}, 'America/New_York', now)).toEqual({ start: '2025-03-11', end: '2025-04-09' });
    expect(adPeriod({ start_date: '2025-05-01' }, 'Europe/Paris', now)).toEqual({ start: '2025-05-01', end: '2025-05-30' });
    expect(adPeriod({ start_date: '2025-05-01', end_date: '2025-05-10' }, 'Europe/Paris', now)).toEqual({ start: '2025-05-01', end: '2025-05-10' });
  });
});
