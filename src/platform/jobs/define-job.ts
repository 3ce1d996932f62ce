import type { z } from 'zod';
import type { Runtime } from '../runtime.js';

/**
 * A background job: a queue name, the zod schema of its payload and its handler.
 * Payloads carry ids, not objects, and handlers must be safe to run twice
 * (pg-boss delivers at least once).
 */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  handler: (payload: z.infer<S>, runtime: Runtime) => Promise<void>;
  retryLimit?: number;
  /**
   * Called once when the last attempt failed (no retry will follow), so a job can leave its
   * record in a final state (e.g. an import marked failed) instead of "running" for ever.
   */
  onFinalFailure?: (payload: z.infer<S>, runtime: Runtime, error: unknown) => Promise<void>;
  /** Cron expression (UTC) for periodic jobs; scheduled by worker processes. */
  cron?: string;
};

/** Declares a job; keeps the payload type tied to its schema. */
export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  return job;
}
