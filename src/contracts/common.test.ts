import { describe, expect, it } from 'vitest';
import { isCalendarDate, jsonDepth } from './common.js';

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    for (const day of ['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-01']) expect(isCalendarDate(day)).toBe(true);
    for (const day of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '0000-01-01',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-1-1',
      '2024-01-01T00:00:00Z',
      '',
    ]) {
      expect(isCalendarDate(day)).toBe(false);
    }
  });
});

describe('jsonDepth', () => {
  it('measures nesting without recursion, and stops early past a limit', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep)).toBe(100_000);
    expect(jsonDepth(deep, 32)).toBe(33);
  });
});
