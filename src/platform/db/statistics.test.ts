import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../../test/test-database.js';
import type { Database } from './database.js';
import { analyzeStaleTables, analyzeTables } from './statistics.js';

// The embedded database has no autovacuum: these keep its planner statistics current.

let database: Database;
const table = `stats_probe_${process.pid}`;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.raw.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (id int primary key, label text)`);
});
afterAll(async () => {
  await database.raw.exec(`DROP TABLE IF EXISTS ${table}`);
  await database.close();
});

async function plannerRows(): Promise<number> {
  const { rows } = await database.raw.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = $1`, [table]);
  return Number(rows[0]!.reltuples);
}

/**
 * Activity counters reach pg_stat_user_tables at most once a second (PostgreSQL 15+ statistics); force the
 * flush so the test does not depend on timing.
 */
async function flushStatistics(): Promise<void> {
  await database.raw.exec('SELECT pg_stat_force_next_flush()');
  await database.raw.exec('SELECT 1');
}

describe('planner statistics', () => {
  it('analyzeTables refreshes the row count the planner sees', async () => {
    await database.raw.exec(`INSERT INTO ${table} SELECT g, 'x' FROM generate_series(1, 5000) g`);
    await analyzeTables(database.db, [table]);
    expect(await plannerRows()).toBe(5000);
  });

  it.runIf(process.env.TEST_DB !== 'postgres')('the periodic job analyzes on PGlite the tables that changed enough, and only those', async () => {
    await database.raw.exec(`INSERT INTO ${table} SELECT g, 'y' FROM generate_series(5001, 12000) g`);
    await flushStatistics();
    const analyzed = await analyzeStaleTables(database);
    expect(analyzed).toContain(`public.${table}`);
    expect(await plannerRows()).toBe(12000);
    // Nothing changed since: nothing to do.
    expect(await analyzeStaleTables(database)).not.toContain(`public.${table}`);
    await database.db.execute(sql`UPDATE ${sql.identifier(table)} SET label = 'z' WHERE id <= 10`);
    await flushStatistics();
    expect(await analyzeStaleTables(database)).not.toContain(`public.${table}`);
  });

  it.runIf(process.env.TEST_DB === 'postgres')('leaves PostgreSQL to autovacuum', async () => {
    expect(await analyzeStaleTables(database)).toEqual([]);
  });
});
