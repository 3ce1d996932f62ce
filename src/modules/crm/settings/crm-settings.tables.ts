import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { workspaces } from '../../workspaces/index.js';

/** Per-workspace CRM settings: score decay and round-robin assignment of new leads. */
export const crmSettings = pgTable(
  'crm_settings',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Engagement points lose half their value every this many days. */
    score_half_life_days: integer('score_half_life_days').notNull().default(30),
    round_robin_enabled: boolean('round_robin_enabled').notNull().default(false),
    round_robin_member_ids: uuid('round_robin_member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** How many leads the rotation has assigned so far; the next owner is members[count % n]. */
    round_robin_counter: integer('round_robin_counter').notNull().default(0),
    ...timestamps(),
  },
  (t) => [uniqueIndex('crm_settings_workspace_uq').on(t.workspace_id)],
);
