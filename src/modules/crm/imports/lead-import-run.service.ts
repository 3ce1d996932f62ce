import { CsvError } from 'csv-parse';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { analyzeTables } from '../../../platform/db/statistics.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { customFieldsByKey } from '../custom-fields/custom-fields.service.js';
import { leadImportChunks, leadImports } from './imports.tables.js';
import { ImportSuperseded, prepareBatch, writeBatch, type TBatchRow, type TImportContext, type TPreparedBatch } from './lead-import-batch.js';
import { csvRecords, type TCsvEncoding } from './lead-import-csv.js';
import { planColumns } from './lead-import-mapping.js';
import { workspaceOwners } from './lead-import-owners.js';

export type TRunOptions = {
  batchRows?: number;
  /** Runs each batch and hands the lead events it wrote to automations once committed (publishLeadEvents). */
  publish?: (fn: () => Promise<void>) => Promise<void>;
};

/** Rows per transaction: large enough for set-based speed, small enough for short locks and fine progress. */
export const IMPORT_BATCH_ROWS = 2000;

/**
 * Runs an import (the job's body): streams the stored chunks through the CSV parser and imports
 * batch after batch. Safe to run twice: a finished import is left alone, and a rerun resumes after
 * the last committed batch (processed_rows). Deletes the chunks at the end.
 */
export async function runLeadImport(db: Db, workspaceId: string, importId: string, options: TRunOptions = {}): Promise<void> {
  const { batchRows = IMPORT_BATCH_ROWS, publish = (fn) => fn() } = options;
  const tenant = new Tenant(db, workspaceId);
  const [row] = await db.select().from(leadImports).where(tenant.byId(leadImports, importId));
  if (!row || row.status === 'completed' || row.status === 'failed') return;
  // updated_at is the import's heartbeat (every batch's counter update moves it): a run that starts or
  // resumes moves it first, so the recovery job (recoverStalledImports) leaves a live run alone.
  if (row.status === 'queued') await tenant.update(leadImports, importId, { status: 'running', started_at: new Date() }, 'Import');
  else await tenant.update(leadImports, importId, { updated_at: new Date() }, 'Import');

  const definitions = await customFieldsByKey(db, workspaceId);
  const owners = await workspaceOwners(tenant);
  // End offset of the last row read: a batch records its last row's, so progress is rows committed.
  let bytesDone = 0;
  let ctx: TImportContext | undefined;
  const writer = batchWriter(async (prepared) => {
    // Give waiting requests their turn between two batch transactions: on PGlite (one connection)
    // a request's query queued behind the import would otherwise wait for the whole file.
    await new Promise((resolve) => setImmediate(resolve));
    await publish(() => writeBatch(ctx!, prepared));
  });
  let batch: TBatchRow[] = [];
  let rowNumber = 1;
  let dataRows = 0;
  try {
    const records = csvRecords(readChunks(tenant, importId), (row.encoding ?? 'utf-8') as TCsvEncoding, row.delimiter ?? ',');
    for await (const { cells, bytes } of records) {
      bytesDone = Math.min(bytes, row.file_size);
      if (!ctx) {
        const headers = cells.map((cell) => cell.trim());
        ctx = {
          tenant,
          importId,
          actorUserId: row.created_by,
          onDuplicate: row.on_duplicate,
          headers,
          // Checked at upload too; a custom field deleted since then fails the import here.
          columns: planColumns(headers, row.mapping, definitions),
          definitions,
          owners,
          processedRows: row.processed_rows,
        };
        continue;
      }
      // Row numbers as a spreadsheet shows them: the header is row 1.
      rowNumber++;
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (++dataRows <= row.processed_rows) continue;
      batch.push({ rowNumber, cells });
      if (batch.length >= batchRows) {
        await writer.push(prepareBatch(ctx, batch, bytesDone));
        batch = [];
      }
    }
    if (ctx && batch.length > 0) await writer.push(prepareBatch(ctx, batch, bytesDone));
    await writer.drain();
  } catch (error) {
    await writer.drain().catch(() => undefined);
    if (error instanceof ImportSuperseded) return;
    // A malformed file or a mapping that no longer fits will not get better on retry: the import fails.
    if (error instanceof CsvError || error instanceof AppError) return finish(tenant, importId, { error: unreadable(error, rowNumber) });
    throw error;
  }
  // lead_events only when this run wrote events: at 1M leads each ANALYZE is most of a second.
  await finish(tenant, importId, { bytesRead: row.file_size }, ctx?.wroteEvents ? ['leads', 'lead_events'] : ['leads']);
}

/**
 * Writes batches one after the other while the caller reads and validates the next one: at most
 * one batch is being written and one prepared, so memory stays bounded. A failed write surfaces
 * at the next push or at drain.
 */
function batchWriter(write: (batch: TPreparedBatch) => Promise<void>) {
  let inFlight: Promise<void> = Promise.resolve();
  return {
    async push(batch: TPreparedBatch): Promise<void> {
      await inFlight;
      inFlight = write(batch);
      // Handled here so that a failure between two pushes is not an unhandled rejection; push/drain rethrow it.
      inFlight.catch(() => undefined);
    },
    drain: () => inFlight,
  };
}

/** Marks the import completed (or failed) and deletes its chunks, in one transaction. */
/**
 * Ends an import that cannot go on (its job failed every attempt): marked failed with the reason,
 * its file deleted. Rows already imported stay, and the counts say how many.
 */
export async function abandonLeadImport(db: Db, workspaceId: string, importId: string, error: unknown): Promise<void> {
  // The database's own words, not the SQL around them (drizzle wraps them as `cause`).
  let root: unknown = error;
  while (root instanceof Error && root.cause) root = root.cause;
  const reason = root instanceof Error ? root.message : String(root);
  await finish(new Tenant(db, workspaceId), importId, { error: `The import stopped after several attempts: ${reason}` });
}

async function finish(
  tenant: Tenant,
  importId: string,
  outcome: { error: string } | { bytesRead: number },
  analyzed: string[] = ['leads', 'lead_events'],
): Promise<void> {
  await tenant.db.transaction(async (tx) => {
    await tx
      .update(leadImports)
      .set(
        'error' in outcome
          ? { status: 'failed', error: outcome.error, finished_at: new Date() }
          : { status: 'completed', bytes_read: outcome.bytesRead, finished_at: new Date() },
      )
      .where(tenant.byId(leadImports, importId));
    await tx.delete(leadImportChunks).where(tenant.where(leadImportChunks, eq(leadImportChunks.import_id, importId)));
  });
  // The embedded database has no autovacuum: without fresh statistics on the new leads and their
  // events, a segment preview's plan read every event once per lead (minutes on 50,000 leads).
  await analyzeTables(tenant.db, analyzed);
}

function unreadable(error: CsvError | AppError, rowNumber: number): string {
  if (error instanceof AppError) return error.message;
  return `The file could not be read after row ${rowNumber}: ${error.message}`;
}

/** The stored file, chunk after chunk (one in memory at a time). */
async function* readChunks(tenant: Tenant, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    // Read as base64 text: PGlite returns a bytea column some 15 times slower.
    const [chunk] = await tenant.db
      .select({ base64: sql<string>`encode(${leadImportChunks.data}, 'base64')` })
      .from(leadImportChunks)
      .where(tenant.where(leadImportChunks, eq(leadImportChunks.import_id, importId), eq(leadImportChunks.seq, seq)))
      .limit(1);
    if (!chunk) return;
    const data = Buffer.from(chunk.base64, 'base64');
    // In slices: the parser turns what it is given into rows in one go, and a whole 1 MB chunk (some 10,000
    // rows) kept the batch writer waiting for ~100 ms each time; a slice is a few milliseconds of parsing.
    for (let offset = 0; offset < data.length; offset += PARSE_SLICE_BYTES) yield data.subarray(offset, offset + PARSE_SLICE_BYTES);
  }
}

/** Bytes handed to the CSV parser at a time (see readChunks). */
const PARSE_SLICE_BYTES = 64 * 1024;
