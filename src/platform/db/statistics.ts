import { sql } from 'drizzle-orm';
import type { Database, Db } from './database.js';

// Planner statistics. PostgreSQL's autovacuum refreshes them as tables change; the embedded PGlite
// runs no autovacuum, so without this its planner keeps the row counts of the day a table was
// created and picks plans that read every event once per lead (issue: a segment preview on 50,000
// imported leads ran for minutes). Bulk writers (imports, bulk actions) call analyzeTables when they
// finish, and the `db.analyze` job refreshes every table that changed enough, as autovacuum would.

/** autovacuum's defaults: analyze a table once 50 rows + 10 % of it changed since the last ANALYZE. */
const ANALYZE_THRESHOLD = 50;
const ANALYZE_SCALE_FACTOR = 0.1;

/** Refreshes the statistics of these tables now (names from code, never from input). */
export async function analyzeTables(db: Db, tables: string[]): Promise<void> {
  if (tables.length === 0) return;
  const names = tables.map((t) => sql.identifier(t));
  await db.execute(sql`ANALYZE ${sql.join(names, sql`, `)}`);
}

/**
 * Analyzes each table (any schema but the system's) that changed more than autovacuum's threshold
 * since its last ANALYZE; returns their names. On PostgreSQL autovacuum does it: nothing to do.
 */
export async function analyzeStaleTables(database: Database): Promise<string[]> {
  if (database.kind !== 'pglite') return [];
  const { rows } = await database.raw.query<{ schemaname: string; relname: string }>(
    `SELECT schemaname, relname FROM pg_stat_user_tables
      WHERE n_mod_since_analyze > $1::float8 + $2::float8 * greatest(n_live_tup, 0)
      ORDER BY schemaname, relname`,
    [ANALYZE_THRESHOLD, ANALYZE_SCALE_FACTOR],
  );
  for (const row of rows) await database.db.execute(sql`ANALYZE ${sql.identifier(row.schemaname)}.${sql.identifier(row.relname)}`);
  return rows.map((r) => `${r.schemaname}.${r.relname}`);
}
