import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../src/platform/db/database.js';

// One template per vitest run (the global setup sets the variable before forking test workers),
// so two runs side by side never read each other's half-written dump.
export const TEMPLATE_PATH = process.env.TEST_TEMPLATE_PATH ?? fileURLToPath(new URL(`../.tmp/pglite-template-${process.pid}.tar.gz`, import.meta.url));

export type TTestDatabaseMode = { kind: 'pglite'; url: undefined } | { kind: 'postgres'; url: string };

/** TEST_DB=postgres (npm run test:pg) runs on DATABASE_URL; anything else on in-memory PGlite. */
export function testDatabaseMode(): TTestDatabaseMode {
  if (process.env.TEST_DB !== 'postgres') return { kind: 'pglite', url: undefined };
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('npm run test:pg needs DATABASE_URL=postgres://… (a database the tests may write to)');
  return { kind: 'postgres', url };
}

/** A database for one test file: a fresh PGlite loaded from the migrated template, or PostgreSQL. */
export async function openTestDatabase(): Promise<Database> {
  const mode = testDatabaseMode();
  if (mode.kind === 'postgres') return openDatabase({ url: mode.url });
  const template = readFileSync(TEMPLATE_PATH);
  return openDatabase({ loadDataDir: new Blob([template], { type: 'application/x-gzip' }) });
}
