/**
 * Reads a number typed or pasted by a person, in French or English habits: "12 500,50", "12 500,50 €",
 * "12.500,50", "12,500.50", "1 234" (spaces, no-break and narrow no-break spaces as thousands separators), "-3,5".
 *
 * Rules, in order:
 * - currency signs, letters of a currency code and every kind of space or apostrophe are ignored;
 * - both "," and "." present: the last one is the decimal mark, the other groups thousands;
 * - one mark repeated ("1.234.567"): it groups thousands;
 * - thousands separators must sit between groups of three digits ("12,5,3.2" is not a number);
 * - a single ",": decimal in French; in English, grouping when exactly three digits follow ("1,500"), decimal otherwise;
 * - a single ".": decimal in both languages (the French numeric keypad types ".").
 * Returns null for an empty text and NaN for a text that is not a number, so callers can tell them apart.
 */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f\u2009'’]/g, '')
    .replace(/[€$£¥₣]|EUR|USD|GBP|CHF/gi, '')
    .replace(/^\u2212/, '-');
  if (cleaned === '') return null;
  const match = /^([+-]?)([\d.,]+)$/.exec(cleaned);
  if (!match) return Number.NaN;
  const sign = match[1] === '-' ? -1 : 1;
  const body = match[2] ?? '';
  const decimalMark = decimalMarkOf(body, locale);
  const [integer = '', fraction, extra] = decimalMark ? body.split(decimalMark) : [body];
  if (extra !== undefined) return Number.NaN;
  // What is left of the decimal mark may only hold thousands separators, between groups of three digits.
  if (/[.,]/.test(integer) && !/^\d{1,3}([.,]\d{3})+$/.test(integer)) return Number.NaN;
  const digits = integer.replace(/[.,]/g, '');
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fraction ?? '')) return Number.NaN;
  if (digits === '' && !fraction) return Number.NaN;
  // "12," is accepted as 12: the person is still typing the decimals.
  return sign * Number(`${digits || '0'}${fraction ? `.${fraction}` : ''}`);
}

/** Which of "," and "." is the decimal mark in `body` (digits, commas and dots only), or null when there is none. */
function decimalMarkOf(body: string, locale: string): ',' | '.' | null {
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
  const mark = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (!mark) return null;
  if (body.indexOf(mark) !== body.lastIndexOf(mark)) return null; // repeated: thousands
  if (mark === ',' && locale.startsWith('en') && /,\d{3}$/.test(body)) return null;
  return mark;
}
