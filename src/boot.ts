import type { FastifyInstance } from 'fastify';
import { createAuthenticator } from './modules/accounts/index.js';
import { apiRoutes, jobs, publicRoutes } from './modules/index.js';
import { workspaceOfHost } from './modules/workspaces/index.js';
import { configWarnings, type TConfig } from './platform/config.js';
import { resolveAppSecret, SecretBox } from './platform/crypto/secret-box.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { runMigrations } from './platform/db/migrate.js';
import { buildApiApp } from './platform/http/api-app.js';
import { webAppIsBuilt } from './platform/http/web-app.js';
import { buildPublicApp } from './platform/http/public-app.js';
import { JobQueue } from './platform/jobs/queue.js';
import { createLogger, type Log } from './platform/log.js';
import { Mailer } from './platform/mail/mailer.js';
import type { Runtime } from './platform/runtime.js';
import { databaseBlobStore } from './platform/storage/database-blob-store.js';
import { s3BlobStore } from './platform/storage/s3-blob-store.js';

// Composition root: the only place that wires platform and modules together.
// main.ts (all-in-one), api.ts and worker.ts are thin entry points over these functions.

export type RuntimeOptions = {
  /** Run pg-boss maintenance (expiry, archiving): worker processes only. */
  supervise: boolean;
  log?: Log;
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
};

/** Opens the database, applies migrations and starts the job queue. */
export async function createRuntime(config: TConfig, options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  for (const warning of configWarnings(config)) log.warn(warning);
  const database =
    options.database ??
    (await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      statementTimeoutMs: config.jobStatementTimeoutMs,
    }));
  await runMigrations(database);
  const queue = new JobQueue(database, log, { supervise: options.supervise });
  queue.register(...jobs);
  const mailer = new Mailer(database.db, log, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  const secrets = new SecretBox(resolveAppSecret({ secret: config.appSecret, env: config.env, dataDir: config.dataDir }), config.appSecretPrevious);
  const blobs = config.s3 ? s3BlobStore(config.s3) : databaseBlobStore(database.db);
  const runtime: Runtime = { config, database, db: database.db, log, queue, mailer, secrets, blobs };
  await queue.start(runtime);
  return runtime;
}

/** Builds the admin app (API + web UI). */
export function buildAdminServer(runtime: Runtime, options: { serveWeb: boolean }): Promise<FastifyInstance> {
  return buildApiApp({ runtime, authenticator: createAuthenticator(runtime), routes: apiRoutes, serveWeb: options.serveWeb });
}

/** Builds the web UI with Vite when dist/web is missing (first start of a fresh clone). */
export async function ensureWebAppBuilt(log: Log): Promise<void> {
  if (webAppIsBuilt()) return;
  log.info('web UI not built yet: building it once (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}

/** Builds the public server (funnel pages, forms, tracking). */
export function buildPublicServer(runtime: Runtime): Promise<FastifyInstance> {
  return buildPublicApp(runtime, publicRoutes, (hostname) => workspaceOfHost(runtime.db, hostname));
}

/** Stops everything in order: HTTP (finishing requests), jobs, mail, database. */
export async function shutdown(runtime: Runtime, servers: FastifyInstance[]): Promise<void> {
  await Promise.all(servers.map((s) => s.close()));
  await runtime.queue.stop();
  runtime.mailer.close();
  await runtime.database.close();
}

/** Calls `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdownSignal(log: Log, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
