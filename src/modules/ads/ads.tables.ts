import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AD_CAMPAIGN_STATUSES,
  AD_CONNECTION_STATUSES,
  AD_CONVERSION_KINDS,
  AD_DAY_SOURCES,
  AD_NETWORKS,
  AD_PLATFORMS,
  AD_UPLOAD_STATUSES,
  type TTargetAudience,
} from '../../contracts/ads.js';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/tables.js';
import { leads } from '../crm/tables.js';
import { workspaces } from '../workspaces/tables.js';

/**
 * An account on an ad network connected with OAuth (ARCHITECTURE.md, "Ads connectors"). Its tokens are sealed with
 * the SecretBox for the context `<workspace>:ads:<connection id>`; the sync job reads them, refreshes them before
 * they expire and writes what the platform answered (`last_error`, `rate_limited_until`) for the settings screen.
 */
export const adConnections = pgTable(
  'ad_connections',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    network: text('network', { enum: AD_NETWORKS }).notNull(),
    account_id: text('account_id').notNull(),
    account_name: text('account_name'),
    /** `{access_token, refresh_token?}` as JSON, sealed. */
    sealed_tokens: text('sealed_tokens').notNull(),
    token_expires_at: timestamp('token_expires_at', { withTimezone: true }),
    status: text('status', { enum: AD_CONNECTION_STATUSES }).notNull().default('active'),
    last_sync_at: timestamp('last_sync_at', { withTimezone: true }),
    last_error: text('last_error'),
    rate_limited_until: timestamp('rate_limited_until', { withTimezone: true }),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('ad_connections_workspace_id_uq').on(t.workspace_id, t.id),
    uniqueIndex('ad_connections_account_uq').on(t.workspace_id, t.network, t.account_id),
  ],
);

/**
 * A campaign (spec "AdCampaign"). Its figures are `ad_campaign_days`; totals and ratios are computed from them on
 * read, never stored, so a restated day changes them at once. `utm_campaign` (and `utm_source` when set) ties leads
 * and orders to it.
 */
export const adCampaigns = pgTable(
  'ad_campaigns',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    platform: text('platform', { enum: AD_PLATFORMS }).notNull(),
    status: text('status', { enum: AD_CAMPAIGN_STATUSES }).notNull().default('draft'),
    ad_copy: text('ad_copy'),
    headline: text('headline'),
    image_url: text('image_url'),
    video_url: text('video_url'),
    target_audience: jsonb('target_audience').$type<TTargetAudience>().notNull(),
    daily_budget: numeric('daily_budget', { precision: 14, scale: 2, mode: 'number' }),
    total_budget: numeric('total_budget', { precision: 14, scale: 2, mode: 'number' }),
    currency: char('currency', { length: 3 }).notNull().default('EUR'),
    start_date: date('start_date', { mode: 'string' }),
    end_date: date('end_date', { mode: 'string' }),
    platform_campaign_id: text('platform_campaign_id'),
    utm_campaign: text('utm_campaign'),
    utm_source: text('utm_source'),
    /** The connection that syncs it; removing the connection keeps the campaign and its days. */
    connection_id: uuid('connection_id'),
    cpa_alert_rise: real('cpa_alert_rise').notNull().default(0.3),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('ad_campaigns_workspace_id_uq').on(t.workspace_id, t.id),
    // The migration writes ON DELETE SET NULL ("connection_id") (PostgreSQL 15+ column list), which drizzle cannot
    // express: removing the connection empties connection_id only.
    foreignKey({ columns: [t.workspace_id, t.connection_id], foreignColumns: [adConnections.workspace_id, adConnections.id] }).onDelete('set null'),
    index('ad_campaigns_workspace_created_idx').on(t.workspace_id, t.created_at, t.id),
    // Report rows and connector data find their campaign by the platform's id.
    uniqueIndex('ad_campaigns_platform_id_uq').on(t.workspace_id, t.platform, t.platform_campaign_id),
    index('ad_campaigns_utm_idx').on(t.workspace_id, t.utm_campaign),
    check('ad_campaigns_name_length', sql`char_length(${t.name}) BETWEEN 1 AND 200`),
    check('ad_campaigns_budgets', sql`(${t.daily_budget} IS NULL OR ${t.daily_budget} >= 0) AND (${t.total_budget} IS NULL OR ${t.total_budget} >= 0)`),
    check('ad_campaigns_dates', sql`${t.start_date} IS NULL OR ${t.end_date} IS NULL OR ${t.end_date} >= ${t.start_date}`),
    check('ad_campaigns_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * One campaign's figures for one day, as the platform reports them (or as typed in). A day is replaced whole by a
 * manual entry, a re-imported report or a sync (platforms restate recent days), so imports and syncs are idempotent.
 */
export const adCampaignDays = pgTable(
  'ad_campaign_days',
  {
    workspace_id: workspaceId(),
    campaign_id: uuid('campaign_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    impressions: bigint('impressions', { mode: 'number' }).notNull().default(0),
    clicks: bigint('clicks', { mode: 'number' }).notNull().default(0),
    spend: numeric('spend', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    conversions: numeric('conversions', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    conversion_value: numeric('conversion_value', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    source: text('source', { enum: AD_DAY_SOURCES }).notNull(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaign_id, t.date] }),
    foreignKey({ columns: [t.workspace_id, t.campaign_id], foreignColumns: [adCampaigns.workspace_id, adCampaigns.id] }).onDelete('cascade'),
    // The dashboard and /stats read a workspace's days by date.
    index('ad_campaign_days_workspace_date_idx').on(t.workspace_id, t.date),
    check(
      'ad_campaign_days_non_negative',
      sql`${t.impressions} >= 0 AND ${t.clicks} >= 0 AND ${t.spend} >= 0 AND ${t.conversions} >= 0 AND ${t.conversion_value} >= 0`,
    ),
  ],
);

/** A report file imported (its outcome and per-row errors, as the CRM import keeps them). */
export const adReportImports = pgTable(
  'ad_report_imports',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    file_name: text('file_name').notNull(),
    network: text('network', { enum: AD_NETWORKS }).notNull(),
    language: text('language', { enum: ['fr', 'en'] }).notNull(),
    rows: integer('rows').notNull(),
    days_written: integer('days_written').notNull(),
    campaigns_matched: integer('campaigns_matched').notNull(),
    campaigns_created: integer('campaigns_created').notNull(),
    /** At most 500 `{row, reason, message}`. */
    errors: jsonb('errors').$type<{ row: number; reason: string; message: string }[]>().notNull().default([]),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ad_report_imports_workspace_created_idx').on(t.workspace_id, t.created_at)],
);

/**
 * A won deal or a paid order sent back to a platform as an offline conversion (closed loop), or skipped (no consent,
 * nothing to match on). Unique per (campaign, kind, lead/order): a conversion goes out once.
 */
export const adConversionUploads = pgTable(
  'ad_conversion_uploads',
  {
    id: id(),
    workspace_id: workspaceId(),
    campaign_id: uuid('campaign_id').notNull(),
    network: text('network', { enum: AD_NETWORKS }).notNull(),
    kind: text('kind', { enum: AD_CONVERSION_KINDS }).notNull(),
    /**
     * The lead won, or the order's buyer (a lead of the same workspace, foreign key below). Erasing the lead erases its
     * lines, hashed e-mail included; a line skipped because the lead was already erased has none.
     */
    lead_id: uuid('lead_id'),
    order_id: uuid('order_id'),
    /** What identifies the conversion: `lead:<id>` or `order:<id>` (the uniqueness below). */
    source_key: text('source_key').notNull(),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }),
    currency: char('currency', { length: 3 }),
    status: text('status', { enum: AD_UPLOAD_STATUSES }).notNull(),
    detail: text('detail'),
    /** The payload as sent (identifiers already hashed), for support. */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    attempts: integer('attempts').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    foreignKey({ columns: [t.workspace_id, t.campaign_id], foreignColumns: [adCampaigns.workspace_id, adCampaigns.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('cascade'),
    uniqueIndex('ad_conversion_uploads_once_uq').on(t.workspace_id, t.campaign_id, t.kind, t.source_key),
    index('ad_conversion_uploads_workspace_created_idx').on(t.workspace_id, t.created_at),
  ],
);
