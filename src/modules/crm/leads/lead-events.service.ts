import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { SCORE_CHANGED_EVENT } from '../../../contracts/crm-scoring.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { leadEvents } from './leads.tables.js';
import { recordLeadEventRows } from './lead-event-log.js';
import { rescoreLead } from '../scoring/lead-scoring.service.js';

/**
 * Appends one event to a lead's log. The one function other modules (email, funnels) call
 * to put their events on the lead's timeline. Returns the event's id.
 * Its outbox row is written with it: automations and webhooks get it from the database once committed.
 * The lead's score is recomputed in the same transaction (a savepoint inside the caller's).
 */
export async function recordLeadEvent(
  outerDb: Db,
  input: { workspaceId: string; leadId: string; type: string; data?: Record<string, unknown>; actorUserId?: string | null; occurredAt?: Date },
): Promise<string> {
  return outerDb.transaction(async (db) => {
    const [id] = await recordLeadEventRows(db, [
      {
        workspace_id: input.workspaceId,
        lead_id: input.leadId,
        event_type: input.type,
        data: input.data ?? {},
        actor_user_id: input.actorUserId ?? null,
        // When it happened, if not now (an interaction logged afterwards): engagement decays from then.
        ...(input.occurredAt ? { occurred_at: input.occurredAt } : {}),
      },
    ]);
    // Any event can move the score: event rules, or fit rules after a field change. score_changed is
    // the scorer's own output and is never scored (no loop).
    if (input.type !== SCORE_CHANGED_EVENT) await rescoreLead(new Tenant(db, input.workspaceId), input.leadId, { cause: input.type });
    return id!;
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
