import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FUNNEL_LANGUAGES, FUNNEL_PAGE_TYPES, FUNNEL_TYPES } from '../../contracts/funnels.js';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/index.js';
import { workspaces } from '../workspaces/index.js';
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
    published_at: timestamp('published_at', { withTimezone: true }),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('funnels_slug_uq').on(t.slug), index('funnels_workspace_created_idx').on(t.workspace_id, t.created_at, t.id)],
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
