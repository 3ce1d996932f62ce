import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leadImports } from '../imports/imports.tables.js';
import { leadEvents, leadInteractions, leads } from './leads.tables.js';
import { after, decodePosition, encodePosition, newestFirst, positionOf, type TPosition } from './occurred-cursor.js';

export type TTimelineRow = ({ kind: 'interaction' } & typeof leadInteractions.$inferSelect) | ({ kind: 'event' } & typeof leadEvents.$inferSelect);

/**
 * A lead's interactions and events merged into one list, newest first. Each source is read
 * with the same keyset condition and limit, so merging the two pages and cutting at `limit`
 * gives exactly the next rows of the merged order. `interaction_added` events are left out:
 * the interaction itself is on the timeline. A lead created by a CSV import gets its "imported" item from
 * leads.import_id (an import writes no event row per lead; the `imported` rows some write for automations
 * are left out, so the item is there once).
 */
export async function leadMergedTimeline(tenant: Tenant, leadId: string, query: { limit: number; cursor?: string }) {
  await tenant.get(leads, leadId, 'Lead');
  const from = query.cursor ? decodePosition(query.cursor) : undefined;
  const [imported, interactions, events] = await Promise.all([
    importedItem(tenant, leadId),
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
          notInArray(leadEvents.event_type, ['interaction_added', 'imported']),
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
    // Only past the cursor, like the rows the queries above return.
    ...(imported && (!from || newestFirst(from, imported.position) < 0) ? [imported] : []),
  ].sort((a, b) => newestFirst(a.position, b.position));
  const page = merged.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map((e) => e.item), next_cursor: merged.length > query.limit && last ? encodePosition(last.position) : null };
}

/**
 * The "imported" item of a lead created by an import, as the event an import used to write: at the lead's
 * creation, by whoever started the import, with the import's id. Its id is the lead's (no event has it).
 */
async function importedItem(tenant: Tenant, leadId: string): Promise<{ item: TTimelineRow; position: TPosition } | undefined> {
  const [row] = await tenant.db
    .select({ lead: leads, position: positionOf(leads.created_at), actor: leadImports.created_by })
    .from(leads)
    .leftJoin(leadImports, and(eq(leadImports.id, leads.import_id), eq(leadImports.workspace_id, leads.workspace_id)))
    .where(tenant.where(leads, eq(leads.id, leadId)))
    .limit(1);
  if (!row?.lead.import_id) return undefined;
  const { lead } = row;
  const item: TTimelineRow = {
    kind: 'event',
    id: lead.id,
    workspace_id: lead.workspace_id,
    lead_id: lead.id,
    event_type: 'imported',
    data: { import_id: lead.import_id },
    actor_user_id: row.actor ?? null,
    occurred_at: lead.created_at,
    created_at: lead.created_at,
    updated_at: lead.created_at,
    dedupe_key: null,
  };
  return { item, position: { at: row.position, id: lead.id } };
}
