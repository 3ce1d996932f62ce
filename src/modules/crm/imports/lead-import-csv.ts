import { pipeline, Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { restoreCsvCell } from '../../../platform/csv/csv-cell.js';
import { parse as parseSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { detectDelimiter } from '../../../contracts/crm-imports.js';
import { AppError } from '../../../platform/errors.js';

// Byte-level CSV handling shared by the upload (sniffing, header) and the job (streaming records).

export type TCsvEncoding = 'utf-8' | 'windows-1252';

/** Longest record (bytes) the parser accepts: bounds memory on a file with a runaway quote. */
export const MAX_RECORD_BYTES = 1024 * 1024;

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an Excel .xlsx workbook is one): save it as CSV first'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Excel 97-2003 workbook (.xls): save it as CSV first'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xff, 0xfe], 'UTF-16 text: save it as "CSV UTF-8" instead'],
  [[0xfe, 0xff], 'UTF-16 text: save it as "CSV UTF-8" instead'],
];

/** Why the first bytes of an upload are not a CSV text (a known binary signature or a NUL byte), or null. */
export function notCsvReason(head: Buffer): string | null {
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((byte, i) => head[i] === byte)) return `The file is ${what}, not a CSV file`;
  }
  return head.subarray(0, 8192).includes(0) ? 'The file is binary, not a CSV text file' : null;
}

/**
 * Decides the encoding while the bytes stream past: valid UTF-8 from start to end means UTF-8
 * (with or without BOM); anything else is taken as Windows-1252, what Excel writes on Windows.
 */
export class EncodingSniffer {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private valid = true;

  /** Feeds the next bytes of the file. */
  push(bytes: Buffer): void {
    if (!this.valid) return;
    try {
      this.decoder.decode(bytes, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  /** The encoding, once the whole file went through push(). */
  finish(): TCsvEncoding {
    if (this.valid) {
      try {
        this.decoder.decode();
      } catch {
        this.valid = false;
      }
    }
    return this.valid ? 'utf-8' : 'windows-1252';
  }
}

/** Decodes bytes in the detected encoding, without a UTF-8 byte-order mark. */
export function decodeText(bytes: Buffer, encoding: TCsvEncoding): string {
  return iconv.decode(bytes, encoding === 'utf-8' ? 'utf8' : 'win1252');
}

/**
 * The column names and the separator, from the first bytes of the file (which must hold the whole
 * header line). Refuses with a 400 a file without a usable header line.
 */
export function readHeader(head: Buffer, encoding: TCsvEncoding, fileIsLonger: boolean): { headers: string[]; delimiter: string } {
  const text = decodeText(head, encoding);
  const line = firstRecordText(text);
  if (line === null && fileIsLonger) throw notCsv('The first line of the file is too long to be a CSV header');
  const headerLine = line ?? text;
  if (headerLine.trim() === '') throw notCsv('The file is empty or its first line is blank: the first line must hold the column names');
  const delimiter = detectDelimiter(headerLine);
  let cells: string[];
  try {
    cells = (parseSync(headerLine, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch (error) {
    throw notCsv(`The header line is not valid CSV (${(error as Error).message})`);
  }
  const headers = cells.map((cell) => cell.trim());
  if (headers.every((h) => h === '')) throw notCsv('The first line must hold the column names');
  // A first line holding an email address or a phone number is data: the header line is missing.
  const data = headers.find((h) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(h) || /^\+?[\d\s.()-]{6,}$/.test(h));
  if (data !== undefined) {
    throw notCsv(`The first line must hold the column names (e.g. "E-mail;Prénom"), but it holds the value "${data}"`);
  }
  return { headers, delimiter };
}

/** The text of the first CSV record (up to the first line break outside quotes), or null if none is found. */
function firstRecordText(text: string): string | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) return text.slice(0, i).replace(/\r$/, '');
  }
  return null;
}

function notCsv(detail: string): AppError {
  return new AppError('unsupported_media_type', detail, { errors: [{ path: 'file', message: detail }] });
}

/**
 * One record and where it ends: the UTF-8 bytes of decoded text up to its end (the file's own bytes
 * for a UTF-8 file without BOM; a Windows-1252 file's accented letters count two), for progress.
 */
export type TCsvRecord = { cells: string[]; bytes: number };

/**
 * Streams the records (arrays of cells, header first) of a CSV held as a sequence of byte chunks.
 * Only one parser buffer and the records in flight are in memory, whatever the file's size.
 */
export function csvRecords(chunks: AsyncIterable<Buffer>, encoding: TCsvEncoding, delimiter: string): AsyncIterable<TCsvRecord> {
  const options: Options<TCsvRecord, string[]> = {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
    // Each cell as the product wrote it before neutralizing formulas (restoreCsvCell), and a NUL
    // (which PostgreSQL text cannot hold, and which failed the whole import past the sniffed first
    // 8 KB) turned into U+FFFD so that row alone is refused with a reason (rowToLead).
    // The parser reads ahead of the rows the job has committed: each record carries its own end offset
    // so that the progress bar follows the committed rows, not the bytes read.
    on_record: (record, context): TCsvRecord => ({
      cells: record.map((cell) => restoreCsvCell(cell.includes('\u0000') ? cell.replaceAll('\u0000', '\uFFFD') : cell)),
      bytes: context.bytes,
    }),
  };
  // csv-parse's typings tie a changed record type to `columns`; the records are TCsvRecord all the same.
  const parser = parse(options as unknown as Options);
  const decoder = iconv.decodeStream(encoding === 'utf-8' ? 'utf8' : 'win1252');
  // pipeline() passes an error of any stage to the parser (the iteration throws it) and tears every
  // stage down when the consumer stops early.
  pipeline(Readable.from(chunks), decoder, parser, () => undefined);
  return parser as AsyncIterable<TCsvRecord>;
}

/**
 * A number written the French or the English way: "1 200,50", "1200.50", "1,200.50", "1.200,50",
 * with an optional currency sign. A lone comma is a decimal comma (French). Null when not a number.
 */
export function parseLocaleNumber(input: string): number | null {
  let text = input.replace(/[\s\u00a0\u202f€$£]/g, '').replace(/^\+/, '');
  if (text === '') return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    text = text.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    text = text.match(/,/g)!.length > 1 ? text.split(',').join('') : text.replace(',', '.');
  } else if (lastDot >= 0 && text.match(/\./g)!.length > 1) {
    text = text.split('.').join('');
  }
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}
