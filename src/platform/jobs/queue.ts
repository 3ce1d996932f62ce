import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database, Db } from '../db/database.js';
import type { Log } from '../log.js';
import type { Runtime } from '../runtime.js';
import type { JobDefinition } from './define-job.js';
import { QueueWorker, sortByPriority, type TBossCalls } from './queue-worker.js';
import { sqlExecutorOf } from './sql-executor.js';

/** Options of one send (each defaults to the job definition's, then to pg-boss's). */
export type TSendOptions = {
  /** Not before this time, or this many seconds from now (scheduled sends, sequence delays). */
  startAfter?: Date | number;
  /** Dedupe key; what it dedupes depends on the job's `policy` (see TJobPolicy). */
  singletonKey?: string;
  /** With `singletonKey` on a `standard` queue: at most one job per key per slot of this many seconds. */
  singletonSeconds?: number;
  /** Higher runs first (e.g. transactional mail before a campaign). */
  priority?: number;
  /** Seconds this job may run before it counts as lost (overrides the definition's). */
  expireInSeconds?: number;
  /**
   * Queue inside the caller's transaction (`tx` of `db.transaction`, or `tenant.db`): the job exists
   * only if that transaction commits. Required on PGlite when a transaction is open, since its one
   * connection is held by that transaction.
   */
  db?: Db;
};

/** One job of a bulk insert: its payload and per-job options. */
export type TInsertItem<S extends z.ZodType> = { data: z.infer<S> } & Omit<TSendOptions, 'db'>;

/** Defaults of a definition's options (documented on JobDefinition). */
const DEFAULTS = { retryLimit: 3, retryDelaySeconds: 5, concurrency: 1, batchSize: 1, pollingIntervalSeconds: 1 };

/** The job queue: pg-boss on the product's own database (PGlite or PostgreSQL). */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly workers = new Map<string, QueueWorker>();
  private runtime: Runtime | undefined;
  private started = false;

  constructor(
    database: Database,
    private readonly log: Log,
    private readonly options: { supervise: boolean; maintenanceIntervalSeconds?: number },
  ) {
    const db = {
      // pg-boss sends multi-statement scripts without parameters (schema, migrations) and
      // single parameterized statements otherwise: map each to the driver call that accepts it.
      executeSql: (text: string, values?: unknown[]) => (values && values.length > 0 ? database.raw.query(text, values) : database.raw.exec(text)),
    };
    this.boss = new PgBoss({
      db,
      schema: 'pgboss',
      // Maintenance (expiring and archiving jobs) runs in worker processes only.
      schedule: options.supervise,
      supervise: options.supervise,
      ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
      migrate: true,
    });
    this.boss.on('error', (error: Error) => this.log.error({ err: error }, 'job queue error'));
  }

  /** Registers job definitions (before start). */
  register(...jobs: JobDefinition[]): void {
    for (const job of jobs) this.jobs.set(job.name, job);
  }

  /** Creates pg-boss's schema and one queue per registered job (updating its options if it exists). */
  async start(runtime: Runtime): Promise<void> {
    this.runtime = runtime;
    await this.boss.start();
    for (const job of this.jobs.values()) {
      const options = {
        name: job.name,
        policy: job.policy ?? 'standard',
        retryLimit: job.retryLimit ?? DEFAULTS.retryLimit,
        retryBackoff: job.retryBackoff ?? true,
        retryDelay: job.retryDelaySeconds ?? DEFAULTS.retryDelaySeconds,
        ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}),
      };
      // createQueue leaves an existing queue as it was: update it so a changed definition applies.
      await this.boss.createQueue(job.name, options);
      await this.boss.updateQueue(job.name, options);
      if (job.cron && this.options.supervise) await this.boss.schedule(job.name, job.cron, {});
    }
    this.started = true;
  }

  /** Enqueues a job after validating its payload; returns its id, or null when a singletonKey deduped it. */
  async send<S extends z.ZodType>(job: JobDefinition<S>, payload: z.infer<S>, options: TSendOptions = {}): Promise<string | null> {
    const data = this.validate(job, payload);
    const { db, ...rest } = options;
    const id = await this.boss.send(job.name, data, {
      ...this.sendOptions(job, rest),
      ...(db ? { db: sqlExecutorOf(db) } : {}),
    } as PgBoss.SendOptions);
    this.workers.get(job.name)?.wake();
    return id;
  }

  /**
   * Enqueues many jobs of one definition in one statement (payloads validated first). Jobs a
   * singletonKey dedupes are skipped. `db` queues them inside the caller's transaction.
   */
  async insert<S extends z.ZodType>(job: JobDefinition<S>, items: TInsertItem<S>[], options: { db?: Db } = {}): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map(({ data, ...rest }) => {
      const o = this.sendOptions(job, rest);
      return {
        name: job.name,
        data: this.validate(job, data),
        priority: o.priority,
        startAfter: typeof o.startAfter === 'number' ? String(o.startAfter) : o.startAfter,
        singletonKey: o.singletonKey,
        singletonSeconds: o.singletonSeconds,
        expireInSeconds: o.expireInSeconds,
      };
    });
    const insertOptions = options.db ? { db: sqlExecutorOf(options.db) } : {};
    await this.boss.insert(rows as PgBoss.JobInsert[], insertOptions as PgBoss.InsertOptions);
    this.workers.get(job.name)?.wake();
  }

  /** Starts one fetch loop per queue (worker processes only). */
  async work(): Promise<void> {
    for (const job of this.jobs.values()) {
      if (this.workers.has(job.name)) continue;
      const worker = new QueueWorker(this.boss as unknown as TBossCalls, this.log, {
        name: job.name,
        concurrency: job.concurrency ?? DEFAULTS.concurrency,
        batchSize: job.batchSize ?? DEFAULTS.batchSize,
        pollingIntervalMs: (job.pollingIntervalSeconds ?? DEFAULTS.pollingIntervalSeconds) * 1000,
        run: (item) => this.runOne(job, item.data, item.retryCount >= item.retryLimit),
      });
      this.workers.set(job.name, worker);
      worker.start();
    }
    for (const job of this.jobs.values()) if (job.runAtStart) await this.send(job, {});
  }

  /**
   * Runs every queued job that is due, including jobs those jobs enqueue, in priority order.
   * Tests call it instead of starting workers, so they can assert on the outcome.
   */
  async drain(maxRounds = 50): Promise<number> {
    let ran = 0;
    for (let round = 0; round < maxRounds; round++) {
      // pg-boss fetches jobs whose start_after (now() at their insert) is strictly before its own now(); PGlite's
      // clock ticks in milliseconds, so a job queued in the same millisecond as the fetch would wait for a later
      // round, or, if nothing else ran, be left behind (a CI failure: a reset mail sent after bulk mail).
      await new Promise((resolve) => setTimeout(resolve, 2));
      let ranThisRound = 0;
      for (const job of this.jobs.values()) {
        const batch = await this.boss.fetch<unknown>(job.name, { batchSize: 50, includeMetadata: true });
        for (const item of sortByPriority(batch)) {
          try {
            // Tests drain without retries: every failure is the last one.
            await this.runOne(job, item.data, true);
            await this.boss.complete(job.name, item.id);
          } catch (error) {
            await this.boss.fail(job.name, item.id, { message: String(error) });
            throw error;
          }
          ranThisRound++;
        }
      }
      ran += ranThisRound;
      if (ranThisRound === 0) return ran;
    }
    throw new Error('job queue did not drain: a job keeps enqueuing others');
  }

  /** Expires jobs that outlived their expireInSeconds now (maintenance does it on its interval); for tests. */
  async expireNow(): Promise<void> {
    await (this.boss as unknown as { expire(): Promise<void> }).expire();
  }

  /** One stored job (state, priority, start_after, expire_in…), for tests and diagnostics. */
  getJob(job: JobDefinition, id: string): Promise<PgBoss.JobWithMetadata | null> {
    return this.boss.getJobById(job.name, id);
  }

  /** Stops pulling new jobs and waits (30 s at most) for the running ones to finish. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    const working = this.workers.size > 0;
    await Promise.all([...this.workers.values()].map((worker) => worker.stop(30_000)));
    this.workers.clear();
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
    if (working) this.log.info('job worker stopped');
  }

  private validate(job: JobDefinition, payload: unknown): object {
    if (!this.jobs.has(job.name)) throw new Error(`job ${job.name} is not registered`);
    return job.schema.parse(payload) as object;
  }

  /** The definition's defaults under the send's own options, in pg-boss's names. */
  private sendOptions(job: JobDefinition, options: Omit<TSendOptions, 'db'>) {
    const priority = options.priority ?? job.priority;
    const expireInSeconds = options.expireInSeconds ?? job.expireInSeconds;
    const startAfter = options.startAfter instanceof Date ? options.startAfter.toISOString() : options.startAfter;
    return {
      ...(priority !== undefined ? { priority } : {}),
      ...(expireInSeconds !== undefined ? { expireInSeconds } : {}),
      ...(startAfter !== undefined ? { startAfter } : {}),
      ...(options.singletonKey !== undefined ? { singletonKey: options.singletonKey } : {}),
      ...(options.singletonSeconds !== undefined ? { singletonSeconds: options.singletonSeconds } : {}),
    };
  }

  private async runOne(job: JobDefinition, data: unknown, lastAttempt: boolean): Promise<void> {
    if (!this.runtime) throw new Error('job queue not started');
    const payload = job.schema.parse(data);
    const started = Date.now();
    try {
      await job.handler(payload, this.runtime);
    } catch (error) {
      if (lastAttempt && job.onFinalFailure) {
        await job
          .onFinalFailure(payload, this.runtime, error)
          .catch((hookError: unknown) => this.log.error({ err: hookError, job: job.name }, 'job failure hook failed'));
      }
      throw error;
    }
    this.log.debug({ job: job.name, ms: Date.now() - started }, 'job done');
  }
}
