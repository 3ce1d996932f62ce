import { eq, sql } from 'drizzle-orm';
import type { TInteractionListQuery } from '../../../contracts/crm-contacts.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leadInteractions, leads } from './leads.tables.js';
import { after, decodePosition, encodePosition, positionOf } from './occurred-cursor.js';

/** SQL for a lead's display name, like the web's leadName(): full name, else email, else company. */
export const leadDisplayName = sql<string>`coalesce(nullif(trim(coalesce(${leads.first_name}, '') || ' ' || coalesce(${leads.last_name}, '')), ''), ${leads.email}, ${leads.company}, '—')`;

/** Every interaction of the workspace, newest first, with its lead's name; filters by type and author. */
export async function listWorkspaceInteractions(tenant: Tenant, query: TInteractionListQuery) {
  const rows = await tenant.db
    .select({ interaction: leadInteractions, lead_name: leadDisplayName, position: positionOf(leadInteractions.occurred_at) })
    .from(leadInteractions)
    .innerJoin(leads, eq(leads.id, leadInteractions.lead_id))
    .where(
      tenant.where(
        leadInteractions,
        query.interaction_type ? eq(leadInteractions.interaction_type, query.interaction_type) : undefined,
        query.author_id ? eq(leadInteractions.author_id, query.author_id) : undefined,
        query.cursor ? after(leadInteractions.occurred_at, leadInteractions.id, decodePosition(query.cursor)) : undefined,
      ),
    )
    .orderBy(sql`${leadInteractions.occurred_at} desc`, sql`${leadInteractions.id} desc`)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r.interaction, lead_name: r.lead_name })),
    next_cursor: rows.length > query.limit && last ? encodePosition({ at: last.position, id: last.interaction.id }) : null,
  };
}
