import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TRuleGroup } from '../../../contracts/crm-segments.js';
import { ENROLLMENT_EXIT_REASONS, ENROLLMENT_STATES, SEQUENCE_STATUSES, type TSendWindow, type TSequenceStep } from '../../../contracts/email-sequences.js';
import { id, timeOrderedId, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { users } from '../../accounts/index.js';
import { leads } from '../../crm/tables.js';
import { segments } from '../../segments/tables.js';
import { workspaces } from '../../workspaces/index.js';

/**
 * An email sequence (a drip): its steps as a tree (contracts/email-sequences.ts), when its emails may go, how leads
 * enter and leave. Its emails are email_campaigns rows with `sequence_id` set (edited in the campaign editor, sent
 * by the same engine, counted on their own row: each email step's numbers).
 */
export const emailSequences = pgTable(
  'email_sequences',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: text('status', { enum: SEQUENCE_STATUSES }).notNull().default('draft'),
    steps: jsonb('steps').$type<TSequenceStep[]>().notNull().default([]),
    send_window: jsonb('send_window').$type<TSendWindow>(),
    // A segment used as an entry cannot be deleted (NO ACTION: see email_campaigns.segment_id).
    entry_segment_id: uuid('entry_segment_id').references(() => segments.id, { onDelete: 'no action' }),
    reentry_after_days: integer('reentry_after_days'),
    goal_rules: jsonb('goal_rules').$type<TRuleGroup>(),
    activated_at: timestamp('activated_at', { withTimezone: true }),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [index('email_sequences_workspace_created_idx').on(t.workspace_id, t.created_at, t.id)],
);

/**
 * One lead's way through a sequence (ARCHITECTURE.md, "Sequences"): `active` at `step_id`, which runs at `due_at`
 * (a wait's end, a send window's opening, or at once); then `completed` or `exited` with a reason. The worker claims
 * due rows in batches (FOR UPDATE SKIP LOCKED) and moves each one step per claim.
 */
export const emailSequenceEnrollments = pgTable(
  'email_sequence_enrollments',
  {
    id: timeOrderedId(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    sequence_id: uuid('sequence_id')
      .notNull()
      .references(() => emailSequences.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    state: text('state', { enum: ENROLLMENT_STATES }).notNull().default('active'),
    exit_reason: text('exit_reason', { enum: ENROLLMENT_EXIT_REASONS }),
    /** The step to run next (null: the end, or ended). */
    step_id: text('step_id'),
    due_at: timestamp('due_at', { withTimezone: true }),
    /** The message this enrollment was sent last (the "opened / clicked the previous email" conditions read it). */
    last_send_id: uuid('last_send_id'),
    /** The time `wait_anchor` steps count from (a webinar session's start); null: none. */
    anchor_at: timestamp('anchor_at', { withTimezone: true }),
    /** Merge fields of this enrollment's emails besides the lead's (a webinar's `webinar.starts_at`, `webinar.watch_url`). */
    merge_data: jsonb('merge_data').$type<Record<string, unknown>>(),
    entered_at: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    ended_at: timestamp('ended_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    // The lead of the same workspace; erasing the lead erases its enrollments.
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('cascade'),
    // A lead is in a sequence once at a time (two enrollers at once: one insert wins).
    uniqueIndex('email_sequence_enrollments_active_uq')
      .on(t.sequence_id, t.lead_id)
      .where(sql`${t.state} = 'active'`),
    // Claiming: the active enrollments whose step is due, oldest first.
    index('email_sequence_enrollments_due_idx')
      .on(t.due_at, t.id)
      .where(sql`${t.state} = 'active'`),
    index('email_sequence_enrollments_sequence_idx').on(t.sequence_id, t.state, t.entered_at, t.id),
    index('email_sequence_enrollments_lead_idx').on(t.workspace_id, t.lead_id),
  ],
);
