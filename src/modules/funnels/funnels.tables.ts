import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FUNNEL_LANGUAGES, FUNNEL_PAGE_TYPES, FUNNEL_TYPES } from '../../contracts/funnels.js';
import { id, timeOrderedId, timestamps, workspaceId } from '../../platform/db/columns.js';
import { sql } from 'drizzle-orm';
import { users } from '../accounts/index.js';
import { leads } from '../crm/tables.js';
import { workspaceDomains, workspaces } from '../workspaces/index.js';
import type { TPublishedForm } from './publishing/page-forms.js';

/**
 * A sales funnel (spec "Funnel"): pages in order, published together on the public server at
 * PUBLIC_URL/<slug>/<page slug>. Its totals are counters kept by the event ingestion (ARCHITECTURE.md, "Funnels").
 */
export const funnels = pgTable(
  'funnels',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    funnel_type: text('funnel_type', { enum: FUNNEL_TYPES }).notNull(),
    /** The first segment of the public address: unique in the whole instance (the public server is shared). */
    slug: text('slug').notNull(),
    language: text('language', { enum: FUNNEL_LANGUAGES }).notNull().default('fr'),
    is_active: boolean('is_active').notNull().default(false),
    is_template: boolean('is_template').notNull().default(false),
    double_optin: boolean('double_optin').notNull().default(false),
    total_visitors: integer('total_visitors').notNull().default(0),
    total_leads: integer('total_leads').notNull().default(0),
    total_sales: integer('total_sales').notNull().default(0),
    total_revenue: bigint('total_revenue', { mode: 'number' }).notNull().default(0),
    /** The built-in template it was made from, if any. */
    template_id: text('template_id'),
    /** The workspace's own domain this funnel answers on at `/` and `/<page slug>` (one funnel per domain). */
    domain_id: uuid('domain_id').references(() => workspaceDomains.id, { onDelete: 'set null' }),
    published_at: timestamp('published_at', { withTimezone: true }),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('funnels_slug_uq').on(t.slug),
    index('funnels_workspace_created_idx').on(t.workspace_id, t.created_at, t.id),
    uniqueIndex('funnels_domain_uq')
      .on(t.domain_id)
      .where(sql`${t.domain_id} IS NOT NULL`),
  ],
);

/**
 * One page of a funnel (spec "FunnelPage"): what the builder saved (document, HTML, CSS, JS) and, once published, the
 * static HTML rendered from it then (`published_html`, with its ETag and the forms found in it), which is what the
 * public server sends until the next publication.
 */
export const funnelPages = pgTable(
  'funnel_pages',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    funnel_id: uuid('funnel_id')
      .notNull()
      .references(() => funnels.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    page_type: text('page_type', { enum: FUNNEL_PAGE_TYPES }).notNull(),
    slug: text('slug').notNull(),
    /** 0-based place in the funnel (the wire's `order`). */
    position: integer('position').notNull(),
    html_content: text('html_content').notNull().default(''),
    css_content: text('css_content').notNull().default(''),
    js_content: text('js_content').notNull().default(''),
    builder_document: jsonb('builder_document').$type<Record<string, unknown>>(),
    /** null: the next page in order. */
    next_page_id: uuid('next_page_id'),
    seo_title: text('seo_title'),
    seo_description: text('seo_description'),
    seo_image_url: text('seo_image_url'),
    is_published: boolean('is_published').notNull().default(false),
    /** A member page: only the buyers of the funnel open it, signed in by an e-mailed link (commerce's membership). */
    members_only: boolean('members_only').notNull().default(false),
    published_html: text('published_html'),
    published_js: text('published_js'),
    published_etag: text('published_etag'),
    published_forms: jsonb('published_forms').$type<TPublishedForm[]>(),
    published_at: timestamp('published_at', { withTimezone: true }),
    /** When the content last changed (HTML, CSS, JS, SEO, next step): later than published_at means unpublished changes. */
    content_updated_at: timestamp('content_updated_at', { withTimezone: true }).notNull().defaultNow(),
    visitors: integer('visitors').notNull().default(0),
    conversions: integer('conversions').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('funnel_pages_funnel_slug_uq').on(t.funnel_id, t.slug),
    index('funnel_pages_workspace_funnel_idx').on(t.workspace_id, t.funnel_id, t.position),
    foreignKey({ columns: [t.next_page_id], foreignColumns: [t.id], name: 'funnel_pages_next_page_fk' }).onDelete('set null'),
  ],
);

export const FUNNEL_EVENT_KINDS = ['view', 'optin', 'click', 'purchase'] as const;
export type TFunnelEventKind = (typeof FUNNEL_EVENT_KINDS)[number];

/**
 * What visitors did on published pages (high volume: the module's own table, never the lead's events): a page view,
 * an opt-in, a click on a next-step link, a purchase (part 2). `visitor_id` is the day's salted hash of address and
 * browser (no cookie; ARCHITECTURE.md, "Funnels"). Written in batches by the ingestion buffer (opt-ins with their lead).
 */
export const funnelEvents = pgTable(
  'funnel_events',
  {
    id: timeOrderedId(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    funnel_id: uuid('funnel_id')
      .notNull()
      .references(() => funnels.id, { onDelete: 'cascade' }),
    page_id: uuid('page_id').references(() => funnelPages.id, { onDelete: 'set null' }),
    variant_id: uuid('variant_id'),
    kind: text('kind', { enum: FUNNEL_EVENT_KINDS }).notNull(),
    visitor_id: text('visitor_id').notNull(),
    lead_id: uuid('lead_id'),
    utm_source: text('utm_source'),
    utm_medium: text('utm_medium'),
    utm_campaign: text('utm_campaign'),
    referrer_host: text('referrer_host'),
    occurred_at: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funnel_events_funnel_time_idx').on(t.funnel_id, t.occurred_at),
    index('funnel_events_workspace_idx').on(t.workspace_id),
    // An opt-in's lead, of the same workspace; erasing or deleting the lead deletes its events (the counters keep them).
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('cascade'),
    index('funnel_events_lead_idx')
      .on(t.workspace_id, t.lead_id)
      .where(sql`${t.lead_id} IS NOT NULL`),
    // A page A/B test's numbers: the events of its variants since its start (ab/page-ab-results.ts).
    index('funnel_events_variant_idx')
      .on(t.variant_id, t.occurred_at)
      .where(sql`${t.variant_id} IS NOT NULL`),
  ],
);

/**
 * First times: a visitor's first view of a page or of the funnel, their first conversion on a page, a lead's first
 * opt-in on the funnel. An event whose row is new here moves the matching counter, so counters count people, not
 * requests, and stay consistent with the events (`scope_id` is a page's or the funnel's id).
 */
export const funnelFirsts = pgTable(
  'funnel_firsts',
  {
    scope_id: uuid('scope_id').notNull(),
    kind: text('kind', { enum: ['page_view', 'page_conversion', 'funnel_visitor', 'funnel_lead'] }).notNull(),
    subject: text('subject').notNull(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    first_at: timestamp('first_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope_id, t.kind, t.subject] }), index('funnel_firsts_workspace_idx').on(t.workspace_id)],
);
