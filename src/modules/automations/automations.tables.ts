import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TAutomationAction, TAutomationTrigger } from '../../contracts/crm-automations.js';
import { AUTOMATION_RUN_STATUSES } from '../../contracts/crm-automations.js';
import type { TRuleGroup } from '../../contracts/crm-segments.js';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/index.js';
import { workspaces } from '../workspaces/index.js';
import { leadEvents, leads } from '../crm/tables.js';

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
    /** Signs its webhook calls (Standard Webhooks), sealed with the SecretBox; null until first needed. */
    webhook_secret_sealed: text('webhook_secret_sealed'),
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
    // The run outlives its lead (lead_id set null, the run log keeps the name it showed): see the foreign key below.
    lead_id: uuid('lead_id'),
    status: text('status', { enum: AUTOMATION_RUN_STATUSES }).notNull(),
    trigger_event: jsonb('trigger_event').$type<Record<string, unknown>>().notNull().default({}),
    steps: jsonb('steps').$type<unknown[]>().notNull().default([]),
    /** How many automations led to this one in a chain; runs past the limit are skipped (loop guard). */
    depth: integer('depth').notNull().default(0),
    /** An error code (TAutomationErrorCode) or a skip reason; its parameters are in error_params. */
    error: text('error'),
    error_params: jsonb('error_params').$type<Record<string, string | number>>(),
    ...timestamps(),
  },
  (t) => [
    // (workspace_id, lead_id) -> the lead of the same workspace. The migration writes ON DELETE SET NULL ("lead_id")
    // (PostgreSQL 15+ column list), which drizzle cannot express: deleting the lead empties lead_id only.
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('set null'),
    index('automation_runs_automation_idx').on(t.workspace_id, t.automation_id, t.created_at),
  ],
);

/**
 * One automation claims one event before running its actions: the primary key makes a second
 * claim (a retried or duplicated dispatch job, on any process) fail, so no action, webhook included, runs twice.
 */
export const automationEventClaims = pgTable(
  'automation_event_claims',
  {
    automation_id: uuid('automation_id')
      .notNull()
      .references(() => automations.id, { onDelete: 'cascade' }),
    event_id: uuid('event_id')
      .notNull()
      .references(() => leadEvents.id, { onDelete: 'cascade' }),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.automation_id, t.event_id] }), index('automation_event_claims_workspace_idx').on(t.workspace_id)],
);
