import { describe, expect, it } from 'vitest';
import { addDays, presetRange, todayIn } from './ad-range.js';

describe('ad ranges', () => {
  it('ends the last N days on today in the workspace time zone, today included', () => {
    const now = new Date('2026-03-01T23:30:00Z');
    expect(todayIn('Europe/Paris', now)).toBe('2026-03-02');
    expect(todayIn('America/New_York', now)).toBe('2026-03-01');
    expect(presetRange('7d', '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(presetRange('30d', '2026-03-02')).toEqual({ from: '2026-02-01', to: '2026-03-02' });
  });

  it('leaves the auto range to the server', () => {
    expect(presetRange('auto', '2026-03-02')).toEqual({});
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
