import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { TAutomationAction, TAutomationTrigger } from '../../contracts/crm-automations.js';
import { AUTOMATION_RUN_STATUSES } from '../../contracts/crm-automations.js';
import type { TRuleGroup } from '../../contracts/crm-segments.js';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/index.js';
import { workspaces } from '../workspaces/index.js';
import { leads } from '../crm/tables.js';

/** "When <trigger>, if <conditions>, do <actions>" on leads. */
export const automations = pgTable(
  'automations',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    trigger: jsonb('trigger').$type<TAutomationTrigger>().notNull(),
    conditions: jsonb('conditions').$type<TRuleGroup | null>(),
    actions: jsonb('actions').$type<TAutomationAction[]>().notNull(),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [index('automations_workspace_idx').on(t.workspace_id)],
);

/** One run of an automation on one lead: what each action did, or why it was skipped or failed. */
export const automationRuns = pgTable(
  'automation_runs',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    automation_id: uuid('automation_id')
      .notNull()
      .references(() => automations.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    status: text('status', { enum: AUTOMATION_RUN_STATUSES }).notNull(),
    trigger_event: jsonb('trigger_event').$type<Record<string, unknown>>().notNull().default({}),
    steps: jsonb('steps').$type<unknown[]>().notNull().default([]),
    /** How many automations led to this one in a chain; runs past the limit are skipped (loop guard). */
    depth: integer('depth').notNull().default(0),
    error: text('error'),
    ...timestamps(),
  },
  (t) => [index('automation_runs_automation_idx').on(t.workspace_id, t.automation_id, t.created_at)],
);
