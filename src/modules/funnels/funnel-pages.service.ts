import { asc, eq, sql } from 'drizzle-orm';
import { MAX_FUNNEL_PAGES, type TFunnelPageCreateBody, type TFunnelPageUpdateBody } from '../../contracts/funnels.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { funnelPages } from './funnels.tables.js';
import { withLockedFunnel, type TFunnelPageRow } from './funnels.service.js';
import { afterCommit } from './publishing/live-page-cache.js';
import { publishPageRow } from './publishing/publish.service.js';
import { firstFreeSlug, slugify } from './slugs.js';

// A funnel's pages: added, edited (content and settings), put in order, published alone or taken down, deleted.
// Every change runs with the funnel locked, so positions stay 0..n-1 and slugs unique under concurrent edits.

/** Fields whose change makes the published version out of date. */
const CONTENT_FIELDS = [
  'html_content',
  'css_content',
  'js_content',
  'builder_document',
  'next_page_id',
  'seo_title',
  'seo_description',
  'seo_image_url',
  'name',
  'slug',
] as const;

export function listPages(tenant: Tenant, funnelId: string): Promise<TFunnelPageRow[]> {
  return tenant.db
    .select()
    .from(funnelPages)
    .where(tenant.where(funnelPages, eq(funnelPages.funnel_id, funnelId)))
    .orderBy(asc(funnelPages.position));
}

export async function getPage(tenant: Tenant, funnelId: string, pageId: string): Promise<TFunnelPageRow> {
  const page = await tenant.get(funnelPages, pageId, 'Page');
  if (page.funnel_id !== funnelId) throw new AppError('not_found', 'Page not found');
  return page;
}

export async function createPage(tenant: Tenant, funnelId: string, body: TFunnelPageCreateBody): Promise<TFunnelPageRow> {
  return withLockedFunnel(tenant, funnelId, async (scoped) => {
    const pages = await listPages(scoped, funnelId);
    if (pages.length >= MAX_FUNNEL_PAGES) {
      throw new AppError('conflict', `A funnel has at most ${MAX_FUNNEL_PAGES} pages`, { reason: 'funnel_pages_limit', params: { limit: MAX_FUNNEL_PAGES } });
    }
    const taken = new Set(pages.map((p) => p.slug));
    const slug = body.slug ?? firstFreeSlug(slugify(body.name, body.page_type.replace('_', '-')), taken);
    if (body.slug && taken.has(body.slug)) throw slugTaken();
    if (body.next_page_id) checkNextPage(pages, null, body.next_page_id);
    const position = Math.min(body.order ?? pages.length, pages.length);
    await shiftPositions(scoped, funnelId, position, 1);
    const { order: _order, ...fields } = body;
    return scoped.insert(funnelPages, { ...fields, funnel_id: funnelId, slug, position });
  });
}

/**
 * Changes a page. A change of content marks it as changed since publication; `is_published: true` renders and publishes
 * the current version (its funnel published or not: the page answers once the funnel is), false takes it down.
 */
export async function updatePage(runtime: Runtime, tenant: Tenant, funnelId: string, pageId: string, body: TFunnelPageUpdateBody): Promise<TFunnelPageRow> {
  return afterCommit(
    withLockedFunnel(tenant, funnelId, async (scoped, funnel) => {
      const pages = await listPages(scoped, funnelId);
      const current = pages.find((p) => p.id === pageId);
      if (!current) throw new AppError('not_found', 'Page not found');
      if (body.slug && body.slug !== current.slug && pages.some((p) => p.slug === body.slug)) throw slugTaken();
      if (body.next_page_id) checkNextPage(pages, pageId, body.next_page_id);
      const { is_published, ...fields } = body;
      const contentChanged = CONTENT_FIELDS.some((field) => fields[field] !== undefined);
      let row = await scoped.update(funnelPages, pageId, { ...fields, content_updated_at: contentChanged ? new Date() : undefined }, 'Page');
      if (is_published === true) row = await publishPageRow(runtime, scoped, funnel, row);
      if (is_published === false) row = await scoped.update(funnelPages, pageId, { is_published: false }, 'Page');
      return row;
    }),
  );
}

export async function deletePage(tenant: Tenant, funnelId: string, pageId: string): Promise<void> {
  await afterCommit(
    withLockedFunnel(tenant, funnelId, async (scoped) => {
      const page = await getPage(scoped, funnelId, pageId);
      await scoped.delete(funnelPages, pageId, 'Page');
      await shiftPositions(scoped, funnelId, page.position + 1, -1);
    }),
  );
}

/** Puts the pages in the given order: every page of the funnel, each once. */
export async function reorderPages(tenant: Tenant, funnelId: string, pageIds: string[]): Promise<TFunnelPageRow[]> {
  return afterCommit(
    withLockedFunnel(tenant, funnelId, async (scoped) => {
      const pages = await listPages(scoped, funnelId);
      const known = new Set(pages.map((p) => p.id));
      if (new Set(pageIds).size !== pageIds.length || pageIds.length !== pages.length || !pageIds.every((id) => known.has(id))) {
        throw new AppError('bad_request', 'page_ids must list every page of the funnel once', {
          errors: [{ path: 'body.page_ids', message: 'every page of the funnel, once each', code: 'page_ids' }],
        });
      }
      const cases = pageIds.map((id, index) => sql`WHEN ${id}::uuid THEN ${index}::int`);
      await scoped.db.execute(sql`
      UPDATE ${funnelPages} SET position = CASE id ${sql.join(cases, sql` `)} END, updated_at = now()
      WHERE workspace_id = ${scoped.workspaceId}::uuid AND funnel_id = ${funnelId}::uuid`);
      return listPages(scoped, funnelId);
    }),
  );
}

/** Moves the pages at `from` and after by `delta` places. */
async function shiftPositions(tenant: Tenant, funnelId: string, from: number, delta: number): Promise<void> {
  await tenant.db.execute(sql`
    UPDATE ${funnelPages} SET position = position + ${delta}::int
    WHERE workspace_id = ${tenant.workspaceId}::uuid AND funnel_id = ${funnelId}::uuid AND position >= ${from}::int`);
}

function checkNextPage(pages: { id: string }[], selfId: string | null, nextId: string): void {
  if (nextId === selfId || !pages.some((p) => p.id === nextId)) {
    throw new AppError('bad_request', 'The next step must be another page of this funnel', {
      errors: [{ path: 'body.next_page_id', message: 'another page of this funnel', code: 'next_page' }],
    });
  }
}

function slugTaken(): AppError {
  return new AppError('conflict', 'Another page of this funnel has this address', { reason: 'page_slug_taken' });
}
