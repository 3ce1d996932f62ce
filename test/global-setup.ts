import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { testDatabaseMode, TEMPLATE_PATH } from './test-database.js';
import { openDatabase, pgliteOf } from '../src/platform/db/database.js';
import { loadConfig } from '../src/platform/config.js';
import { createRuntime } from '../src/boot.js';
import { createLogger } from '../src/platform/log.js';

/**
 * Migrating a fresh PGlite and creating pg-boss's schema takes seconds; doing it once here and
 * letting each test file load the dump keeps the suite fast while every file still gets its own database.
 */
export default async function setup(): Promise<() => void> {
  process.env.TEST_TEMPLATE_PATH = TEMPLATE_PATH;
  const mode = testDatabaseMode();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: mode.url, LOG_LEVEL: 'silent' });
  if (mode.kind === 'postgres') {
    // Apply migrations once up front so parallel test files do not all wait on the lock.
    const runtime = await createRuntime(config, { supervise: false, log: createLogger('silent') });
    await runtime.queue.stop();
    await runtime.database.close();
    return () => {};
  }
  const database = await openDatabase({});
  const runtime = await createRuntime(config, { supervise: false, log: createLogger('silent'), database });
  await runtime.queue.stop();
  const dump = await pgliteOf(database)!.dumpDataDir('gzip');
  mkdirSync(new URL('.', `file://${TEMPLATE_PATH}`).pathname, { recursive: true });
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return () => rmSync(TEMPLATE_PATH, { force: true });
}
