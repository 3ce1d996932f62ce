import { z } from 'zod';
import { businessNow } from '../../../platform/clock.js';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { Runtime } from '../../../platform/runtime.js';
import { runDueSteps } from './sequence-engine.js';
import { decideSequenceEmailTests } from '../email-ab-test.js';

/** Milliseconds one run works before it queues its continuation (a deploy never waits on a long job). */
const SLICE_MS = 30_000;

/**
 * `email.sequences.steps`: every minute (a wait's end is seen within a minute), when a worker starts, and nudged
 * when a lead is enrolled. One job for every sequence and workspace, never one per lead: it claims due enrollments
 * in batches, and several may run at once (other processes) without taking the same enrollment.
 */
export const sequenceStepsJob = defineJob({
  name: 'email.sequences.steps',
  schema: z.object({}).passthrough(),
  policy: 'short',
  cron: '* * * * *',
  runAtStart: true,
  retryLimit: 1,
  expireInSeconds: 300,
  handler: async (_payload, runtime) => {
    const moved = await runDueSteps(runtime, { now: businessNow(), budgetMs: SLICE_MS });
    // Sequence emails under an A/B test keep the better variant once the rule finds one.
    await decideSequenceEmailTests(runtime);
    // Work was found: look again at once (the next run ends as soon as nothing is due).
    if (moved > 0) await nudgeSequenceSteps(runtime);
  },
});

/** Asks for a run now (a no-op when one is already waiting). */
export async function nudgeSequenceSteps(runtime: Pick<Runtime, 'queue'>): Promise<void> {
  await runtime.queue.send(sequenceStepsJob, {}, { singletonKey: 'steps' });
}
