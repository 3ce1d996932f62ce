import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { TRuleCondition } from '../../../contracts/crm-segments.js';
import { SCORING_RULE_KINDS } from '../../../contracts/crm-scoring.js';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { workspaces } from '../../workspaces/index.js';
import { leadOfSameWorkspace } from '../leads/leads.tables.js';

/**
 * A scoring rule. `event` rules give points each time the lead gets an event of `event_type`
 * (engagement, decaying with the workspace's half-life); `fit` rules give points once while the
 * lead matches `condition` (e.g. job_title contains "directeur").
 */
export const scoringRules = pgTable(
  'scoring_rules',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: SCORING_RULE_KINDS }).notNull(),
    event_type: text('event_type'),
    condition: jsonb('condition').$type<TRuleCondition>(),
    points: integer('points').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('scoring_rules_workspace_idx').on(t.workspace_id)],
);

/** Each change of a lead's score, with the breakdown that explained it at that time. */
export const leadScoreHistory = pgTable(
  'lead_score_history',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    score: integer('score').notNull(),
    previous_score: integer('previous_score').notNull(),
    /** What caused the recalculation: an event type, `rules_changed`, `decay`… */
    cause: text('cause').notNull(),
    breakdown: jsonb('breakdown').$type<unknown[]>().notNull().default([]),
    ...timestamps(),
  },
  (t) => [leadOfSameWorkspace(t), index('lead_score_history_lead_idx').on(t.workspace_id, t.lead_id, t.created_at)],
);
