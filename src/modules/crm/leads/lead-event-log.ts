import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { isUuid, type Tenant } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { leadEventOutbox, leadEvents, leads } from './leads.tables.js';
import { collectLeadEvent, currentLeadEventCause } from './lead-event-scope.js';
import { rowsOf } from '../../../platform/db/rows.js';

// The raw append to lead_events, without scoring (the scorer writes its own score_changed events here).
// Every event gets its outbox row in the same statement's transaction: the dispatcher hands it to
// automations and webhooks from the database, so no event is lost and no caller has to publish it.

/** Appends events, 1,000 rows per INSERT, with their outbox rows. Returns the ids in order. */
export async function recordLeadEventRows(db: Db, rows: (typeof leadEvents.$inferInsert)[]): Promise<string[]> {
  const ids: string[] = [];
  const cause = currentLeadEventCause();
  for (let i = 0; i < rows.length; i += 1000) {
    const written = await db
      .insert(leadEvents)
      .values(rows.slice(i, i + 1000))
      .returning({ id: leadEvents.id, workspaceId: leadEvents.workspace_id, leadId: leadEvents.lead_id, type: leadEvents.event_type, data: leadEvents.data });
    if (written.length === 0) continue;
    await db.insert(leadEventOutbox).values(written.map((e) => ({ event_id: e.id, workspace_id: e.workspaceId, cause })));
    for (const event of written) {
      ids.push(event.id);
      collectLeadEvent({ ...event, cause });
    }
  }
  return ids;
}

/** One event as its writers describe it (the workspace is the Tenant's). */
export type TLeadEventInput = {
  leadId: string;
  type: string;
  data?: Record<string, unknown>;
  actorUserId?: string | null;
  /** When it happened, if not now (an interaction logged afterwards): engagement decays from then. */
  occurredAt?: Date;
  /**
   * Makes a replay one event: a second write with the same key in the workspace writes nothing and
   * returns the first event's id (e.g. `open:<message id>`, `stripe:<event id>`).
   */
  dedupeKey?: string;
};

/**
 * Appends one event of a lead of the tenant's workspace (404 for another workspace's lead), with its
 * outbox row; `rescore` asks the dispatcher to queue a debounced rescore of the lead. A deduplicated
 * write returns the existing event's id and writes nothing. Two statements: no lock on the lead.
 */
export async function appendLeadEvent(tenant: Tenant, input: TLeadEventInput, options: { rescore: boolean }): Promise<{ id: string; written: boolean }> {
  if (!isUuid(input.leadId)) throw notFound('Lead');
  const data = input.data ?? {};
  const occurredAt = input.occurredAt?.toISOString() ?? null;
  // INSERT … SELECT from the lead scoped to the workspace: a lead of another workspace inserts nothing.
  const inserted = await tenant.db.execute(sql`
    INSERT INTO ${leadEvents} (workspace_id, lead_id, event_type, data, actor_user_id, occurred_at, dedupe_key)
    SELECT workspace_id, id, ${input.type}, ${JSON.stringify(data)}::jsonb, ${input.actorUserId ?? null}::uuid,
      coalesce(${occurredAt}::timestamptz, now()), ${input.dedupeKey ?? null}
    FROM ${leads} WHERE id = ${input.leadId}::uuid AND workspace_id = ${tenant.workspaceId}::uuid
    ON CONFLICT (workspace_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
    RETURNING id`);
  const id = rowsOf(inserted)[0]?.id as string | undefined;
  if (!id) {
    if (input.dedupeKey !== undefined) {
      const [existing] = await tenant.db
        .select({ id: leadEvents.id })
        .from(leadEvents)
        .where(and(eq(leadEvents.workspace_id, tenant.workspaceId), eq(leadEvents.dedupe_key, input.dedupeKey)))
        .limit(1);
      if (existing) return { id: existing.id, written: false };
    }
    throw notFound('Lead');
  }
  const cause = currentLeadEventCause();
  await tenant.db.insert(leadEventOutbox).values({ event_id: id, workspace_id: tenant.workspaceId, cause, rescore: options.rescore });
  collectLeadEvent({ id, workspaceId: tenant.workspaceId, leadId: input.leadId, type: input.type, data, cause, rescore: options.rescore });
  return { id, written: true };
}
