import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { currentQueryLimits } from './query-limits.js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';

/** The Drizzle handle every service uses; identical API on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

/** Raw SQL access for infrastructure (migrations, pg-boss, health checks). */
export type RawSql = {
  /** Runs one parameterized statement. */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs several statements separated by semicolons (no parameters). */
  exec(text: string): Promise<{ rows: Record<string, unknown>[] }>;
};

export type Database = {
  kind: DatabaseKind;
  db: Db;
  raw: RawSql;
  /** Runs fn while holding a PostgreSQL session advisory lock (PGlite is single-process: no lock). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; undefined means in-memory. */
  dataDir?: string;
  /** A PGlite dump (from dumpDataDir) to start from, used by tests to skip migrations. */
  loadDataDir?: Blob | File;
  /**
   * PostgreSQL statement_timeout outside requests (jobs, migrations); requests set their own,
   * shorter one (query-limits.ts). Default 10 minutes.
   */
  statementTimeoutMs?: number;
};

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS) : openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    relaxedDurability: false,
    // Trigram indexes make substring search (leads by name, email, company) fast; PostgreSQL ships it too.
    extensions: { pg_trgm },
  });
  const db = drizzlePglite({ client }) as unknown as Db;
  const raw: RawSql = {
    query: async <T>(text: string, values: unknown[] = []) => {
      const res = await client.query<T>(text, values);
      return { rows: res.rows };
    },
    exec: async (text: string) => {
      const results = await client.exec(text);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
  };
  return {
    kind: 'pglite',
    db,
    raw,
    withAdvisoryLock: (_key, fn) => fn(),
    close: () => client.close(),
    pglite: client,
  } as Database & {
    pglite: PGlite;
  };
}

const DEFAULT_STATEMENT_TIMEOUT_MS = 600_000;

async function openPostgres(url: string, defaultTimeoutMs: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'marketing-platform' });
  limitStatements(pool, defaultTimeoutMs);
  // Fail fast with the driver's own message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg({ client: pool }) as unknown as Db;
  const raw: RawSql = {
    query: async <T>(text: string, values: unknown[] = []) => {
      const res = await pool.query(text, values);
      return { rows: res.rows as T[] };
    },
    exec: async (text: string) => {
      const res = (await pool.query(text)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(res) ? res[res.length - 1] : res;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
  };
  const withAdvisoryLock = async <T>(key: number, fn: () => Promise<T>): Promise<T> => {
    // A session lock lives on one connection, so hold a dedicated client for its whole life.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  };
  return { kind: 'postgres', db, raw, withAdvisoryLock, close: () => pool.end() };
}

type TConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * Gives every connection checked out of the pool the statement_timeout of its caller: the
 * request's (query-limits.ts) or the pool's default. pool.query and Drizzle's transactions both
 * check out through `connect`, in the caller's async context. The SET is sent only when the
 * connection's current value differs (a round trip when a connection moves between a request
 * and a job), before the caller's first statement.
 */
function limitStatements(pool: pg.Pool, defaultTimeoutMs: number): void {
  const applied = new WeakMap<pg.PoolClient, number>();
  const apply = async (client: pg.PoolClient, ms: number): Promise<void> => {
    if (applied.get(client) === ms) return;
    applied.delete(client);
    await client.query(`SET statement_timeout = ${Math.max(0, Math.floor(ms))}`);
    applied.set(client, ms);
  };
  const connect = pool.connect.bind(pool) as (cb?: TConnectCallback) => Promise<pg.PoolClient> | undefined;
  (pool as unknown as { connect: typeof connect }).connect = (cb) => {
    const ms = currentQueryLimits()?.statementTimeoutMs ?? defaultTimeoutMs;
    if (cb) {
      return connect((err, client, done) => {
        if (err || !client) return cb(err, client, done);
        apply(client, ms).then(
          () => cb(undefined, client, done),
          (error: Error) => {
            done(error);
            cb(error, undefined, done);
          },
        );
      });
    }
    return connect()!.then(async (client) => {
      try {
        await apply(client, ms);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      return client;
    });
  };
}

/** The PGlite instance behind a Database, for dumps in tests; undefined on PostgreSQL. */
export function pgliteOf(database: Database): PGlite | undefined {
  return (database as Database & { pglite?: PGlite }).pglite;
}
