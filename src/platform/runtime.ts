import type { TConfig } from './config.js';
import type { SecretBox } from './crypto/secret-box.js';
import type { Database, Db } from './db/database.js';
import type { JobQueue } from './jobs/queue.js';
import type { Log } from './log.js';
import type { Mailer } from './mail/mailer.js';
import type { BlobStore } from './storage/blob-store.js';

/** Everything a route, service or job needs from the platform, built once per process. */
export type Runtime = {
  config: TConfig;
  database: Database;
  db: Db;
  log: Log;
  queue: JobQueue;
  mailer: Mailer;
  /** Encrypts and decrypts workspace credentials. */
  secrets: SecretBox;
  /** File bytes: the database, or S3 when configured. */
  blobs: BlobStore;
};
