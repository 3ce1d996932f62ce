import { describe, expect, it } from 'vitest';
import { addDays, presetOf, presetRange, rangeFromParams, rangeLength, rangeProblem, todayIn } from './stats-range.js';

describe('the statistics range', () => {
  it('counts calendar days across months, leap days and daylight-saving changes', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(rangeLength({ from: '2026-10-20', to: '2026-11-02' })).toBe(14);
    expect(presetRange(7, '2026-12-02')).toEqual({ from: '2026-11-26', to: '2026-12-02' });
  });

  it('takes today in the workspace time zone, not the browser one', () => {
    const lateEvening = new Date('2026-12-02T23:30:00Z');
    expect(todayIn('Europe/Paris', lateEvening)).toBe('2026-12-03');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-12-02');
  });

  it('says what is wrong with a typed range', () => {
    const today = '2026-12-02';
    expect(rangeProblem({ from: '', to: today }, today)).toBe('missing');
    expect(rangeProblem({ from: '2026-02-30', to: today }, today)).toBe('missing');
    expect(rangeProblem({ from: '2026-12-02', to: '2026-12-01' }, today)).toBe('order');
    expect(rangeProblem({ from: '2026-12-03', to: '2026-12-04' }, today)).toBe('future');
    expect(rangeProblem({ from: '2025-12-01', to: today }, today)).toBe('tooLong');
    expect(rangeProblem({ from: '2025-12-02', to: today }, today)).toBeNull();
  });

  it('reads the URL, falling back to the default on anything the server would refuse', () => {
    const today = '2026-12-02';
    expect(rangeFromParams(new URLSearchParams('from=2026-11-01&to=2026-11-30'), today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(rangeFromParams(new URLSearchParams('from=2026-11-01'), today)).toBeNull();
    expect(rangeFromParams(new URLSearchParams('from=2026-11-30&to=2026-11-01'), today)).toBeNull();
    expect(rangeFromParams(new URLSearchParams('from=<script>&to=2026-11-01'), today)).toBeNull();
  });

  it('recognises the presets', () => {
    const today = '2026-12-02';
    expect(presetOf(null, today)).toBe(30);
    expect(presetOf(presetRange(90, today), today)).toBe(90);
    expect(presetOf({ from: '2026-11-01', to: '2026-11-30' }, today)).toBe('custom');
  });
});
