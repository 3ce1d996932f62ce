import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { leadEvents } from './crm.tables.js';
import { collectLeadEvent } from './lead-event-scope.js';

/**
 * Appends one event to a lead's log. The one function other modules (email, funnels) call
 * to put their events on the lead's timeline. Returns the event's id.
 * Automations see the event when the caller runs inside publishLeadEvents (publish-lead-events.ts).
 */
export async function recordLeadEvent(
  db: Db,
  input: { workspaceId: string; leadId: string; type: string; data?: Record<string, unknown>; actorUserId?: string | null },
): Promise<string> {
  const [row] = await db.insert(leadEvents).values({
    workspace_id: input.workspaceId,
    lead_id: input.leadId,
    event_type: input.type,
    data: input.data ?? {},
    actor_user_id: input.actorUserId ?? null,
  }).returning({ id: leadEvents.id });
  collectLeadEvent({ id: row!.id, workspaceId: input.workspaceId, type: input.type, data: input.data ?? {} });
  return row!.id;
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
