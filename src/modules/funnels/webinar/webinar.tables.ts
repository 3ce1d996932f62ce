import { foreignKey, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { WEBINAR_MODES } from '../../../contracts/funnels.js';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { leads } from '../../crm/tables.js';
import { workspaces } from '../../workspaces/index.js';
import { funnels } from '../funnels.tables.js';

/**
 * A webinar funnel's sessions and room (ARCHITECTURE.md, "Funnels" > "Webinars"): fixed dated sessions, or an
 * evergreen schedule (weekdays × times of day in a zone); the video, its duration and replay window; the sequence that
 * sends the confirmation and reminders. One row per funnel.
 */
export const funnelWebinars = pgTable(
  'funnel_webinars',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    funnel_id: uuid('funnel_id')
      .notNull()
      .references(() => funnels.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: WEBINAR_MODES }).notNull(),
    /** Fixed mode: the sessions' starts, ISO 8601 in UTC, sorted. */
    sessions: jsonb('sessions').$type<string[]>().notNull().default([]),
    /** Evergreen mode: ISO weekdays (1 Monday … 7 Sunday) and "HH:MM" times, in `timezone`. */
    schedule_days: jsonb('schedule_days').$type<number[]>().notNull().default([]),
    schedule_times: jsonb('schedule_times').$type<string[]>().notNull().default([]),
    /** null: the workspace's zone. */
    timezone: text('timezone'),
    min_delay_minutes: integer('min_delay_minutes').notNull().default(15),
    slots_offered: smallint('slots_offered').notNull().default(3),
    video_url: text('video_url'),
    duration_minutes: integer('duration_minutes').notNull().default(60),
    replay_hours: integer('replay_hours').notNull().default(48),
    /** An email sequence of the workspace (checked when saved; a deleted one sends nothing). */
    reminder_sequence_id: uuid('reminder_sequence_id'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('funnel_webinars_funnel_uq').on(t.funnel_id), index('funnel_webinars_workspace_idx').on(t.workspace_id)],
);

/**
 * A lead registered for one session of a webinar funnel. `token` (random, 32 bytes base64url) is the watch link's key:
 * the only way to the room, so it is never listed by the API. Erasing the lead erases its registrations.
 */
export const webinarRegistrations = pgTable(
  'webinar_registrations',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    funnel_id: uuid('funnel_id')
      .notNull()
      .references(() => funnels.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    session_at: timestamp('session_at', { withTimezone: true }).notNull(),
    token: text('token').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('cascade'),
    uniqueIndex('webinar_registrations_session_lead_uq').on(t.funnel_id, t.lead_id, t.session_at),
    uniqueIndex('webinar_registrations_token_uq').on(t.token),
    index('webinar_registrations_funnel_session_idx').on(t.funnel_id, t.session_at, t.created_at),
    index('webinar_registrations_lead_idx').on(t.workspace_id, t.lead_id),
  ],
);
