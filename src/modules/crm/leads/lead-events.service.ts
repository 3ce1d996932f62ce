import { desc, eq } from 'drizzle-orm';
import { SCORE_CHANGED_EVENT } from '../../../contracts/crm-scoring.js';
import { leadEventType } from '../../../contracts/lead-events.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { leadEvents } from './leads.tables.js';
import { appendLeadEvent, type TLeadEventInput } from './lead-event-log.js';
import { rescoreLead } from '../scoring/lead-scoring.service.js';

export type { TLeadEventInput } from './lead-event-log.js';

/**
 * Appends one event to a lead's log: the one function other modules (email, funnels) call to put their
 * events on the lead's timeline, thousands of times a minute. Returns the event's id (the first event's,
 * when `dedupeKey` was already recorded). Append-only: two statements (the event, its outbox row), no
 * lock and no scoring in the caller's transaction. Once committed, the outbox dispatcher hands the event
 * to automations and webhooks and queues a debounced rescore of the lead (crm.scores.rescore-lead, one
 * per lead per few seconds), whose score_changed events reach score_crossed automations in turn.
 */
export async function recordLeadEvent(tenant: Tenant, input: TLeadEventInput): Promise<string> {
  // Types and their data shapes come from the registry (contracts/lead-events.ts): a module records only what it declared.
  const definition = leadEventType(input.type);
  if (!definition) throw new Error(`lead event type "${input.type}" is not declared in the lead-event registry (contracts/lead-events.ts)`);
  definition.data.parse(input.data ?? {});
  // score_changed is the scorer's own output and is never scored (no loop).
  return (await appendLeadEvent(tenant, input, { rescore: input.type !== SCORE_CHANGED_EVENT })).id;
}

/**
 * The CRM's own user actions (create, edit, interaction, task): the event, then the lead rescored in the
 * same transaction, because their answer and the lead's page show the new score at once. Low volume.
 */
export async function recordLeadEventAndRescore(tenant: Tenant, input: TLeadEventInput): Promise<string> {
  return tenant.db.transaction(async (db) => {
    const scoped = new Tenant(db, tenant.workspaceId);
    const { id } = await appendLeadEvent(scoped, input, { rescore: false });
    // Any event can move the score: event rules, or fit rules after a field change.
    await rescoreLead(scoped, input.leadId, { cause: input.type });
    return id;
  });
}

/** A lead's events, newest first. */
export async function listLeadEvents(tenant: Tenant, leadId: string) {
  return tenant.db
    .select()
    .from(leadEvents)
    .where(tenant.where(leadEvents, eq(leadEvents.lead_id, leadId)))
    .orderBy(desc(leadEvents.occurred_at), desc(leadEvents.id))
    .limit(500);
}
