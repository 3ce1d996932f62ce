import { detectDelimiter } from '../../../../contracts/crm-imports.js';

// The first rows of a CSV file, read in the browser before anything is uploaded: the wizard shows
// them and guesses the mapping from the header line. The server decides again on the whole file.

export type TCsvPreview = { headers: string[]; rows: string[][]; delimiter: string; encoding: 'utf-8' | 'windows-1252' };

/** Bytes read for the preview: enough for a header line and about twenty rows. */
const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 20;

/** Thrown for a file that is clearly not a CSV text (image, workbook, archive, empty). */
export class NotCsvError extends Error {
  constructor(readonly reason: 'binary' | 'workbook' | 'empty') {
    super(reason);
  }
}

/** Reads the header and the first rows of a CSV file (UTF-8 or Windows-1252, `,` `;` or tab). */
export async function readCsvPreview(file: Blob): Promise<TCsvPreview> {
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  if (bytes.length === 0) throw new NotCsvError('empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new NotCsvError('workbook');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new NotCsvError('workbook');
  if (bytes.subarray(0, 8192).includes(0)) throw new NotCsvError('binary');
  let text: string;
  let encoding: TCsvPreview['encoding'] = 'utf-8';
  try {
    // stream: a multi-byte character cut at the end of the slice is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
  const records = parseRecords(text, delimiter, PREVIEW_ROWS + 1, file.size > bytes.length);
  const [header, ...rows] = records;
  if (!header || header.every((cell) => cell.trim() === '')) throw new NotCsvError('empty');
  return { headers: header.map((cell) => cell.trim()), rows: rows.filter((row) => row.some((cell) => cell.trim() !== '')), delimiter, encoding };
}

/** A small RFC 4180 reader (quotes, doubled quotes, line breaks in quotes); drops a last record cut by the slice. */
function parseRecords(text: string, delimiter: string, limit: number, truncated: boolean): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += char;
  }
  if (!truncated && records.length < limit && (cell !== '' || record.length > 0)) records.push([...record, cell]);
  return records;
}
