import { sql, type SQL } from 'drizzle-orm';
import { type AnyPgColumn, boolean, foreignKey, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INTERACTION_TYPES, LEAD_STATUSES } from '../../../contracts/crm.js';
import { id, timeOrderedId, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { users } from '../../accounts/index.js';
import { workspaces } from '../../workspaces/index.js';

/** The text the lead search matches: name, email and company joined (the expression its trigram index is on). */
export function leadSearchText(t: { first_name: AnyPgColumn; last_name: AnyPgColumn; email: AnyPgColumn; company: AnyPgColumn }): SQL {
  return sql`(coalesce(${t.first_name}, '') || ' ' || coalesce(${t.last_name}, '') || ' ' || coalesce(${t.email}, '') || ' ' || coalesce(${t.company}, ''))`;
}

/** A lead (spec "Lead"): the person CRM, email campaigns and funnel forms all share. */
export const leads = pgTable(
  'leads',
  {
    id: timeOrderedId(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    first_name: text('first_name'),
    last_name: text('last_name'),
    email: text('email'),
    phone: text('phone'),
    company: text('company'),
    job_title: text('job_title'),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    score: integer('score').notNull().default(0),
    source: text('source'),
    source_url: text('source_url'),
    estimated_value: numeric('estimated_value', { precision: 14, scale: 2, mode: 'number' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text('notes'),
    custom_fields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    owner_id: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    utm_source: text('utm_source'),
    utm_medium: text('utm_medium'),
    utm_campaign: text('utm_campaign'),
    utm_term: text('utm_term'),
    utm_content: text('utm_content'),
    lost_reason: text('lost_reason'),
    consent_source: text('consent_source'),
    consent_at: timestamp('consent_at', { withTimezone: true }),
    consent_ip: text('consent_ip'),
    unsubscribed_at: timestamp('unsubscribed_at', { withTimezone: true }),
    /**
     * Double opt-in: the person signed up through a form that asks for a confirmation and has not clicked its link yet
     * (when the last confirmation mail went). Not mailed while set (email-audience.service.ts, email-sender.ts).
     */
    optin_pending_at: timestamp('optin_pending_at', { withTimezone: true }),
    /** When the person last confirmed their address through a double opt-in link (proof of consent). */
    optin_confirmed_at: timestamp('optin_confirmed_at', { withTimezone: true }),
    /** The person's IANA time zone (null: the workspace's); sequences' send windows may follow it. */
    timezone: text('timezone'),
    /**
     * The CSV import that created the lead (lead_imports.id), null otherwise: the timeline's "imported" item
     * and segments' `events.imported` read it, so an import writes no event row per lead. Neither a foreign
     * key nor an index: each would be one more check or index entry per imported lead.
     */
    import_id: uuid('import_id'),
    ...timestamps(),
    // Millisecond precision, like JavaScript dates, so list cursors round-trip exactly.
    created_at: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // No index on workspace_id alone: every index below starts with it (one less index to write per imported lead).
    // Email is unique per workspace, case-insensitively (a duplicate is a 409 naming the existing lead).
    uniqueIndex('leads_workspace_email_uq').on(t.workspace_id, sql`lower(${t.email})`),
    // What rows of other tables reference (with their workspace_id), so none can point at another workspace's lead.
    uniqueIndex('leads_workspace_id_uq').on(t.workspace_id, t.id),
    // Keyset pagination: newest first, id as tie-breaker. Ascending on purpose: drizzle writes DESC as
    // "DESC NULLS LAST", which ORDER BY … DESC (NULLS FIRST) cannot use; a backward scan of this one can.
    index('leads_workspace_created_at_id_idx').on(t.workspace_id, t.created_at, t.id),
    index('leads_workspace_status_created_at_idx').on(t.workspace_id, t.status, t.created_at, t.id),
    // Substring search (ILIKE '%…%') on name, email and company through pg_trgm: one index on the
    // joined text rather than one per column, so each new lead writes one GIN index instead of three.
    index('leads_search_trgm_idx').using('gin', sql`${leadSearchText(t)} gin_trgm_ops`),
    // Segment and filter conditions on tags, score and owner.
    index('leads_tags_gin_idx').using('gin', t.tags),
    index('leads_workspace_score_idx').on(t.workspace_id, t.score, t.id),
    index('leads_workspace_owner_idx').on(t.workspace_id, t.owner_id),
    // Ads attribute leads to a campaign by utm_campaign, any case (modules/ads/campaigns/ad-attribution.ts); partial,
    // so leads without one (most imports) cost nothing.
    index('leads_workspace_utm_campaign_idx')
      .on(t.workspace_id, sql`lower(${t.utm_campaign})`)
      .where(sql`${t.utm_campaign} IS NOT NULL`),
  ],
);

/**
 * The foreign key of a row about a lead: (workspace_id, lead_id) -> leads (workspace_id, id), so the database itself
 * refuses a row of one workspace pointing at another workspace's lead (issue 7, "tenant isolation that cannot be
 * forgotten"); deleting the lead deletes the row.
 */
export function leadOfSameWorkspace(t: { workspace_id: AnyPgColumn; lead_id: AnyPgColumn }) {
  return foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('cascade');
}

/** The lead's event log: created, field changed, status changed… and later email and funnel events. */
export const leadEvents = pgTable(
  'lead_events',
  {
    id: timeOrderedId(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    event_type: text('event_type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actor_user_id: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    occurred_at: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set by writers whose events may arrive twice (a replayed open, a retried webhook): one event per key. */
    dedupe_key: text('dedupe_key'),
    ...timestamps(),
  },
  (t) => [
    leadOfSameWorkspace(t),
    index('lead_events_lead_occurred_idx').on(t.workspace_id, t.lead_id, t.occurred_at),
    // "Has event X (within N days)" segment conditions and event-based scoring.
    index('lead_events_type_idx').on(t.workspace_id, t.event_type, t.occurred_at),
    uniqueIndex('lead_events_dedupe_idx')
      .on(t.workspace_id, t.dedupe_key)
      .where(sql`${t.dedupe_key} IS NOT NULL`),
  ],
);

/**
 * Transactional outbox of lead events: a row is written with its event, in the same transaction, and
 * removed once the dispatcher (crm.lead-events.dispatch) handed the event to the subscribers
 * (automations, webhooks). `cause` is the automation chain that wrote it ({depth, chain}), null otherwise.
 */
export const leadEventOutbox = pgTable(
  'lead_event_outbox',
  {
    event_id: uuid('event_id')
      .primaryKey()
      .references(() => leadEvents.id, { onDelete: 'cascade' }),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    cause: jsonb('cause').$type<{ depth: number; chain: string[] }>(),
    /** The writer did not rescore the lead (recordLeadEvent is append-only): the dispatcher queues a debounced rescore. */
    rescore: boolean('rescore').notNull().default(false),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_event_outbox_created_idx').on(t.created_at)],
);

/** Spec "LeadInteraction": an email, call, meeting or note logged on a lead. */
export const leadInteractions = pgTable(
  'lead_interactions',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    interaction_type: text('interaction_type', { enum: INTERACTION_TYPES }).notNull(),
    subject: text('subject'),
    content: text('content'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    author_id: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    occurred_at: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [leadOfSameWorkspace(t), index('lead_interactions_lead_occurred_idx').on(t.workspace_id, t.lead_id, t.occurred_at)],
);

/** A named Contacts-table setup (columns, filter rules, sort) saved by a user, visible to the workspace. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [index('saved_views_workspace_idx').on(t.workspace_id)],
);

/** A to-do on a lead (created by hand or by an automation's "add a task" action). */
export const leadTasks = pgTable(
  'lead_tasks',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    title: text('title').notNull(),
    due_at: timestamp('due_at', { withTimezone: true }),
    assignee_id: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    done_at: timestamp('done_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [leadOfSameWorkspace(t), index('lead_tasks_lead_idx').on(t.workspace_id, t.lead_id)],
);
