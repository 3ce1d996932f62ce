import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { rateLimitHits } from './rate-limit.tables.js';

/**
 * Counts one hit on `key` in the current fixed window, throws rate_limited (429)
 * past `limit` and returns the window's count. Counters live in the database so every API process shares them.
 */
export async function consumeRateLimit(db: Db, key: string, limit: number, windowMs = 60_000): Promise<number> {
  const now = Date.now();
  // Old windows are swept now and then by the callers themselves: no scheduler needed.
  if (Math.random() < 0.01) await pruneRateLimits(db);
  const windowStart = new Date(now - (now % windowMs));
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key, window_start: windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.window_start],
      set: { count: sql`${rateLimitHits.count} + 1` },
    })
    .returning({ count: rateLimitHits.count });
  if (row && row.count > limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now) / 1000);
    throw new AppError('rate_limited', `Too many attempts; try again in ${retryAfter} seconds`, {
      extra: { retry_after_seconds: retryAfter },
      reason: 'rate_limited',
      params: { seconds: retryAfter },
    });
  }
  return row?.count ?? 1;
}

/** Deletes windows older than an hour. */
export async function pruneRateLimits(db: Db): Promise<void> {
  await db.delete(rateLimitHits).where(sql`${rateLimitHits.window_start} < now() - interval '1 hour'`);
}
