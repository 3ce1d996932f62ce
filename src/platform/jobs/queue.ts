import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database } from '../db/database.js';
import type { Log } from '../log.js';
import type { Runtime } from '../runtime.js';
import type { JobDefinition } from './define-job.js';

/** The job queue: pg-boss on the product's own database (PGlite or PostgreSQL). */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly jobs = new Map<string, JobDefinition>();
  private runtime: Runtime | undefined;
  private started = false;
  private working = false;

  constructor(
    database: Database,
    private readonly log: Log,
    private readonly options: { supervise: boolean },
  ) {
    const db = {
      // pg-boss sends multi-statement scripts without parameters (schema, migrations) and
      // single parameterized statements otherwise: map each to the driver call that accepts it.
      executeSql: (text: string, values?: unknown[]) =>
        values && values.length > 0 ? database.raw.query(text, values) : database.raw.exec(text),
    };
    this.boss = new PgBoss({
      db,
      schema: 'pgboss',
      // Maintenance (expiring and archiving jobs) runs in worker processes only.
      schedule: options.supervise,
      supervise: options.supervise,
      migrate: true,
    });
    this.boss.on('error', (error: Error) => this.log.error({ err: error }, 'job queue error'));
  }

  /** Registers job definitions (before start). */
  register(...jobs: JobDefinition[]): void {
    for (const job of jobs) this.jobs.set(job.name, job);
  }

  /** Creates pg-boss's schema and one queue per registered job. */
  async start(runtime: Runtime): Promise<void> {
    this.runtime = runtime;
    await this.boss.start();
    for (const job of this.jobs.values()) {
      await this.boss.createQueue(job.name, {
        name: job.name,
        retryLimit: job.retryLimit ?? 3,
        retryBackoff: true,
        retryDelay: 5,
      });
      if (job.cron && this.options.supervise) await this.boss.schedule(job.name, job.cron, {});
    }
    this.started = true;
  }

  /** Enqueues a job after validating its payload; returns the job id. */
  async send<S extends z.ZodType>(job: JobDefinition<S>, payload: z.infer<S>): Promise<string | null> {
    if (!this.jobs.has(job.name)) throw new Error(`job ${job.name} is not registered`);
    const data = job.schema.parse(payload) as object;
    return this.boss.send(job.name, data);
  }

  /** Starts polling every queue (worker processes only). */
  async work(): Promise<void> {
    this.working = true;
    for (const job of this.jobs.values()) {
      await this.boss.work(job.name, { pollingIntervalSeconds: 1, batchSize: 1, includeMetadata: true }, async (batch) => {
        for (const item of batch) await this.runOne(job, item.data, item.retryCount >= item.retryLimit);
      });
    }
  }

  /**
   * Runs every queued job to completion, including jobs those jobs enqueue.
   * Tests call it instead of starting workers, so they can assert on the outcome.
   */
  async drain(maxRounds = 50): Promise<number> {
    let ran = 0;
    for (let round = 0; round < maxRounds; round++) {
      let ranThisRound = 0;
      for (const job of this.jobs.values()) {
        const batch = await this.boss.fetch<unknown>(job.name, { batchSize: 50 });
        for (const item of batch) {
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

  /** Stops pulling new jobs and waits for the running ones to finish. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
    if (this.working) this.log.info('job worker stopped');
  }

  private async runOne(job: JobDefinition, data: unknown, lastAttempt: boolean): Promise<void> {
    if (!this.runtime) throw new Error('job queue not started');
    const payload = job.schema.parse(data);
    const started = Date.now();
    try {
      await job.handler(payload, this.runtime);
    } catch (error) {
      if (lastAttempt && job.onFinalFailure) {
        await job.onFinalFailure(payload, this.runtime, error).catch((hookError: unknown) =>
          this.log.error({ err: hookError, job: job.name }, 'job failure hook failed'),
        );
      }
      throw error;
    }
    this.log.debug({ job: job.name, ms: Date.now() - started }, 'job done');
  }
}
