import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { TFunnelLanguage, TFunnelPageType } from '../../../contracts/funnels.js';
import { funnelPages, funnels } from '../funnels.tables.js';
import type { TPublishedForm } from './page-forms.js';
import { CHECKOUT_SCRIPT_PATH, pageUrl } from './public-paths.js';

// The public server's reads of published pages: by address, by id (forms, next-step links, scripts). Only a published
// page of a published funnel is live; anything else is the public 404. These reads cross workspaces on purpose: an
// address names a page of the whole instance.

export type TLivePage = {
  id: string;
  workspaceId: string;
  funnelId: string;
  funnelSlug: string;
  /** The workspace's domain the funnel answers on (pages there are at /<page slug>), if any. */
  domainId: string | null;
  slug: string;
  pageType: TFunnelPageType;
  position: number;
  language: TFunnelLanguage;
  /** The funnel's name and whether its sign-ups confirm by mail (double opt-in). */
  funnelName: string;
  doubleOptin: boolean;
  nextPageId: string | null;
  html: string;
  js: string | null;
  etag: string;
  forms: TPublishedForm[];
  /** A member page: the commerce module's gate decides who opens it (member-gate.ts). */
  membersOnly: boolean;
  /** The page has our checkout blocks (order form, offer buttons): its answers allow the payment provider's script. */
  checkout: boolean;
  /** The A/B test variant this version is (ab/page-ab-serving.ts); absent for the page outside a test. */
  variantId?: string | null;
};

const columns = {
  id: funnelPages.id,
  workspaceId: funnelPages.workspace_id,
  funnelId: funnelPages.funnel_id,
  funnelSlug: funnels.slug,
  domainId: funnels.domain_id,
  slug: funnelPages.slug,
  pageType: funnelPages.page_type,
  membersOnly: funnelPages.members_only,
  position: funnelPages.position,
  language: funnels.language,
  funnelName: funnels.name,
  doubleOptin: funnels.double_optin,
  nextPageId: funnelPages.next_page_id,
  html: funnelPages.published_html,
  js: funnelPages.published_js,
  etag: funnelPages.published_etag,
  forms: funnelPages.published_forms,
};

const live = and(eq(funnels.is_active, true), eq(funnelPages.is_published, true));

function toLive(row: Record<keyof typeof columns, unknown> | undefined): TLivePage | undefined {
  if (!row || typeof row.html !== 'string' || typeof row.etag !== 'string') return undefined;
  return { ...(row as Omit<TLivePage, 'checkout'>), forms: (row.forms as TPublishedForm[] | null) ?? [], checkout: row.html.includes(CHECKOUT_SCRIPT_PATH) };
}

/** The live page at /<funnel slug>/<page slug>, or the funnel's first live page when `pageSlug` is null. */
export async function livePageByAddress(db: Db, funnelSlug: string, pageSlug: string | null): Promise<TLivePage | undefined> {
  const [row] = await db
    .select(columns)
    // eslint-disable-next-line local/tenant-scope -- a public address names a page of the whole instance
    .from(funnelPages)
    .innerJoin(funnels, eq(funnels.id, funnelPages.funnel_id))
    .where(and(live, eq(funnels.slug, funnelSlug), pageSlug === null ? undefined : eq(funnelPages.slug, pageSlug)))
    .orderBy(asc(funnelPages.position))
    .limit(1);
  return toLive(row);
}

export async function livePageById(db: Db, pageId: string): Promise<TLivePage | undefined> {
  const [row] = await db
    .select(columns)
    // eslint-disable-next-line local/tenant-scope -- the page id comes from a published page's own form or link
    .from(funnelPages)
    .innerJoin(funnels, eq(funnels.id, funnelPages.funnel_id))
    .where(and(live, eq(funnelPages.id, pageId)))
    .limit(1);
  return toLive(row);
}

/** The live page at /<page slug> (or `/` when `pageSlug` is null) of the funnel that answers on a proved domain. */
export async function livePageOnDomain(db: Db, domainId: string, pageSlug: string | null): Promise<TLivePage | undefined> {
  const [row] = await db
    .select(columns)
    // eslint-disable-next-line local/tenant-scope -- the domain (found by Host) names the funnel
    .from(funnelPages)
    .innerJoin(funnels, eq(funnels.id, funnelPages.funnel_id))
    .where(and(live, eq(funnels.domain_id, domainId), pageSlug === null ? undefined : eq(funnelPages.slug, pageSlug)))
    .orderBy(asc(funnelPages.position))
    .limit(1);
  return toLive(row);
}

/**
 * Where the page's next step goes: its chosen next page, else the next live page in order; null after the last.
 * After an accepted upsell, the downsell pages right after it are skipped (they are for the buyers who said no).
 */
export async function nextPageUrl(db: Db, publicUrl: string, page: TLivePage, options: { acceptedOffer?: boolean } = {}): Promise<string | null> {
  const chosen = page.nextPageId ? await livePageById(db, page.nextPageId) : undefined;
  if (chosen) return pageUrl(publicUrl, chosen.funnelSlug, chosen.slug);
  const later = await db
    .select({ slug: funnelPages.slug, pageType: funnelPages.page_type })
    // eslint-disable-next-line local/tenant-scope -- scoped by the funnel of a live page
    .from(funnelPages)
    .where(and(eq(funnelPages.funnel_id, page.funnelId), eq(funnelPages.is_published, true), gt(funnelPages.position, page.position)))
    .orderBy(asc(funnelPages.position))
    .limit(options.acceptedOffer ? 20 : 1);
  const skipDownsells = options.acceptedOffer && page.pageType === 'upsell';
  const next = skipDownsells ? later.find((p) => p.pageType !== 'downsell') : later[0];
  return next ? pageUrl(publicUrl, page.funnelSlug, next.slug) : null;
}
