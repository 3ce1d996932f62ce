import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../../platform/errors.js';

// Keyset cursors over (occurred_at DESC, id DESC) for interactions and events. Their occurred_at
// keeps PostgreSQL's microseconds (a JavaScript Date would drop them and skip or repeat rows), so
// the position travels as the database's own text, microseconds included.

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type TPosition = { at: string; id: string };

/** The column's time as sortable UTC text with microseconds, to select beside the row. */
export function positionOf(occurredAt: PgColumn): SQL<string> {
  return sql<string>`to_char(${occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows strictly after `position` in newest-first order. */
export function after(occurredAt: PgColumn, id: PgColumn, position: TPosition): SQL {
  return sql`(${occurredAt}, ${id}) < (${position.at}::timestamptz, ${position.id}::uuid)`;
}

/** Newest first: position text descending, then id descending (the SQL order, done in JavaScript). */
export function newestFirst(a: TPosition, b: TPosition): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Opaque cursor for the last row of a page. */
export function encodePosition(position: TPosition): string {
  return Buffer.from(`${position.at}|${position.id}`).toString('base64url');
}

/** Reads a cursor back; a tampered one is a 400 on querystring.cursor. */
export function decodePosition(cursor: string): TPosition {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || !ISO_MICROS.test(at) || !UUID.test(id)) {
    throw new AppError('bad_request', 'Invalid cursor', { errors: [{ path: 'querystring.cursor', message: 'invalid cursor', code: 'invalid_cursor' }] });
  }
  return { at, id };
}
