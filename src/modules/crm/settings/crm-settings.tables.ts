import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TOpenLeadStatus } from '../../../contracts/crm-scoring.js';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { workspaces } from '../../workspaces/index.js';

/** Per-workspace CRM settings: score decay, round-robin assignment of new leads, win probabilities per stage. */
export const crmSettings = pgTable(
  'crm_settings',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Engagement points lose half their value every this many days. */
    score_half_life_days: integer('score_half_life_days').notNull().default(30),
    round_robin_enabled: boolean('round_robin_enabled').notNull().default(false),
    round_robin_member_ids: uuid('round_robin_member_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** How many leads the rotation has assigned so far; the next owner is members[count % n]. */
    round_robin_counter: integer('round_robin_counter').notNull().default(0),
    /**
     * Win probability (whole percent) of the open stages the workspace chose; a stage missing here has its
     * default (DEFAULT_STAGE_PROBABILITIES), so '{}' means "never changed" and follows the product's defaults.
     */
    stage_probabilities: jsonb('stage_probabilities').$type<Partial<Record<TOpenLeadStatus, number>>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [uniqueIndex('crm_settings_workspace_uq').on(t.workspace_id)],
);
