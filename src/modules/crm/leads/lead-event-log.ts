import type { Db } from '../../../platform/db/database.js';
import { leadEvents } from './leads.tables.js';
import { collectLeadEvent } from './lead-event-scope.js';

// The raw append to lead_events, without scoring: the scorer writes its own score_changed events here.

/**
 * Appends many events (bulk actions, score changes), 1,000 rows per INSERT. Unlike recordLeadEvent it
 * does not rescore; automations still see the events when the caller runs inside publishLeadEvents.
 */
export async function recordLeadEventRows(db: Db, rows: (typeof leadEvents.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const written = await db
      .insert(leadEvents)
      .values(rows.slice(i, i + 1000))
      .returning({ id: leadEvents.id, workspaceId: leadEvents.workspace_id, type: leadEvents.event_type, data: leadEvents.data });
    for (const event of written) collectLeadEvent(event);
  }
}
