// CSV formula injection (OWASP "CSV Injection"): a spreadsheet that opens a CSV runs a cell starting
// with =, +, -, @ (or a tab or carriage return before one) as a formula, e.g. a lead named
// =HYPERLINK("http://x","y") or +cmd|' /C calc'!A0. Every CSV the product writes passes each cell
// through neutralizeCsvCell, which prefixes such a cell with ' (the spreadsheet then shows text), and
// every CSV it reads passes each cell through restoreCsvCell, so exporting then re-importing a file
// changes nothing.
//
// Decisions:
// - A cell that is only a number (-5, -12.50, +3, -1,5, 2e-3) is left as it is: a spreadsheet reads
//   it as a number, never as a formula, and a ' would turn every negative amount into text.
// - A cell that already starts with quotes before a formula character ('=x) gets one more quote, and
//   reading removes exactly one: the round trip keeps the user's own quotes.

/** A cell a spreadsheet would evaluate, possibly behind quotes a writer added (neutralized cells). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A plain number, signed or not, decimal point or comma, optional exponent: never a formula. */
const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?$/;

/** The cell as written to a CSV: prefixed with ' when a spreadsheet would run it as a formula. */
export function neutralizeCsvCell(value: string): string {
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** A cell read from a CSV: the ' that neutralizeCsvCell added (or a spreadsheet's text marker) removed. */
export function restoreCsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}
