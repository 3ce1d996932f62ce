import { eq, ne, sql } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leadEvents, leadInteractions, leads } from './leads.tables.js';
import { after, decodePosition, encodePosition, newestFirst, positionOf, type TPosition } from './occurred-cursor.js';

export type TTimelineRow = ({ kind: 'interaction' } & typeof leadInteractions.$inferSelect) | ({ kind: 'event' } & typeof leadEvents.$inferSelect);

/**
 * A lead's interactions and events merged into one list, newest first. Each source is read
 * with the same keyset condition and limit, so merging the two pages and cutting at `limit`
 * gives exactly the next rows of the merged order. `interaction_added` events are left out:
 * the interaction itself is on the timeline.
 */
export async function leadMergedTimeline(tenant: Tenant, leadId: string, query: { limit: number; cursor?: string }) {
  await tenant.get(leads, leadId, 'Lead');
  const from = query.cursor ? decodePosition(query.cursor) : undefined;
  const [interactions, events] = await Promise.all([
    tenant.db
      .select({ row: leadInteractions, position: positionOf(leadInteractions.occurred_at) })
      .from(leadInteractions)
      .where(
        tenant.where(leadInteractions, eq(leadInteractions.lead_id, leadId), from ? after(leadInteractions.occurred_at, leadInteractions.id, from) : undefined),
      )
      .orderBy(sql`${leadInteractions.occurred_at} desc`, sql`${leadInteractions.id} desc`)
      .limit(query.limit + 1),
    tenant.db
      .select({ row: leadEvents, position: positionOf(leadEvents.occurred_at) })
      .from(leadEvents)
      .where(
        tenant.where(
          leadEvents,
          eq(leadEvents.lead_id, leadId),
          ne(leadEvents.event_type, 'interaction_added'),
          from ? after(leadEvents.occurred_at, leadEvents.id, from) : undefined,
        ),
      )
      .orderBy(sql`${leadEvents.occurred_at} desc`, sql`${leadEvents.id} desc`)
      .limit(query.limit + 1),
  ]);
  type TEntry = { item: TTimelineRow; position: TPosition };
  const merged: TEntry[] = [
    ...interactions.map((r) => ({ item: { kind: 'interaction' as const, ...r.row }, position: { at: r.position, id: r.row.id } })),
    ...events.map((r) => ({ item: { kind: 'event' as const, ...r.row }, position: { at: r.position, id: r.row.id } })),
  ].sort((a, b) => newestFirst(a.position, b.position));
  const page = merged.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map((e) => e.item), next_cursor: merged.length > query.limit && last ? encodePosition(last.position) : null };
}
