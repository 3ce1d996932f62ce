import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { PAGE_AB_TEST_STATUSES } from '../../../contracts/funnels.js';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { workspaces } from '../../workspaces/index.js';
import { funnelPages, funnels } from '../funnels.tables.js';
import type { TPublishedForm } from '../publishing/page-forms.js';

/**
 * A page's A/B test (one per page): its state and, once decided, the variant applied. The variants, the control
 * included, are rows of funnel_page_variants (ARCHITECTURE.md, "Page A/B tests").
 */
export const funnelPageAbTests = pgTable(
  'funnel_page_ab_tests',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    funnel_id: uuid('funnel_id')
      .notNull()
      .references(() => funnels.id, { onDelete: 'cascade' }),
    page_id: uuid('page_id')
      .notNull()
      .references(() => funnelPages.id, { onDelete: 'cascade' }),
    status: text('status', { enum: PAGE_AB_TEST_STATUSES }).notNull().default('draft'),
    auto_apply: boolean('auto_apply').notNull().default(false),
    /** The numbers count events from started_at (to ended_at once ended). */
    started_at: timestamp('started_at', { withTimezone: true }),
    ended_at: timestamp('ended_at', { withTimezone: true }),
    winner_variant_id: uuid('winner_variant_id'),
    decided_by: text('decided_by', { enum: ['automatic', 'manual'] }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('funnel_page_ab_tests_page_uq').on(t.page_id),
    index('funnel_page_ab_tests_workspace_idx').on(t.workspace_id),
    // The automatic decision's scan: running tests that apply their winner.
    index('funnel_page_ab_tests_auto_idx')
      .on(t.id)
      .where(sql`${t.status} = 'running' AND ${t.auto_apply}`),
  ],
);

/**
 * One variant of a tested page. The control (position 0, key A) has no content of its own: it is the page. B to E
 * hold what the builder saved and, once published, their rendered version (as funnel_pages does).
 */
export const funnelPageVariants = pgTable(
  'funnel_page_variants',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    test_id: uuid('test_id')
      .notNull()
      .references(() => funnelPageAbTests.id, { onDelete: 'cascade' }),
    page_id: uuid('page_id')
      .notNull()
      .references(() => funnelPages.id, { onDelete: 'cascade' }),
    /** 0 is the control (A); 1 to 4 are B to E, kept 1..n-1 by deletions. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    weight: integer('weight').notNull(),
    html_content: text('html_content').notNull().default(''),
    css_content: text('css_content').notNull().default(''),
    js_content: text('js_content').notNull().default(''),
    builder_document: jsonb('builder_document').$type<Record<string, unknown>>(),
    published_html: text('published_html'),
    published_js: text('published_js'),
    published_etag: text('published_etag'),
    published_forms: jsonb('published_forms').$type<TPublishedForm[]>(),
    published_at: timestamp('published_at', { withTimezone: true }),
    content_updated_at: timestamp('content_updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('funnel_page_variants_page_position_uq').on(t.page_id, t.position), index('funnel_page_variants_workspace_idx').on(t.workspace_id)],
);
