import type { TConfig } from './config.js';
import type { Database, Db } from './db/database.js';
import type { JobQueue } from './jobs/queue.js';
import type { Log } from './log.js';
import type { Mailer } from './mail/mailer.js';

/** Everything a route, service or job needs from the platform, built once per process. */
export type Runtime = {
  config: TConfig;
  database: Database;
  db: Db;
  log: Log;
  queue: JobQueue;
  mailer: Mailer;
};
