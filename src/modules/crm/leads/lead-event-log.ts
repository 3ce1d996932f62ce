import type { Db } from '../../../platform/db/database.js';
import { leadEventOutbox, leadEvents } from './leads.tables.js';
import { collectLeadEvent, currentLeadEventCause } from './lead-event-scope.js';

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
      .returning({ id: leadEvents.id, workspaceId: leadEvents.workspace_id, type: leadEvents.event_type, data: leadEvents.data });
    if (written.length === 0) continue;
    await db.insert(leadEventOutbox).values(written.map((e) => ({ event_id: e.id, workspace_id: e.workspaceId, cause })));
    for (const event of written) {
      ids.push(event.id);
      collectLeadEvent({ ...event, cause });
    }
  }
  return ids;
}
