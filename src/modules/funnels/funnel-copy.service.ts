import { asc, eq } from 'drizzle-orm';
import type { TAuth } from '../../platform/auth/access.js';
import { Tenant } from '../../platform/db/tenant.js';
import { funnelPages } from './funnels.tables.js';
import { createFunnel, freeSlug, getFunnel, type TFunnelPageRow, type TFunnelRow } from './funnels.service.js';

// New funnels made from others: a copy of a workspace funnel, or a built-in template (funnel-templates.service.ts).
// Pages are copied with their content and settings, unpublished, their numbers at zero; "next step" links between
// them point at the copies.

/** The parts of a page a copy keeps. */
export type TPageSeed = Pick<
  TFunnelPageRow,
  'name' | 'page_type' | 'slug' | 'html_content' | 'css_content' | 'js_content' | 'builder_document' | 'seo_title' | 'seo_description' | 'seo_image_url'
> & {
  /** A member page (absent: not one). */
  members_only?: boolean;
  /** Index in the seeds of the page "next step" goes to, or null for the next in order. */
  next_index: number | null;
};

/** The parts of a stored page a copy keeps. */
export function seedOf(p: typeof funnelPages.$inferSelect): Omit<TPageSeed, 'next_index'> {
  return {
    name: p.name,
    page_type: p.page_type,
    slug: p.slug,
    html_content: p.html_content,
    css_content: p.css_content,
    js_content: p.js_content,
    builder_document: p.builder_document,
    seo_title: p.seo_title,
    seo_description: p.seo_description,
    seo_image_url: p.seo_image_url,
    members_only: p.members_only,
  };
}

/** Inserts the pages in order (positions 0..n-1) and links their next steps. */
export async function insertPageSeeds(tenant: Tenant, funnelId: string, seeds: TPageSeed[]): Promise<void> {
  const ids: string[] = [];
  for (const [position, seed] of seeds.entries()) {
    const { next_index: _next, ...fields } = seed;
    ids.push((await tenant.insert(funnelPages, { ...fields, funnel_id: funnelId, position })).id);
  }
  for (const [index, seed] of seeds.entries()) {
    if (seed.next_index !== null && ids[seed.next_index]) await tenant.update(funnelPages, ids[index]!, { next_page_id: ids[seed.next_index] }, 'Page');
  }
}

/** A copy of a funnel and its pages, unpublished and not a template, named "<name> (copie)" unless a name is given. */
export async function duplicateFunnel(tenant: Tenant, actor: TAuth, id: string, name: string | undefined): Promise<TFunnelRow> {
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    const source = await getFunnel(scoped, id);
    const pages = await scoped.db
      .select()
      .from(funnelPages)
      .where(scoped.where(funnelPages, eq(funnelPages.funnel_id, id)))
      .orderBy(asc(funnelPages.position));
    const copyName = (name ?? `${source.name} (${source.language === 'fr' ? 'copie' : 'copy'})`).slice(0, 120);
    const copy = await createFunnel(scoped, actor, {
      name: copyName,
      description: source.description,
      funnel_type: source.funnel_type,
      slug: await freeSlug(scoped, source.slug),
      language: source.language,
      double_optin: source.double_optin,
    });
    const indexOf = new Map(pages.map((p, i) => [p.id, i]));
    await insertPageSeeds(
      scoped,
      copy.id,
      pages.map((p) => ({ ...seedOf(p), next_index: p.next_page_id ? (indexOf.get(p.next_page_id) ?? null) : null })),
    );
    return copy;
  });
}
