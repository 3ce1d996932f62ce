import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { AB_VARIANT_KEYS, EMAIL_CAMPAIGN_STATUSES, EMAIL_SUPPRESSION_REASONS, type TAbTest } from '../../contracts/email-campaigns.js';
import type { TRuleGroup } from '../../contracts/crm-segments.js';
import { id, timeOrderedId, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/index.js';
import { leads } from '../crm/tables.js';
import { segments } from '../segments/tables.js';
import { workspaces } from '../workspaces/index.js';
import { emailSequences } from './sequences/sequences.tables.js';

/**
 * An email campaign (spec: EmailCampaign): its content, sender, audience, status and counters. The counters are
 * kept by the sending engine as messages go; the rates are derived from them (unique opens and clicks over delivered).
 */
export const emailCampaigns = pgTable(
  'email_campaigns',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    subject: text('subject').notNull().default(''),
    preheader: text('preheader').notNull().default(''),
    html_content: text('html_content').notNull().default(''),
    text_content: text('text_content').notNull().default(''),
    editor_document: jsonb('editor_document').$type<Record<string, unknown>>(),
    from_name: text('from_name').notNull().default(''),
    from_email: text('from_email').notNull().default(''),
    reply_to: text('reply_to').notNull().default(''),
    status: text('status', { enum: EMAIL_CAMPAIGN_STATUSES }).notNull().default('draft'),
    scheduled_at: timestamp('scheduled_at', { withTimezone: true }),
    sent_at: timestamp('sent_at', { withTimezone: true }),
    canceled_at: timestamp('canceled_at', { withTimezone: true }),
    // A segment used by a campaign cannot be deleted (the campaign would silently target every lead); NO ACTION,
    // not RESTRICT, so that deleting the workspace, which cascades to both, checks only at the end of its statement.
    segment_id: uuid('segment_id').references(() => segments.id, { onDelete: 'no action' }),
    segment_rules: jsonb('segment_rules').$type<TRuleGroup>(),
    total_recipients: integer('total_recipients').notNull().default(0),
    total_sent: integer('total_sent').notNull().default(0),
    total_delivered: integer('total_delivered').notNull().default(0),
    total_opened: integer('total_opened').notNull().default(0),
    total_clicked: integer('total_clicked').notNull().default(0),
    total_bounced: integer('total_bounced').notNull().default(0),
    total_unsubscribed: integer('total_unsubscribed').notNull().default(0),
    total_complained: integer('total_complained').notNull().default(0),
    /** Set once every recipient is in email_sends (resolution runs in keyset batches and resumes after a crash). */
    recipients_resolved_at: timestamp('recipients_resolved_at', { withTimezone: true }),
    /** The last lead id resolved: where a resumed resolution goes on. */
    resolve_cursor: uuid('resolve_cursor'),
    /** An A/B test of the campaign (contracts: ZAbTest); null: none. */
    ab_test: jsonb('ab_test').$type<TAbTest>(),
    /** The variant the rest got, once decided (automatically at the test's end, or by a member). */
    ab_winner: text('ab_winner', { enum: AB_VARIANT_KEYS }),
    ab_decided_at: timestamp('ab_decided_at', { withTimezone: true }),
    /** How it was decided: `automatic` or `manual`, and the rule's verdict then (email-ab-test.ts). */
    ab_decision: jsonb('ab_decision').$type<Record<string, unknown>>(),
    /** Send-time optimisation (email-send-time.ts). */
    send_time_optimization: boolean('send_time_optimization').notNull().default(false),
    /** The workspace's opens and clicks by hour of the week when the send started (computed once, the fallback). */
    send_time_profile: jsonb('send_time_profile').$type<number[]>(),
    /** Set on a sequence's email: edited like a campaign, sent only by the sequence's steps, never listed as a campaign. */
    sequence_id: uuid('sequence_id').references(() => emailSequences.id, { onDelete: 'cascade' }),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('email_campaigns_sequence_idx').on(t.sequence_id),
    index('email_campaigns_workspace_created_idx').on(t.workspace_id, t.created_at, t.id),
    index('email_campaigns_workspace_status_idx').on(t.workspace_id, t.status, t.created_at),
  ],
);

/**
 * The states of one message of a campaign (ARCHITECTURE.md, "The send path"):
 * queued → sending (claimed by a worker, written before the SMTP call) → sent (accepted by the SMTP server, or kept
 * in the outbox without SMTP) | queued again with a later next_attempt_at (4xx, timeout) | failed (retries spent) |
 * bounced (5xx at send, or a hard bounce report later); skipped (unsubscribed or suppressed between resolution and
 * send); canceled (the campaign was canceled first); held (outside an A/B test's share: queued with the winner once
 * the test is decided).
 */
export const EMAIL_SEND_SOURCES = ['campaign', 'sequence', 'automation'] as const;

/** Whether a message moves its campaign row's counters: a campaign's recipients and a sequence email's sends do. */
export function countsOnCampaign(source: (typeof EMAIL_SEND_SOURCES)[number]): boolean {
  return source !== 'automation';
}

export const EMAIL_SEND_STATUSES = ['queued', 'held', 'sending', 'sent', 'failed', 'bounced', 'skipped', 'canceled'] as const;
export type TEmailSendStatus = (typeof EMAIL_SEND_STATUSES)[number];

/**
 * One recipient of one campaign: resolved once at send (unique per campaign and lead), then claimed, sent and
 * tracked here. The module's own high-volume table: opens and clicks are counted on it, and only what the person
 * did (first open, clicks, bounce, complaint, unsubscribe) reaches the lead's events.
 */
export const emailSends = pgTable(
  'email_sends',
  {
    id: timeOrderedId(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    campaign_id: uuid('campaign_id')
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    /** The address at resolution (one message per address: emails are unique per workspace). */
    email: text('email').notNull(),
    status: text('status', { enum: EMAIL_SEND_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    next_attempt_at: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimed_at: timestamp('claimed_at', { withTimezone: true }),
    /** `smtp`, or `outbox` when nothing leaves the machine (no SMTP settings). */
    delivery: text('delivery'),
    sent_at: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    bounce_type: text('bounce_type', { enum: ['hard', 'soft'] }),
    bounced_at: timestamp('bounced_at', { withTimezone: true }),
    opened_at: timestamp('opened_at', { withTimezone: true }),
    open_count: integer('open_count').notNull().default(0),
    machine_open_count: integer('machine_open_count').notNull().default(0),
    clicked_at: timestamp('clicked_at', { withTimezone: true }),
    click_count: integer('click_count').notNull().default(0),
    machine_click_count: integer('machine_click_count').notNull().default(0),
    unsubscribed_at: timestamp('unsubscribed_at', { withTimezone: true }),
    complained_at: timestamp('complained_at', { withTimezone: true }),
    /**
     * `campaign`: one of the campaign's recipients; `sequence`: a sequence step's message (the campaign row is the
     * sequence's email); `automation`: a one-off of a campaign's content sent by an automation (not counted on it).
     */
    source: text('source', { enum: EMAIL_SEND_SOURCES }).notNull().default('campaign'),
    /** A one-off's key (automation, event, step): a retried automation run sends it once. */
    dedupe_key: text('dedupe_key'),
    /** The A/B variant this message carries (A the control, B… its variants); null without a test. */
    variant: text('variant', { enum: AB_VARIANT_KEYS }),
    /**
     * Send-time optimisation: `holdout` (sent at once, the comparison), or how the time was chosen: the lead's own
     * history, the workspace's, or `none` (no history at all: at once); null when the option is off.
     */
    send_time: text('send_time', { enum: ['holdout', 'own_history', 'workspace', 'none', 'pending'] }),
    /** A sequence message's merge fields besides the lead's, from its enrollment (a webinar's session and watch link). */
    merge_data: jsonb('merge_data').$type<Record<string, unknown>>(),
    ...timestamps(),
  },
  (t) => [
    // The lead of the same workspace; erasing the lead erases its messages (the campaign's counters keep the totals).
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('cascade'),
    // A campaign reaches each lead once; automation one-offs of its content are apart (their own key).
    uniqueIndex('email_sends_campaign_lead_uq')
      .on(t.campaign_id, t.lead_id)
      .where(sql`${t.source} = 'campaign'`),
    uniqueIndex('email_sends_workspace_dedupe_uq')
      .on(t.workspace_id, t.dedupe_key)
      .where(sql`${t.dedupe_key} IS NOT NULL`),
    // Claiming: the queued messages of a campaign whose time has come, in order.
    index('email_sends_claim_idx').on(t.campaign_id, t.status, t.next_attempt_at, t.id),
    // The workspace's throttle counts what it sent in the last minute and hour.
    index('email_sends_workspace_claimed_idx').on(t.workspace_id, t.claimed_at),
    index('email_sends_lead_idx').on(t.workspace_id, t.lead_id),
    // The dashboard's email block reads the messages sent in a period (modules/dashboard/dashboard-email.ts).
    index('email_sends_workspace_sent_idx')
      .on(t.workspace_id, t.sent_at)
      .where(sql`${t.sent_at} IS NOT NULL`),
  ],
);

/** The links of a campaign, each tracked under its own id (a click URL names a link, never a destination). */
export const emailLinks = pgTable(
  'email_links',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    campaign_id: uuid('campaign_id')
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    click_count: integer('click_count').notNull().default(0),
    unique_click_count: integer('unique_click_count').notNull().default(0),
    machine_click_count: integer('machine_click_count').notNull().default(0),
    ...timestamps(),
  },
  (t) => [uniqueIndex('email_links_campaign_url_uq').on(t.campaign_id, t.url)],
);

/** Opens and clicks as they come (the report's hourly charts); machine ones flagged. */
export const emailTrackingEvents = pgTable(
  'email_tracking_events',
  {
    id: timeOrderedId(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    campaign_id: uuid('campaign_id')
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: 'cascade' }),
    send_id: uuid('send_id')
      .notNull()
      .references(() => emailSends.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['open', 'click'] }).notNull(),
    link_id: uuid('link_id').references(() => emailLinks.id, { onDelete: 'cascade' }),
    machine: boolean('machine').notNull().default(false),
    occurred_at: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_tracking_events_campaign_idx').on(t.campaign_id, t.occurred_at), index('email_tracking_events_send_idx').on(t.send_id)],
);

/**
 * Addresses the workspace never mails again (campaigns and sequences): a hard bounce, repeated soft bounces, a
 * complaint, or a member's choice. The address itself is kept (the Contacts tab shows it, a member may restore
 * it); erased people are on the CRM's hashed suppression list instead.
 */
export const emailSuppressions = pgTable(
  'email_suppressions',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    reason: text('reason', { enum: EMAIL_SUPPRESSION_REASONS }).notNull(),
    detail: text('detail'),
    campaign_id: uuid('campaign_id').references(() => emailCampaigns.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('email_suppressions_workspace_email_uq').on(t.workspace_id, sql`lower(${t.email})`)],
);

/** A workspace's sending settings (defaults when it has no row): its throttle and whether links get UTM tags. */
export const emailSettings = pgTable('email_settings', {
  workspace_id: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  /** Campaign messages started per minute and per hour, at most (null: no limit); its SMTP provider's quota. */
  max_per_minute: integer('max_per_minute'),
  max_per_hour: integer('max_per_hour'),
  utm_enabled: boolean('utm_enabled').notNull().default(true),
  /** Days after a click in which a won lead is the clicked email's conversion. */
  conversion_window_days: integer('conversion_window_days').notNull().default(7),
  /** The default sender of campaigns that name none (empty: the workspace's name and the instance's MAIL_FROM). */
  default_from_name: text('default_from_name').notNull().default(''),
  default_from_email: text('default_from_email').notNull().default(''),
  default_reply_to: text('default_reply_to').notNull().default(''),
  ...timestamps(),
});

/**
 * A conversion attributed to an email (ARCHITECTURE.md, "Conversions"): a lead won or an order paid within the
 * workspace's window after clicking in it, the last email clicked getting it. One per lead event (a replayed event
 * writes nothing); the value is the lead's estimated value when won, the payment's amount for an order, and minus the
 * amount for a refund (`order_refunded`). `goal` is plain text in the database (no CHECK): new goals need no migration.
 */
export const emailConversions = pgTable(
  'email_conversions',
  {
    id: timeOrderedId(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    lead_id: uuid('lead_id').notNull(),
    send_id: uuid('send_id')
      .notNull()
      .references(() => emailSends.id, { onDelete: 'cascade' }),
    campaign_id: uuid('campaign_id')
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: 'cascade' }),
    /** The lead event that was the conversion (status changed to won, order paid) or the refund. */
    event_id: uuid('event_id').notNull(),
    goal: text('goal', { enum: ['lead_won', 'order_paid', 'order_refunded'] }).notNull(),
    revenue: numeric('revenue', { precision: 14, scale: 2, mode: 'number' }),
    occurred_at: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('cascade'),
    uniqueIndex('email_conversions_event_uq').on(t.event_id),
    index('email_conversions_campaign_idx').on(t.campaign_id),
    // A refund finds the conversion of its order's lead (email-conversions.ts).
    index('email_conversions_lead_idx').on(t.workspace_id, t.lead_id),
  ],
);
