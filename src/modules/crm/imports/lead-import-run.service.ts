import { CsvError } from 'csv-parse';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseKind, Db } from '../../../platform/db/database.js';
import { pgErrorCode } from '../../../platform/db/pg-error.js';
import { analyzeTables } from '../../../platform/db/statistics.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { customFieldsByKey } from '../custom-fields/custom-fields.service.js';
import { leadImportChunks, leadImports } from './imports.tables.js';
import { batchEmails, ImportSuperseded, prepareBatch, writeBatch, type TBatchRow, type TImportContext, type TPreparedBatch } from './lead-import-batch.js';
import { csvRecords, type TCsvEncoding } from './lead-import-csv.js';
import { planColumns } from './lead-import-mapping.js';
import { workspaceOwners } from './lead-import-owners.js';

export type TRunOptions = {
  batchRows?: number;
  /**
   * Batches written at once, each in its own transaction and connection (default 1). The job asks for two on
   * PostgreSQL, where the database's insert work is the limit and a second backend uses the second core; the
   * embedded database has one connection, on which a second writer would only wait.
   */
  writers?: number;
  /** Runs each batch and hands the lead events it wrote to automations once committed (publishLeadEvents). */
  publish?: (fn: () => Promise<void>) => Promise<void>;
};

/**
 * Batch writers for an import on this database: two on PostgreSQL, where the insert work in the database is the
 * limit and a second backend uses another core (lead-import bench: some 10,000 rows/s with one, 12,000-15,000
 * with two); one on PGlite, whose single connection would make the second only wait.
 */
export function importWriters(kind: DatabaseKind): number {
  return kind === 'postgres' ? 2 : 1;
}

/** Rows per transaction: large enough for set-based speed, small enough for short locks and fine progress. */
export const IMPORT_BATCH_ROWS = 2000;

/**
 * Runs an import (the job's body): streams the stored chunks through the CSV parser and imports
 * batch after batch. Safe to run twice: a finished import is left alone, and a rerun resumes after
 * the last committed batch (processed_rows). Deletes the chunks at the end.
 */
export async function runLeadImport(db: Db, workspaceId: string, importId: string, options: TRunOptions = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(db, workspaceId, importId, options);
    } catch (error) {
      // Two imports of one workspace whose files share emails can lock them in opposite orders; PostgreSQL
      // then cancels one transaction (40P01), which rolls back alone: the run resumes after the rows committed.
      if (!isDeadlock(error) || attempt >= DEADLOCK_ATTEMPTS) throw error;
    }
  }
}

/** Runs of one import after a deadlock before its job's own retries take over. */
const DEADLOCK_ATTEMPTS = 3;

function isDeadlock(error: unknown): boolean {
  return pgErrorCode(error) === '40P01';
}

async function runOnce(db: Db, workspaceId: string, importId: string, options: TRunOptions): Promise<void> {
  const { batchRows = IMPORT_BATCH_ROWS, writers = 1, publish = (fn) => fn() } = options;
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
  const writer = batchWriter(writers, async (prepared, started) => {
    // Give waiting requests their turn between two batch transactions: on PGlite (one connection)
    // a request's query queued behind the import would otherwise wait for the whole file.
    await new Promise((resolve) => setImmediate(resolve));
    await publish(() => writeBatch(ctx!, prepared, writers > 1 ? { started } : undefined));
  });
  // processed_rows after the batches handed to the writer so far.
  let nextStart = row.processed_rows;
  const handOver = async (rows: TBatchRow[]) => {
    const prepared = prepareBatch(ctx!, rows, nextStart, bytesDone);
    nextStart += rows.length;
    await writer.push(prepared);
  };
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
        };
        continue;
      }
      // Row numbers as a spreadsheet shows them: the header is row 1.
      rowNumber++;
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (++dataRows <= row.processed_rows) continue;
      batch.push({ rowNumber, cells });
      if (batch.length >= batchRows) {
        await handOver(batch);
        batch = [];
      }
    }
    if (ctx && batch.length > 0) await handOver(batch);
    await writer.drain();
  } catch (error) {
    // No transaction of this run may still be open when the import is marked failed or run again.
    await writer.settle();
    if (error instanceof ImportSuperseded) return;
    // A malformed file or a mapping that no longer fits will not get better on retry: the import fails.
    if (error instanceof CsvError || error instanceof AppError) return finish(tenant, importId, { error: unreadable(error, rowNumber) });
    throw error;
  }
  // lead_events only when this run wrote events: at 1M leads each ANALYZE is most of a second.
  await finish(tenant, importId, { bytesRead: row.file_size }, ctx?.wroteEvents ? ['leads', 'lead_events'] : ['leads']);
}

/**
 * Writes up to `writers` batches at once while the caller reads and validates the next one, so memory
 * stays bounded. Batches commit in file order: each one's last statement waits for its predecessor's
 * commit (writeBatch). Two batches that share an email are never in flight together: the later one would
 * wait for the earlier one's insert inside the database while the earlier one's commit cannot come first.
 * A failed write surfaces, oldest first, at a later push or at drain; nothing new starts after one.
 */
function batchWriter(writers: number, write: (batch: TPreparedBatch, started: () => void) => Promise<void>) {
  type TInFlight = { done: Promise<void>; started: Promise<void>; isStarted: boolean; emails: Set<string>; failed: boolean };
  const inFlight: TInFlight[] = [];
  const oldestSettles = async () => {
    const oldest = inFlight[0]!;
    try {
      await oldest.done;
    } finally {
      inFlight.shift();
    }
  };
  return {
    async push(batch: TPreparedBatch): Promise<void> {
      const emails = batchEmails(batch);
      const overlaps = (other: TInFlight) => [...emails].some((email) => other.emails.has(email));
      for (;;) {
        if (inFlight.length >= writers || inFlight.some((other) => other.failed || overlaps(other))) await oldestSettles();
        // The predecessor must hold its lock before this batch looks for it (writeBatch); waited for here, outside any transaction.
        else if (inFlight.length > 0 && !inFlight.at(-1)!.isStarted) await inFlight.at(-1)!.started;
        else break;
      }
      let markStarted!: () => void;
      const entry: TInFlight = {
        done: Promise.resolve(),
        started: new Promise<void>((resolve) => (markStarted = resolve)),
        isStarted: false,
        emails,
        failed: false,
      };
      const started = () => {
        entry.isStarted = true;
        markStarted();
      };
      entry.done = write(batch, started);
      // Marked here so that a failure between two pushes is not an unhandled rejection; oldestSettles rethrows it.
      // A batch that ended before taking its lock releases its successor's wait too.
      entry.done.then(started, () => {
        entry.failed = true;
        started();
      });
      inFlight.push(entry);
    },
    async drain(): Promise<void> {
      while (inFlight.length > 0) await oldestSettles();
    },
    /** Waits for every batch in flight, failed or not. */
    async settle(): Promise<void> {
      await Promise.allSettled(inFlight.map((entry) => entry.done));
      inFlight.length = 0;
    },
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
