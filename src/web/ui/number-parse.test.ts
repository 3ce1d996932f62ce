import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from './number-parse.js';

describe('parseLocaleNumber', () => {
  it('reads French amounts with a decimal comma and spaces between thousands', () => {
    expect(parseLocaleNumber('12 500,50', 'fr')).toBe(12500.5);
    expect(parseLocaleNumber('12\u00a0500,50', 'fr')).toBe(12500.5);
    expect(parseLocaleNumber('12\u202f500,50 €', 'fr')).toBe(12500.5); // what Intl prints, copied back
    expect(parseLocaleNumber('1 250 050', 'fr')).toBe(1250050);
    expect(parseLocaleNumber('12.500,50', 'fr')).toBe(12500.5);
    expect(parseLocaleNumber('4575', 'fr')).toBe(4575);
    expect(parseLocaleNumber('0,5', 'fr')).toBe(0.5);
    expect(parseLocaleNumber(',5', 'fr')).toBe(0.5);
  });

  it('reads a dot as a decimal mark in French too (the numeric keypad types one)', () => {
    expect(parseLocaleNumber('12.5', 'fr')).toBe(12.5);
    expect(parseLocaleNumber('1.234.567', 'fr')).toBe(1234567);
  });

  it('reads English amounts', () => {
    expect(parseLocaleNumber('12,500.50', 'en')).toBe(12500.5);
    expect(parseLocaleNumber('€12,500.50', 'en')).toBe(12500.5);
    expect(parseLocaleNumber('1,500', 'en')).toBe(1500);
    expect(parseLocaleNumber('1,5', 'en')).toBe(1.5);
    expect(parseLocaleNumber('1,500', 'fr')).toBe(1.5);
  });

  it('keeps the sign, including the typographic minus', () => {
    expect(parseLocaleNumber('-3,5', 'fr')).toBe(-3.5);
    expect(parseLocaleNumber('\u22123,5', 'fr')).toBe(-3.5);
    expect(parseLocaleNumber('+7', 'fr')).toBe(7);
  });

  it('accepts a trailing decimal mark while the decimals are being typed', () => {
    expect(parseLocaleNumber('12,', 'fr')).toBe(12);
  });

  it('tells an empty text (null) from a text that is not a number (NaN)', () => {
    expect(parseLocaleNumber('', 'fr')).toBeNull();
    expect(parseLocaleNumber('  € ', 'fr')).toBeNull();
    expect(parseLocaleNumber('abc', 'fr')).toBeNaN();
    expect(parseLocaleNumber('12,5,3.2', 'fr')).toBeNaN();
    expect(parseLocaleNumber('1,2.3,4', 'fr')).toBeNaN();
    expect(parseLocaleNumber(',', 'fr')).toBeNaN();
    expect(parseLocaleNumber('1-2', 'fr')).toBeNaN();
  });
});
