import type PgBoss from 'pg-boss';
import type { Log } from '../log.js';

/** One claimed job, as the worker loop needs it. */
export type TClaimedJob = PgBoss.JobWithMetadata<unknown>;

/**
 * The calls the loop makes, as pg-boss 10 implements them (its types say `complete` returns
 * nothing and `fail` takes no output with several ids; the code returns counts and accepts both).
 */
export type TBossCalls = {
  fetch(name: string, options: { batchSize: number; includeMetadata: true }): Promise<TClaimedJob[]>;
  complete(name: string, ids: string[]): Promise<{ affected: number }>;
  fail(name: string, ids: string | string[], output: object): Promise<{ affected: number }>;
};

export type TQueueWorkerOptions = {
  name: string;
  concurrency: number;
  batchSize: number;
  pollingIntervalMs: number;
  /** Runs one job; throws to fail it (pg-boss then retries it or marks it failed). */
  run: (job: TClaimedJob) => Promise<void>;
};

/**
 * The fetch loop of one queue in one process. pg-boss 10's own `work()` sleeps for the rest of its
 * polling interval after every fetch, even when more jobs wait (one batch per second at best), so
 * the platform drives `fetch`/`complete`/`fail` itself:
 * - while jobs wait and a slot is free, it fetches again at once;
 * - up to `concurrency` batches run at the same time, the jobs of one batch one after the other;
 * - succeeded jobs of a batch are completed in one statement, each failed job is failed on its own
 *   (a failure never fails its batch-mates);
 * - an empty queue is polled every `pollingIntervalMs`, and `wake()` (a send from this process)
 *   cuts the wait short.
 */
export class QueueWorker {
  private stopping = false;
  private readonly running = new Set<Promise<void>>();
  private readonly inFlight = new Set<string>();
  private wakeUp: (() => void) | undefined;
  /** Set by wake(), cleared before each fetch: a wake during a fetch is not lost. */
  private woken = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly boss: TBossCalls,
    private readonly log: Log,
    private readonly options: TQueueWorkerOptions,
  ) {}

  /** Starts the loop (returns at once). */
  start(): void {
    this.loop = this.fetchLoop();
  }

  /** Ends an idle wait now: jobs may have been queued. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * Stops fetching and waits up to `timeoutMs` for running jobs. Jobs still running then are
   * failed, so pg-boss retries them elsewhere instead of waiting for them to expire.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([Promise.all(this.running).then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout' && this.inFlight.size > 0) {
      await this.boss.fail(this.options.name, [...this.inFlight], { message: 'worker stopped while the job was running' });
    }
  }

  private async fetchLoop(): Promise<void> {
    const { name, concurrency, batchSize } = this.options;
    while (!this.stopping) {
      if (this.running.size >= concurrency) {
        await Promise.race(this.running);
        continue;
      }
      let batch: TClaimedJob[] = [];
      this.woken = false;
      try {
        batch = await this.boss.fetch(name, { batchSize, includeMetadata: true });
      } catch (error) {
        this.log.error({ err: error, queue: name }, 'job fetch failed');
      }
      if (batch.length === 0) {
        await this.idle();
        continue;
      }
      const task = this.runBatch(sortByPriority(batch)).finally(() => this.running.delete(task));
      this.running.add(task);
    }
  }

  private async runBatch(batch: TClaimedJob[]): Promise<void> {
    const { name, run } = this.options;
    const succeeded: string[] = [];
    for (const job of batch) this.inFlight.add(job.id);
    try {
      for (const job of batch) {
        try {
          await run(job);
          succeeded.push(job.id);
        } catch (error) {
          this.inFlight.delete(job.id);
          await this.boss.fail(name, job.id, errorOutput(error));
        }
      }
      if (succeeded.length > 0) {
        const result = await this.boss.complete(name, succeeded);
        // Not active any more: it ran past its expireInSeconds and was handed back to the queue.
        if (result.affected < succeeded.length) {
          this.log.warn({ queue: name, completed: result.affected, ran: succeeded.length }, 'job outlived its expireInSeconds');
        }
      }
    } catch (error) {
      // The database was unreachable to record the outcome: the jobs expire and run again.
      this.log.error({ err: error, queue: name }, 'job outcome not recorded');
    } finally {
      for (const job of batch) this.inFlight.delete(job.id);
    }
  }

  private async idle(): Promise<void> {
    if (this.stopping || this.woken) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.pollingIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = undefined;
  }
}

/** A fetch claims jobs in priority order, but UPDATE … RETURNING does not keep that order. */
export function sortByPriority(batch: TClaimedJob[]): TClaimedJob[] {
  return batch.length < 2
    ? batch
    : [...batch].sort((a, b) => b.priority - a.priority || new Date(a.createdOn).getTime() - new Date(b.createdOn).getTime() || (a.id < b.id ? -1 : 1));
}

/** What pg-boss stores as the failed job's output (shown by getJobById). */
export function errorOutput(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}
