import { describe, expect, it } from 'vitest';
import { createFormatters } from './format.js';

// Intl separates French thousands with a narrow no-break space (U+202F) and puts a no-break space before "€" and "%".
const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('createFormatters', () => {
  const fr = createFormatters('fr', 'EUR');
  const en = createFormatters('en', 'EUR');

  it('formats money the same way everywhere, cents only when there are some', () => {
    expect(spaces(fr.money(4575))).toBe('4 575 €');
    expect(spaces(fr.money(12500.5))).toBe('12 500,50 €');
    expect(en.money(4575)).toBe('€4,575');
    expect(spaces(createFormatters('fr', 'USD').money(10))).toBe('10 $US');
  });

  it('formats numbers, percentages and days in the interface language', () => {
    expect(spaces(fr.number(1234567.891))).toBe('1 234 567,89');
    expect(spaces(fr.percent(0.51))).toBe('51 %');
    expect(en.percent(0.51)).toBe('51%');
    expect(spaces(fr.days(18.6))).toBe('18,6 j');
    expect(en.days(18.6)).toBe('18.6 days');
    expect(en.days(1)).toBe('1 day');
  });

  it('formats dates', () => {
    expect(fr.date('2026-12-01T15:02:00Z')).toMatch(/^1 déc\. 2026$/);
    expect(en.date('2026-12-01T15:02:00Z')).toBe('Dec 1, 2026');
  });
});
