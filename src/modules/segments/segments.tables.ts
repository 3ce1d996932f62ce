import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { TRuleGroup } from '../../contracts/crm-segments.js';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/index.js';
import { workspaces } from '../workspaces/index.js';

/** A saved segment: a named rule tree that campaigns and automations target. */
export const segments = pgTable(
  'segments',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    rules: jsonb('rules').$type<TRuleGroup>().notNull(),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [index('segments_workspace_idx').on(t.workspace_id)],
);
