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
 * The fetch loops of one queue in one process. pg-boss 10's own `work()` sleeps for the rest of its
 * polling interval after every fetch, even when more jobs wait (one batch per second at best), so
 * the platform drives `fetch`/`complete`/`fail` itself:
 * - `concurrency` slots, each a loop of fetch (up to `batchSize` jobs), run them one after the
 *   other, complete the succeeded ones in one statement, fail each failed one on its own (a failure
 *   never fails its batch-mates), and fetch again at once;
 * - a slot that finds the queue empty sleeps; only slot 0 polls (every `pollingIntervalMs`), the
 *   others wait until a slot finds a full batch or `wake()` (a send from this process) is called,
 *   so an idle queue costs one query per interval whatever its concurrency.
 */
export class QueueWorker {
  private stopping = false;
  private readonly inFlight = new Set<string>();
  /** Bumped by wake(): a slot whose fetch started before a wake does not go to sleep. */
  private generation = 0;
  private sleepers: (() => void)[] = [];
  private loops: Promise<void>[] = [];

  constructor(
    private readonly boss: TBossCalls,
    private readonly log: Log,
    private readonly options: TQueueWorkerOptions,
  ) {}

  /** Starts the slots (returns at once). */
  start(): void {
    this.loops = Array.from({ length: Math.max(1, this.options.concurrency) }, (_, slot) => this.slotLoop(slot));
  }

  /** Ends every idle wait now: jobs may have been queued. */
  wake(): void {
    this.generation++;
    const sleepers = this.sleepers;
    this.sleepers = [];
    for (const resume of sleepers) resume();
  }

  /**
   * Stops fetching and waits up to `timeoutMs` for running jobs. Jobs still running then are
   * failed, so pg-boss retries them elsewhere instead of waiting for them to expire.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([Promise.all(this.loops).then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout' && this.inFlight.size > 0) {
      await this.boss.fail(this.options.name, [...this.inFlight], { message: 'worker stopped while the job was running' });
    }
  }

  private async slotLoop(slot: number): Promise<void> {
    const { name, batchSize } = this.options;
    while (!this.stopping) {
      const seen = this.generation;
      let batch: TClaimedJob[] = [];
      try {
        batch = await this.boss.fetch(name, { batchSize, includeMetadata: true });
      } catch (error) {
        this.log.error({ err: error, queue: name }, 'job fetch failed');
      }
      if (batch.length === 0) {
        await this.sleep(seen, slot === 0);
        continue;
      }
      // A full batch says more may wait: sleeping slots fetch too.
      if (batch.length === batchSize) this.wake();
      await this.runBatch(sortByPriority(batch));
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

  /** Waits for a wake (any slot) or, for the polling slot, the polling interval. */
  private async sleep(seen: number, polls: boolean): Promise<void> {
    if (this.stopping || this.generation !== seen) return;
    await new Promise<void>((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = polls
        ? setTimeout(() => {
            this.sleepers = this.sleepers.filter((s) => s !== resume);
            resolve();
          }, this.options.pollingIntervalMs)
        : undefined;
      this.sleepers.push(resume);
    });
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
