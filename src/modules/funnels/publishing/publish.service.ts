import { eq } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { funnelPages, funnels } from '../funnels.tables.js';
import { withLockedFunnel, type TFunnelPageRow, type TFunnelRow } from '../funnels.service.js';
import { afterCommit } from './live-page-cache.js';
import { pageUrl } from './public-paths.js';
import { renderPage, type TRenderInput } from './render-page.js';
import { publishPageVariants } from '../ab/page-ab-publish.js';

// Publishing renders each page once to static HTML (render-page.ts) and marks the funnel active: the public server then
// sends what was rendered, until the next publication. Unpublishing only turns the funnel off (its pages keep their
// rendered version for the next publication of an unchanged page).

/** What a page is rendered from: its content with the funnel's language and its own title, SEO and address. */
export function pageRenderInput(runtime: Runtime, funnel: TFunnelRow, page: TFunnelPageRow): TRenderInput {
  return {
    pageId: page.id,
    language: funnel.language,
    title: page.seo_title?.trim() || page.name,
    description: page.seo_description,
    imageUrl: page.seo_image_url,
    html: page.html_content,
    css: page.css_content,
    js: page.js_content,
    url: pageUrl(runtime.config.publicUrl, funnel.slug, page.slug),
  };
}

/** Renders one page and stores the result as its published version. */
export async function publishPageRow(runtime: Runtime, tenant: Tenant, funnel: TFunnelRow, page: TFunnelPageRow): Promise<TFunnelPageRow> {
  const input = pageRenderInput(runtime, funnel, page);
  const rendered = renderPage(input);
  // The page's A/B test variants go live with it: each its own content with the page's settings (ab/page-ab-publish.ts).
  await publishPageVariants(tenant, page.id, input);
  const now = new Date();
  return tenant.update(
    funnelPages,
    page.id,
    {
      is_published: true,
      published_html: rendered.html,
      published_js: rendered.js,
      published_etag: rendered.etag,
      published_forms: rendered.forms,
      published_at: now,
      // The published version is the current one: content_updated_at no later than published_at.
      content_updated_at: page.content_updated_at > now ? now : page.content_updated_at,
    },
    'Page',
  );
}

/** Publishes the funnel's pages as they are now (except pages taken down on purpose), and the funnel. */
export async function publishFunnel(runtime: Runtime, tenant: Tenant, id: string): Promise<TFunnelRow> {
  return afterCommit(
    withLockedFunnel(tenant, id, async (scoped, funnel) => {
      const pages = await scoped.db
        .select()
        .from(funnelPages)
        .where(scoped.where(funnelPages, eq(funnelPages.funnel_id, id)));
      if (pages.length === 0) throw new AppError('conflict', 'Add a page before publishing the funnel', { reason: 'funnel_empty' });
      // A page taken down on purpose (published once, then is_published false) stays down; every other page goes live.
      for (const page of pages) if (page.is_published || page.published_at === null) await publishPageRow(runtime, scoped, funnel, page);
      return scoped.update(funnels, id, { is_active: true, published_at: new Date() }, 'Funnel');
    }),
  );
}

export async function unpublishFunnel(tenant: Tenant, id: string): Promise<TFunnelRow> {
  return afterCommit(tenant.update(funnels, id, { is_active: false }, 'Funnel'));
}
