import { eq, inArray, and } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/define-job.js';
import type { JobQueue } from '../../../platform/jobs/queue.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { publishLeadEvents } from '../leads/publish-lead-events.js';
import type { TCollectedLeadEvent } from '../leads/lead-event-scope.js';
import { rescoreLead, rescoreWorkspace } from './lead-scoring.service.js';
import { scoringRules } from './scoring.tables.js';

/** A workspace recalculation may outlive pg-boss's 15-minute default on a million leads: 4 hours before it counts as lost. */
const RECALCULATION_EXPIRE_SECONDS = 4 * 3600;

/**
 * Recalculates every lead of a workspace (after a rule or half-life change, a bulk action, an import, or
 * nightly decay). `short` queue keyed by workspace: one recalculation waits per workspace however many
 * changes ask for one meanwhile (ten bulk actions queue one), and a change made while one runs queues the next.
 */
export const recalculateScoresJob = defineJob({
  name: 'crm.scores.recalculate',
  schema: z.object({ workspace_id: z.string().uuid(), cause: z.string().min(1).max(60).optional() }),
  policy: 'short',
  expireInSeconds: RECALCULATION_EXPIRE_SECONDS,
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

/** How long a lead's rescore waits for more events of the same lead (an email opened, then clicked). */
export const RESCORE_DELAY_SECONDS = 5;

/**
 * `crm.scores.rescore-lead {workspace_id, lead_id, cause}`: rescores one lead after recordLeadEvent
 * events. `short` queue keyed by lead: while one waits (RESCORE_DELAY_SECONDS), more events of that lead
 * queue nothing, so a burst costs one rescore; an event during the run queues the next one.
 */
export const rescoreLeadJob = defineJob({
  name: 'crm.scores.rescore-lead',
  schema: z.object({ workspace_id: z.string().uuid(), lead_id: z.string().uuid(), cause: z.string().min(1).max(60) }),
  policy: 'short',
  concurrency: 4,
  handler: async (payload, runtime) => {
    // Its score_changed event goes through the outbox to score_crossed automations (nudged at once).
    await publishLeadEvents(runtime, () => rescoreLead(new Tenant(runtime.db, payload.workspace_id), payload.lead_id, { cause: payload.cause }));
  },
});

/**
 * Lead-event subscriber (wired in modules/index.ts): queues the debounced rescore of each lead whose
 * events were recorded append-only (outbox `rescore`), in workspaces that have active scoring rules.
 */
export async function queueRescoresOfLeadEvents(runtime: Runtime, events: TCollectedLeadEvent[]): Promise<void> {
  const due = events.filter((e) => e.rescore);
  if (due.length === 0) return;
  const scored = await runtime.db
    .selectDistinct({ workspaceId: scoringRules.workspace_id })
    .from(scoringRules)
    .where(and(inArray(scoringRules.workspace_id, [...new Set(due.map((e) => e.workspaceId))]), eq(scoringRules.active, true)));
  const withRules = new Set(scored.map((row) => row.workspaceId));
  const byLead = new Map<string, TCollectedLeadEvent>();
  for (const event of due) if (event.leadId && withRules.has(event.workspaceId) && !byLead.has(event.leadId)) byLead.set(event.leadId, event);
  await runtime.queue.insert(
    rescoreLeadJob,
    [...byLead.entries()].map(([leadId, event]) => ({
      data: { workspace_id: event.workspaceId, lead_id: leadId, cause: event.type.slice(0, 60) },
      singletonKey: leadId,
      startAfter: RESCORE_DELAY_SECONDS,
    })),
  );
}

/**
 * Nightly: engagement points decay (and "within the last N days" fit rules expire), so every
 * workspace that has active rules gets a recalculation. One job per workspace, retried apart.
 */
export const decayScoresJob = defineJob({
  name: 'crm.scores.decay',
  schema: z.object({}).passthrough(),
  cron: '41 2 * * *',
  handler: async (_payload, runtime) => {
    // eslint-disable-next-line local/tenant-scope -- nightly decay: every workspace that has active rules
    const rows = await runtime.db.selectDistinct({ workspace_id: scoringRules.workspace_id }).from(scoringRules).where(eq(scoringRules.active, true));
    for (const row of rows) await queueScoreRecalculation(runtime.queue, row.workspace_id, 'decay');
  },
});

/** Queues a background recalculation of the workspace's scores (none if one already waits); returns at once. */
export async function queueScoreRecalculation(queue: JobQueue, workspaceId: string, cause: string): Promise<void> {
  await queue.send(recalculateScoresJob, { workspace_id: workspaceId, cause }, { singletonKey: workspaceId });
}
