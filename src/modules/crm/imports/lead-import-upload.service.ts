import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { IMPORT_MAX_BYTES, ZImportMapping, ZOnDuplicate } from '../../../contracts/crm-imports.js';
import type { TAuth } from '../../../platform/auth/access.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { customFieldsByKey } from '../custom-fields/custom-fields.service.js';
import { leadImportChunks, leadImports } from './imports.tables.js';
import { EncodingSniffer, notCsvReason, readHeader, type TCsvEncoding } from './lead-import-csv.js';
import { planColumns } from './lead-import-mapping.js';
import { leadImportJob } from './lead-import.jobs.js';

export type TLeadImportRow = typeof leadImports.$inferSelect;

/** One part of the multipart upload: a form field, or the file as a stream (consumed before the next part). */
export type TUploadPart =
  { kind: 'field'; name: string; value: string } | { kind: 'file'; name: string; fileName: string; stream: Readable & { truncated?: boolean } };

/** Size of the stored pieces of the file: the job reads them back one at a time. */
export const CHUNK_BYTES = 1024 * 1024;

const ZFormFields = z.object({
  mapping: z
    .string({ error: 'send the mapping as a JSON object: {"CSV column": "lead field"}' })
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object: {"CSV column": "lead field"}' });
        return z.NEVER;
      }
    })
    .pipe(ZImportMapping),
  on_duplicate: ZOnDuplicate.default('skip'),
});

/**
 * Stores an uploaded CSV in the database in ~1 MiB chunks as it streams in, checks that it is a CSV
 * with a header line and that the mapping fits it, then queues the import job. Any refusal (not CSV,
 * bad mapping, too large) removes what was stored: nothing half-written remains.
 */
export async function startLeadImport(runtime: Runtime, tenant: Tenant, actor: TAuth, parts: AsyncIterable<TUploadPart>): Promise<TLeadImportRow> {
  const fields: Record<string, string> = {};
  let stored: TStoredFile | undefined;
  let importId: string | undefined;
  try {
    for await (const part of parts) {
      if (part.kind === 'field') {
        fields[part.name] = part.value;
        continue;
      }
      if (part.name !== 'file' || importId) throw badRequest('file', 'send exactly one file, in the field "file"');
      // Recorded as failed until the upload completes, so an interrupted upload never looks queued.
      const created = await tenant.insert(leadImports, {
        file_name: part.fileName.slice(0, 255) || 'import.csv',
        mapping: {},
        on_duplicate: 'skip',
        status: 'failed',
        error: 'The upload did not finish',
        created_by: actor.user_id,
      });
      importId = created.id;
      stored = await storeChunks(tenant, importId, part.stream);
    }
    if (!importId || !stored) throw badRequest('file', 'choose a CSV file to import');
    const form = ZFormFields.safeParse(fields);
    if (!form.success) {
      const errors = form.error.issues.map((issue) => ({ path: issue.path.join('.') || 'mapping', message: issue.message }));
      throw new AppError('bad_request', `Invalid import options: ${errors.map((e) => e.path).join(', ')}`, { errors });
    }
    const { headers, delimiter } = readHeader(stored.head, stored.encoding, stored.size > stored.head.length);
    planColumns(headers, form.data.mapping, await customFieldsByKey(tenant.db, tenant.workspaceId));
    const row = await tenant.update(
      leadImports,
      importId,
      {
        mapping: form.data.mapping,
        on_duplicate: form.data.on_duplicate,
        encoding: stored.encoding,
        delimiter,
        file_size: stored.size,
        status: 'queued',
        error: null,
      },
      'Import',
    );
    await runtime.queue.send(leadImportJob, { import_id: row.id, workspace_id: tenant.workspaceId });
    return row;
  } catch (error) {
    if (importId) await tenant.delete(leadImports, importId, 'Import').catch(() => undefined);
    throw error;
  }
}

type TStoredFile = { size: number; head: Buffer; encoding: TCsvEncoding };

/** Writes the file stream as numbered chunks; refuses a binary file on its first bytes and a file over the limit. */
async function storeChunks(tenant: Tenant, importId: string, stream: Extract<TUploadPart, { kind: 'file' }>['stream']): Promise<TStoredFile> {
  const sniffer = new EncodingSniffer();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let seq = 0;
  let head: Buffer | undefined;
  let sniffed = false;
  const flush = async () => {
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    head ??= data;
    // As base64 text decoded by the database: PGlite binds a bytea parameter some 20 times slower.
    await tenant.db
      .insert(leadImportChunks)
      .values({ workspace_id: tenant.workspaceId, import_id: importId, seq: seq++, data: sql`decode(${data.toString('base64')}, 'base64')` });
  };
  const sniff = () => {
    sniffed = true;
    const reason = notCsvReason(Buffer.concat(pending));
    if (reason) throw new AppError('unsupported_media_type', reason, { errors: [{ path: 'file', message: reason }] });
  };
  for await (const piece of stream as AsyncIterable<Buffer>) {
    size += piece.length;
    if (size > IMPORT_MAX_BYTES) throw tooLarge();
    sniffer.push(piece);
    pending.push(piece);
    pendingBytes += piece.length;
    if (!sniffed && pendingBytes >= 8192) sniff();
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  if (stream.truncated) throw tooLarge();
  if (!sniffed) sniff();
  if (pendingBytes > 0 || seq === 0) await flush();
  return { size, head: head ?? Buffer.alloc(0), encoding: sniffer.finish() };
}

function tooLarge(): AppError {
  const mb = IMPORT_MAX_BYTES / 1024 / 1024;
  return new AppError('payload_too_large', `The file is larger than ${mb} MB: split it into several files`, {
    errors: [{ path: 'file', message: `larger than ${mb} MB` }],
  });
}

function badRequest(path: string, message: string): AppError {
  return new AppError('bad_request', `${path}: ${message}`, { errors: [{ path, message }] });
}
