import { and, eq, inArray } from 'drizzle-orm';
import { ZAutomationDispatchPayload } from '../../contracts/crm-automations.js';
import { defineJob } from '../../platform/jobs/define-job.js';
import type { Runtime } from '../../platform/runtime.js';
import { runAutomationsOnEvent, type TAutomationCause } from './automation-dispatch.service.js';
import { canTrigger } from './automation-triggers.js';
import { automations } from './automations.tables.js';
import { publishLeadEvents, type TCollectedLeadEvent } from '../crm/index.js';

/** Event ids per dispatch job: a bulk action or an import makes a few jobs, not one per lead. */
const EVENTS_PER_JOB = 100;

/**
 * `crm.automations.dispatch {event_ids, depth, chain}`: runs the automations the events trigger; the events
 * their actions cause go through the outbox again, one level deeper in the chain.
 */
export const dispatchAutomationsJob = defineJob({
  name: 'crm.automations.dispatch',
  schema: ZAutomationDispatchPayload,
  handler: async (payload, runtime) => {
    const cause = { depth: payload.depth, chain: payload.chain };
    // The events the actions write reach the outbox with their chain (one level deeper); the nudge
    // dispatches them as soon as this job is done.
    await publishLeadEvents(runtime, async () => {
      for (const eventId of payload.event_ids) await runAutomationsOnEvent(runtime, eventId, cause);
    });
  },
});

/**
 * Queues the dispatch of lead events that can start an automation, in workspaces that have an active
 * one (the rest cost nothing). Call it only once the transaction that wrote the events has committed.
 */
export async function enqueueAutomationDispatch(runtime: Runtime, events: TCollectedLeadEvent[], cause: TAutomationCause): Promise<void> {
  const candidates = events.filter(canTrigger);
  if (candidates.length === 0) return;
  const workspaceIds = [...new Set(candidates.map((e) => e.workspaceId))];
  const active = await runtime.db
    .selectDistinct({ workspaceId: automations.workspace_id })
    .from(automations)
    .where(and(inArray(automations.workspace_id, workspaceIds), eq(automations.active, true)));
  const withAutomations = new Set(active.map((row) => row.workspaceId));
  const ids = candidates.filter((e) => withAutomations.has(e.workspaceId)).map((e) => e.id);
  for (let i = 0; i < ids.length; i += EVENTS_PER_JOB) {
    await runtime.queue.send(dispatchAutomationsJob, { event_ids: ids.slice(i, i + EVENTS_PER_JOB), depth: cause.depth, chain: cause.chain });
  }
}

/**
 * The CRM's lead-event subscriber (wired in modules/index.ts): the outbox's events, grouped by the
 * automation chain that wrote them (none: depth 0), so the loop guard sees where each came from.
 */
export async function dispatchLeadEventsToAutomations(runtime: Runtime, events: TCollectedLeadEvent[]): Promise<void> {
  const byCause = new Map<string, { cause: TAutomationCause; events: TCollectedLeadEvent[] }>();
  for (const event of events) {
    const cause = event.cause ?? { depth: 0, chain: [] };
    const key = JSON.stringify(cause);
    if (!byCause.has(key)) byCause.set(key, { cause, events: [] });
    byCause.get(key)!.events.push(event);
  }
  for (const group of byCause.values()) await enqueueAutomationDispatch(runtime, group.events, group.cause);
}
