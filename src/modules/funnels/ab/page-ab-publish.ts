import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { renderPage, type TRenderInput } from '../publishing/render-page.js';
import { funnelPageAbTests, funnelPageVariants } from './page-ab.tables.js';

// A page's A/B test variants are published with the page (publish.service.ts calls this for every page it renders)
// and at the test's start: each is rendered like the page, from its own HTML, CSS and JS with the page's title, SEO
// and address, its forms and next-step link naming the variant (`?v=`). An ended test's variants are left as they are.

/** Renders the variants B to E of the page's test (not ended) with the page's render input; `input` is the page's. */
export async function publishPageVariants(tenant: Tenant, pageId: string, input: TRenderInput): Promise<void> {
  const rows = await tenant.db
    .select({ variant: funnelPageVariants })
    .from(funnelPageVariants)
    .innerJoin(funnelPageAbTests, eq(funnelPageAbTests.id, funnelPageVariants.test_id))
    .where(tenant.where(funnelPageVariants, eq(funnelPageVariants.page_id, pageId), gt(funnelPageVariants.position, 0), ne(funnelPageAbTests.status, 'ended')))
    .orderBy(asc(funnelPageVariants.position));
  const now = new Date();
  for (const { variant } of rows) {
    const rendered = renderPage({ ...input, variantId: variant.id, html: variant.html_content, css: variant.css_content, js: variant.js_content });
    await tenant.db
      .update(funnelPageVariants)
      .set({
        published_html: rendered.html,
        published_js: rendered.js,
        published_etag: rendered.etag,
        published_forms: rendered.forms,
        published_at: now,
        content_updated_at: variant.content_updated_at > now ? now : variant.content_updated_at,
      })
      .where(and(tenant.byId(funnelPageVariants, variant.id)));
  }
}
