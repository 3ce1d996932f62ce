import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { JobQueue } from '../../../platform/jobs/queue.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { publishLeadEvents } from '../leads/publish-lead-events.js';
import { rescoreWorkspace } from './lead-scoring.service.js';
import { scoringRules } from './scoring.tables.js';

/** Recalculates every lead of a workspace (after a rule or half-life change, an import, or nightly decay). */
export const recalculateScoresJob = defineJob({
  name: 'crm.scores.recalculate',
  schema: z.object({ workspace_id: z.string().uuid(), cause: z.string().min(1).max(60).optional() }),
  handler: async (payload, runtime) => {
    const started = Date.now();
    // Its score_changed events are in the outbox; the nudge lets score_crossed automations run at once,
    // whatever queued the recalculation (bulk action, rule or half-life change, import, nightly decay).
    const result = await publishLeadEvents(runtime, () =>
      rescoreWorkspace(new Tenant(runtime.db, payload.workspace_id), { cause: payload.cause ?? 'rules_changed' }),
    );
    runtime.log.info({ workspace_id: payload.workspace_id, ...result, ms: Date.now() - started }, 'lead scores recalculated');
  },
});

/**
 * Nightly: engagement points decay (and "within the last N days" fit rules expire), so every
 * workspace that has active rules gets a recalculation. One job per workspace, retried apart.
 */
export const decayScoresJob = defineJob({
  name: 'crm.scores.decay',
  schema: z.object({}).passthrough(),
  cron: '41 2 * * *',
  handler: async (_payload, runtime) => {
    const rows = await runtime.db.selectDistinct({ workspace_id: scoringRules.workspace_id }).from(scoringRules).where(eq(scoringRules.active, true));
    for (const row of rows) await runtime.queue.send(recalculateScoresJob, { workspace_id: row.workspace_id, cause: 'decay' });
  },
});

/** Queues a background recalculation of the workspace's scores; returns at once. */
export async function queueScoreRecalculation(queue: JobQueue, workspaceId: string, cause: string): Promise<void> {
  await queue.send(recalculateScoresJob, { workspace_id: workspaceId, cause });
}
