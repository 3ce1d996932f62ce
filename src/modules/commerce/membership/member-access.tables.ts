import { index, pgTable, timestamp, uniqueIndex, uuid, foreignKey } from 'drizzle-orm/pg-core';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { leads } from '../../crm/tables.js';
import { funnels } from '../../funnels/index.js';
import { workspaces } from '../../workspaces/index.js';

/**
 * A buyer of a membership funnel (ARCHITECTURE.md, "Membership"): made once, at the first paid order of the funnel,
 * when the access e-mail goes out. Whether the member may still open the member pages is read from their orders at
 * each visit (a refund or a canceled subscription ends it at once), never stored here.
 */
export const memberAccess = pgTable(
  'member_access',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    funnel_id: uuid('funnel_id')
      .notNull()
      .references(() => funnels.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    /** The last sign-in link sent (the member's "send me a link" is limited by it). */
    link_sent_at: timestamp('link_sent_at', { withTimezone: true }),
    last_visit_at: timestamp('last_visit_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('member_access_funnel_lead_uq').on(t.funnel_id, t.lead_id),
    index('member_access_workspace_idx').on(t.workspace_id),
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('cascade'),
  ],
);
