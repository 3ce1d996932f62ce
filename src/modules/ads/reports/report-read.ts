import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';
import { MAX_AD_REPORT_ROWS } from '../../../contracts/ads.js';
import { restoreCsvCell } from '../../../platform/csv/csv-cell.js';
import { AppError } from '../../../platform/errors.js';
import { recogniseHeader } from './report-formats.js';
import type { TCell } from './report-values.js';

// A report file's bytes -> rows of cells with their line numbers. CSV in the encodings the networks write (UTF-8
// with or without BOM; UTF-16 LE, tab-separated, which is what Google Ads' "CSV" download and Excel's "Unicode text"
// are; Windows-1252 from an Excel re-save), or an XLSX workbook's first sheet. Bounded: rows, record size, and an
// XLSX's uncompressed size (a zip bomb stops before it is inflated).

export type TReportRows = { rows: TCell[][]; lines: number[]; kind: 'csv' | 'xlsx' };

/** Preamble lines, header, total lines and blank lines a real export has around its data rows. */
const ROW_ALLOWANCE = 100;
/** Longest CSV record accepted. */
const MAX_RECORD_BYTES = 64 * 1024;
/** Largest uncompressed content of an XLSX workbook (a 10 MB workbook holds far less than this). */
const MAX_XLSX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 2_000;
/** Lines looked at for the header row (Google and LinkedIn write a few lines before it). */
export const HEADER_SEARCH_ROWS = 30;

export function unreadable(message: string): AppError {
  return new AppError('unsupported_media_type', message, { reason: 'ad_report_unreadable', errors: [{ path: 'file', message }] });
}

export function tooManyRows(): AppError {
  return new AppError('payload_too_large', `The report has more than ${MAX_AD_REPORT_ROWS} rows: export a shorter period`, {
    reason: 'ad_report_too_many_rows',
    params: { max: MAX_AD_REPORT_ROWS },
  });
}

const BINARY: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** Reads a report file; throws a problem when it is empty, not a CSV or XLSX, or too long. */
export async function readReportFile(bytes: Buffer): Promise<TReportRows> {
  if (bytes.length === 0) throw emptyReport();
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes);
  for (const [signature, what] of BINARY) if (startsWith(bytes, signature)) throw unreadable(`The file is ${what}, not a CSV or XLSX report`);
  return readCsv(decode(bytes));
}

export function emptyReport(): AppError {
  return new AppError('bad_request', 'The file is empty: export the report again', { reason: 'ad_report_empty', errors: [{ path: 'file', message: 'empty' }] });
}

function decode(bytes: Buffer): string {
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = iconv.decode(bytes, 'utf8');
  else if (startsWith(bytes, [0xff, 0xfe])) text = iconv.decode(bytes, 'utf16le');
  else if (startsWith(bytes, [0xfe, 0xff])) text = iconv.decode(bytes, 'utf16be');
  else if (looksUtf16Le(bytes)) text = iconv.decode(bytes, 'utf16le');
  else text = isUtf8(bytes) ? iconv.decode(bytes, 'utf8') : iconv.decode(bytes, 'win1252');
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw unreadable('The file is binary, not a CSV or XLSX report');
  return text;
}

/** UTF-16 LE without its mark: ASCII text has a NUL after nearly every character. */
function looksUtf16Le(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 2048);
  if (sample.length < 4) return false;
  let zeros = 0;
  for (let i = 1; i < sample.length; i += 2) if (sample[i] === 0) zeros += 1;
  return zeros > sample.length / 2 / 2;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

type TCsvRecord = { record: string[]; info: { lines: number } };

function parseRecords(text: string, delimiter: string, to?: number): TCsvRecord[] {
  return parseCsv(text, {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
    ...(to ? { to } : {}),
  }) as unknown as TCsvRecord[];
}

/**
 * The separator is the one under which a known header row appears in the first lines (the preamble lines of
 * Google and LinkedIn have none or other ones); a file where none does keeps the most frequent one, and the
 * caller says it is not recognised.
 */
function readCsv(text: string): TReportRows {
  const head = text.split(/\r?\n/, HEADER_SEARCH_ROWS + 5).join('\n');
  const candidates = ['\t', ';', ','];
  let delimiter = mostFrequent(head, candidates);
  for (const candidate of candidates) {
    let records: TCsvRecord[];
    try {
      records = parseRecords(head, candidate);
    } catch {
      continue;
    }
    if (records.slice(0, HEADER_SEARCH_ROWS).some((r) => recogniseHeader(r.record) !== null)) {
      delimiter = candidate;
      break;
    }
  }
  let records: TCsvRecord[];
  try {
    records = parseRecords(text, delimiter, MAX_AD_REPORT_ROWS + ROW_ALLOWANCE + 1);
  } catch (error) {
    throw unreadable(`The file is not a valid CSV text (${(error as Error).message})`);
  }
  if (records.length > MAX_AD_REPORT_ROWS + ROW_ALLOWANCE) throw tooManyRows();
  return {
    kind: 'csv',
    rows: records.map((r) => r.record.map((cell) => restoreCsvCell(cell))),
    lines: records.map((r) => r.info.lines),
  };
}

function mostFrequent(text: string, candidates: string[]): string {
  let best = candidates[candidates.length - 1]!;
  let count = -1;
  for (const candidate of candidates) {
    const n = text.split(candidate).length - 1;
    if (n > count) [best, count] = [candidate, n];
  }
  return best;
}

async function readXlsx(bytes: Buffer): Promise<TReportRows> {
  checkZip(bytes);
  let data: TCell[][];
  try {
    // Numbers as written: campaign ids of 18 digits lose their last digits as JavaScript numbers.
    data = (await readSheet(bytes, { parseNumber: (value: string) => value, trim: true })) as unknown as TCell[][];
  } catch (error) {
    throw unreadable(`The workbook cannot be read (${(error as Error).message}): export the report again`);
  }
  if (data.length > MAX_AD_REPORT_ROWS + ROW_ALLOWANCE) throw tooManyRows();
  return { kind: 'xlsx', rows: data, lines: data.map((_, i) => i + 1) };
}

/** Reads the zip's central directory and refuses an archive that would inflate past the bounds. */
function checkZip(bytes: Buffer): void {
  const bad = () => unreadable('The file is a damaged or oversized ZIP archive, not an XLSX report');
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw bad();
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (entries > MAX_XLSX_ENTRIES || entries === 0xffff || offset === 0xffffffff) throw bad();
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw bad();
    const size = bytes.readUInt32LE(offset + 24);
    if (size === 0xffffffff) throw bad(); // ZIP64: far larger than any report
    inflated += size;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  if (inflated > MAX_XLSX_INFLATED_BYTES) throw bad();
}
