import type { z } from 'zod';
import type { Runtime } from '../runtime.js';

/**
 * How pg-boss treats `singletonKey` on a queue:
 * - `standard`: a key dedupes only together with `singletonSeconds` (one job per key per time slot);
 * - `short`: at most one *waiting* job per key (a send while one waits returns null; once it has
 *   started, the next send queues again, so a change made during a run is not missed);
 * - `singleton`: at most one *running* job per key (others wait);
 * - `stately`: one waiting and one running per key.
 */
export type TJobPolicy = 'standard' | 'short' | 'singleton' | 'stately';

/**
 * A background job: a queue name, the zod schema of its payload and its handler.
 * Payloads carry ids, not objects, and handlers must be safe to run twice
 * (pg-boss delivers at least once).
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  handler: (payload: z.infer<S>, runtime: Runtime) => Promise<void>;
  /** Retries after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 5); doubled at each retry unless `retryBackoff` is false. */
  retryDelaySeconds?: number;
  /** Exponential backoff with jitter between retries (default true). */
  retryBackoff?: boolean;
  /** Jobs of this queue that one worker process runs at the same time (default 1). */
  concurrency?: number;
  /**
   * Jobs claimed by one fetch (default 1); they run one after the other in one slot and are
   * completed together. Above 1 only for short jobs: a claimed job waits for the ones before it.
   */
  batchSize?: number;
  /** Seconds between fetches while the queue is empty (default 1): the worst send-to-start latency across processes. */
  pollingIntervalSeconds?: number;
  /**
   * Seconds a started job may run before it counts as lost and is retried (default 900, pg-boss's
   * 15 minutes). Long jobs (imports, rescoring a workspace) need more; a dead worker's job comes
   * back after this long. One send may override it.
   */
  expireInSeconds?: number;
  /** Default priority of this queue's sends (higher runs first; default 0). One send may override it. */
  priority?: number;
  /** What `singletonKey` means on this queue (default `standard`). */
  policy?: TJobPolicy;
  /**
   * Called once when the last attempt failed (no retry will follow), so a job can leave its
   * record in a final state (e.g. an import marked failed) instead of "running" for ever.
   */
  onFinalFailure?: (payload: z.infer<S>, runtime: Runtime, error: unknown) => Promise<void>;
  /** Cron expression (UTC) for periodic jobs; scheduled by worker processes. */
  cron?: string;
  /**
   * Also queued (with an empty payload) when a worker process starts: a periodic job that picks up work a dead
   * worker left behind runs at once instead of at its next minute.
   */
  runAtStart?: boolean;
};

/** Declares a job; keeps the payload type tied to its schema. */
export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  return job;
}
