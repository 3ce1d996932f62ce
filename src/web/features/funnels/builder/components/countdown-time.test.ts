import { describe, expect, it } from 'vitest';
import { countdownParts, isoToLocal, localToIso } from './countdown-time.js';

describe('countdown times', () => {
  it('writes the date-time field as ISO with the offset, and reads it back', () => {
    const iso = localToIso('2026-12-31T20:00');
    expect(iso).toMatch(/^2026-12-31T20:00:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso).getTime()).toBe(new Date('2026-12-31T20:00').getTime());
    expect(isoToLocal(iso)).toBe('2026-12-31T20:00');
    expect(localToIso('')).toBe('');
    expect(isoToLocal('not a date')).toBe('');
  });

  it('shows the time left (fixed) or the whole length (evergreen)', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(countdownParts({ 'data-mode': 'fixed', 'data-until': '2026-12-03T12:30:15Z' }, now)).toEqual({
      days: '02',
      hours: '02',
      minutes: '30',
      seconds: '15',
    });
    expect(countdownParts({ 'data-mode': 'fixed', 'data-until': '2026-11-01T00:00:00Z' }, now)).toEqual({
      days: '00',
      hours: '00',
      minutes: '00',
      seconds: '00',
    });
    expect(countdownParts({ 'data-mode': 'evergreen', 'data-minutes': '90' }, now)).toEqual({ days: '00', hours: '01', minutes: '30', seconds: '00' });
    expect(countdownParts({ 'data-mode': 'evergreen', 'data-minutes': 'x' }, now).minutes).toBe('00');
  });
});
