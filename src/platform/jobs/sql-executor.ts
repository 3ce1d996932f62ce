import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';

/** What pg-boss calls to run SQL (its `db` option). */
export type TSqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/**
 * Runs pg-boss's statements through a Drizzle handle, so a job can be queued inside the caller's
 * transaction (`tx` from `db.transaction`, or a Tenant's db): it becomes visible to workers when
 * that transaction commits and vanishes if it rolls back. Works the same on PGlite and PostgreSQL
 * because it goes through Drizzle's own session for that transaction.
 */
export function sqlExecutorOf(db: Db): TSqlExecutor {
  return {
    executeSql: async (text, values = []) => {
      const result = (await db.execute(toDrizzleSql(text, values))) as unknown as { rows: Record<string, unknown>[] };
      return { rows: result.rows };
    },
  };
}

/** `$1`-style placeholders (as pg-boss writes them) -> Drizzle chunks with bound parameters. */
export function toDrizzleSql(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= values.length) throw new Error(`SQL placeholder ${match[0]} has no value`);
    chunks.push(sql.raw(text.slice(last, match.index)), sql`${sql.param(values[index])}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}
