import { describe, expect, it } from 'vitest';
import { neutralizeCsvCell, restoreCsvCell } from './csv-cell.js';

describe('CSV cells (formula injection)', () => {
  it('prefixes every cell a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3+cmd|x', '\t=1+1', '\r=1+1', '+33 6 12 34 56 78', '-']) {
      expect(neutralizeCsvCell(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves text and plain numbers (negative amounts included) as they are', () => {
    for (const cell of ['Alice', 'a=b', '', ' =x', '-5', '-12.50', '+3', '-1,5', '2e-3', '42', 'l’été']) {
      expect(neutralizeCsvCell(cell)).toBe(cell);
    }
  });

  it('reading undoes writing, the user’s own quotes included', () => {
    for (const cell of ['=1+1', "'=1+1", "''@x", '-5', "'", "it's", "'hello", '-x', '\t=1', 'Alice']) {
      expect(restoreCsvCell(neutralizeCsvCell(cell))).toBe(cell);
    }
  });

  it('reading removes a spreadsheet text marker before a formula character only', () => {
    expect(restoreCsvCell("'=1+1")).toBe('=1+1');
    expect(restoreCsvCell("'-5")).toBe('-5');
    expect(restoreCsvCell("'hello")).toBe("'hello");
  });
});
