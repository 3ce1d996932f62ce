import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.js';

// The cursor of lists sorted newest first on (created_at, id): opaque to clients, checked when read back.

export function encodeKeysetCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

/** The position a cursor names; a cursor that was not made by encodeKeysetCursor is a 400 on `querystring.cursor`. */
export function decodeKeysetCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw new AppError('bad_request', 'Invalid cursor', { errors: [{ path: 'querystring.cursor', message: 'invalid cursor', code: 'invalid_cursor' }] });
  }
}

/** Rows after a cursor's position in newest-first order: older, or as old with a smaller id. */
export function olderThan(createdAt: PgColumn, id: PgColumn, after: { at: Date; id: string }): SQL {
  return or(lt(createdAt, after.at), and(eq(createdAt, after.at), lt(id, after.id)))!;
}
