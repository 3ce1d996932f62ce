import { decodeKeysetCursor, encodeKeysetCursor, olderThan } from '../../platform/db/keyset-cursor.js';
import { createHash, randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { TAuth } from '../../platform/auth/access.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { ALLOWED_UPLOAD_TYPES, sniffAllowedType } from '../../platform/storage/content-type.js';
import { files } from './files.tables.js';
import { prepareUpload } from './image-processing.js';

export type TFileRow = typeof files.$inferSelect;

/** Stores an uploaded file after checking its size and what its bytes really are; images are made fit for the web first. */
export async function uploadFile(runtime: Runtime, tenant: Tenant, actor: TAuth, input: { name: string; body: Buffer }): Promise<TFileRow> {
  if (input.body.length === 0) throw new AppError('bad_request', 'The file is empty', { errors: [{ path: 'file', message: 'empty', code: 'file_empty' }] });
  if (input.body.length > runtime.config.fileMaxBytes) {
    throw new AppError('payload_too_large', `The file is larger than ${Math.floor(runtime.config.fileMaxBytes / 1_048_576)} MB`, {
      reason: 'file_too_large',
      params: { mb: Math.floor(runtime.config.fileMaxBytes / 1_048_576) },
    });
  }
  const contentType = await sniffAllowedType(input.body);
  if (!contentType) {
    throw new AppError('unsupported_media_type', `Only these files are accepted: ${ALLOWED_UPLOAD_TYPES.join(', ')} (recognised by their content)`, {
      reason: 'file_type',
      params: { types: ALLOWED_UPLOAD_TYPES.join(', ') },
    });
  }
  // Same format out as in, so the sniffed type still names the stored bytes.
  const prepared = await prepareUpload(input.body, contentType);
  const id = randomUUID();
  const storageKey = `files/${tenant.workspaceId}/${id}`;
  // Bytes first: a crash in between leaves an unreferenced blob, never a row without bytes.
  await runtime.blobs.put(storageKey, prepared.body, contentType);
  return tenant.insert(files, {
    id,
    name: cleanName(input.name),
    content_type: contentType,
    size: prepared.body.length,
    width: prepared.width,
    height: prepared.height,
    sha256: createHash('sha256').update(prepared.body).digest('hex'),
    storage_key: storageKey,
    created_by: actor.user_id,
  });
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listFiles(tenant: Tenant, query: { cursor?: string; limit: number }) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const rows = await tenant.db
    .select()
    .from(files)
    .where(tenant.where(files, after ? olderThan(files.created_at, files.id, after) : undefined))
    .orderBy(desc(files.created_at), desc(files.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last.created_at, last.id) : null };
}

/** Deletes the row, then the bytes. */
export async function deleteFile(runtime: Runtime, tenant: Tenant, id: string): Promise<void> {
  const row = await tenant.get(files, id, 'file');
  await tenant.db.delete(files).where(tenant.byId(files, row.id));
  await runtime.blobs.delete(row.storage_key);
}

/** A file by its public id, for the public server (no workspace: the unguessable id is the capability). */
export async function readPublicFile(runtime: Runtime, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  // eslint-disable-next-line local/tenant-scope -- public server: the unguessable file id is the capability
  const rows = await runtime.db.select().from(files).where(eq(files.id, id)).limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const blob = await runtime.blobs.get(row.storage_key);
  return blob ? { row, body: blob.body } : undefined;
}

function cleanName(name: string): string {
  // Keep the user's name for display; control characters and path parts never reach headers or paths.
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // Control characters (and quotes) never reach a Content-Disposition header.
  const cleaned = base.replace(CONTROL_OR_QUOTE, '').trim().slice(0, 200);
  return cleaned || 'file';
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_OR_QUOTE = /[\u0000-\u001f\u007f"]/g;
