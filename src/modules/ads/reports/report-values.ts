// Cells of an ad report as the networks write them: numbers the French or the English way, dates in the forms each
// export uses, and the placeholders that mean "nothing" ("--" in Google Ads, an empty cell in Meta).

export type TReportLanguage = 'fr' | 'en';

/** A cell as read: text from a CSV; text, number or Date from a workbook; null when empty. */
export type TCell = string | number | boolean | Date | null;

/** Cells that mean "no figure" (Google Ads writes "--", some exports a dash): counted as 0. */
const NOTHING = /^(?:|--|-|—|–|n\/a|null)$/i;

/** The cell as trimmed text ('' when empty). */
export function cellText(cell: TCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell)
    .replace(/^\uFEFF/, '')
    .trim();
}

/**
 * A number in the report's language: French "1 234,56" (spaces, no-break spaces or dots between thousands, decimal
 * comma), English "1,234.56"; a currency sign or code around it is ignored. 0 for an empty cell or "--"; null when
 * it is not a number. With both separators the last one is the decimal one whatever the language (a French user
 * may export with an English number format).
 */
export function parseReportNumber(cell: TCell | undefined, language: TReportLanguage): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  let text = cellText(cell)
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^(?:[A-Z]{3}|[€$£])|(?:[A-Z]{3}|[€$£])$/g, '');
  if (NOTHING.test(text)) return 0;
  const negative = /^[-−]/.test(text) || /^\(.*\)$/.test(text);
  text = text.replace(/^[-−+]|^\(|\)$/g, '');
  // A workbook's raw number may be written with an exponent ("1.5E-3").
  if (/^\d+(?:\.\d+)?e[-+]?\d+$/i.test(text)) return (negative ? -1 : 1) * Number(text);
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    text = text
      .split(decimal === ',' ? '.' : ',')
      .join('')
      .replace(decimal, '.');
  } else if (lastComma >= 0) {
    // English: commas group thousands ("1,234,567"); French: one comma is the decimal separator.
    const grouped = /^\d{1,3}(?:,\d{3})+$/.test(text);
    text = language === 'en' && grouped ? text.replaceAll(',', '') : text.replace(',', '.');
  } else if (lastDot >= 0 && /^\d{1,3}(?:\.\d{3}){2,}$/.test(text)) {
    text = text.replaceAll('.', '');
  }
  if (!/^\d+(?:\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return negative ? -value : value;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  janv: 1,
  janvier: 1,
  feb: 2,
  february: 2,
  fevr: 2,
  fevrier: 2,
  fev: 2,
  mar: 3,
  march: 3,
  mars: 3,
  apr: 4,
  april: 4,
  avr: 4,
  avril: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juin: 6,
  jul: 7,
  july: 7,
  juil: 7,
  juillet: 7,
  aug: 8,
  august: 8,
  aout: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  oct: 10,
  october: 10,
  octobre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  dec: 12,
  december: 12,
  decembre: 12,
};

/** "févr." -> "fevr": month names compared without accents, case or the abbreviation's dot. */
const monthKey = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31/02 and the like
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar day (YYYY-MM-DD) from the forms the exports write: 2026-11-03 (Meta, LinkedIn, Google), 03/11/2026
 * (French: day first), 11/03/2026 (English LinkedIn: month first; day first when the first number cannot be a
 * month), "Nov 3, 2026" or "Tue, Nov 3, 2026" (Google English), "3 nov. 2026" or "mar. 3 nov. 2026" (Google French),
 * a workbook's date cell, or an Excel serial day number. Null when it is not a real date.
 */
export function parseReportDate(cell: TCell | undefined, language: TReportLanguage): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  // Excel serial days (1900 system): 45000 is 2023-03-15; only a plausible range is taken as a date.
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 36526 || cell > 73051) return null;
    return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
  }
  // A time after the day ("2026-11-03 00:00:00", "2026-11-03T00:00") is dropped.
  const text = cellText(cell).replace(/[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?$/, '');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const [a, b, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const monthFirst = language === 'en' ? a <= 12 : b > 12;
    return monthFirst ? isoDate(year, a, b) : isoDate(year, b, a);
  }
  // A week day before the date ("Tue, " / "mar. ") is dropped.
  const words = text
    .replace(/^[A-Za-zÀ-ÿ]+\.?,?\s+(?=[A-Za-zÀ-ÿ]+\.?\s+\d|\d{1,2}\s+[A-Za-zÀ-ÿ])/, '')
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length !== 3) return null;
  const [first, second, third] = words as [string, string, string];
  const year = Number(third);
  if (/^\d{1,2}$/.test(first) && MONTHS[monthKey(second)]) return isoDate(year, MONTHS[monthKey(second)]!, Number(first));
  if (/^\d{1,2}$/.test(second) && MONTHS[monthKey(first)]) return isoDate(year, MONTHS[monthKey(first)]!, Number(second));
  return null;
}
