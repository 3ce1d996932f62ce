import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './database.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

// Any constant works; it only has to be the same in every process of an install.
const MIGRATION_LOCK_KEY = 727_001;

/** Applies pending drizzle-kit migrations; safe when several processes boot at once. */
export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: 'drizzle' };
  if (database.kind === 'pglite') {
    // PGlite is single-connection and single-process: no lock needed.
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, () => migratePg(database.db as unknown as NodePgDatabase, config));
}
