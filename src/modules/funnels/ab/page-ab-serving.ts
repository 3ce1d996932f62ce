import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { SecretBox } from '../../../platform/crypto/secret-box.js';
import type { Db } from '../../../platform/db/database.js';
import type { TCachedPage } from '../publishing/live-page-cache.js';
import { onForgetLivePages } from '../publishing/live-page-cache.js';
import type { TPublishedForm } from '../publishing/page-forms.js';
import { CHECKOUT_SCRIPT_PATH } from '../publishing/public-paths.js';
import { funnelPageAbTests, funnelPageVariants } from './page-ab.tables.js';
import { abVisitor, bucketOf, pickByWeight } from './variant-assignment.js';

// The public server's side of page A/B tests: the published variants of a page, kept in memory like the live pages
// (5 s, emptied by any change made in this process), the variant a visitor sees, and a variant's forms, next-step
// link and script. A page without a running test costs one cached lookup.

const TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

type TVariantVersion = { id: string; weight: number; isControl: boolean; html: string | null; js: string | null; etag: string | null; forms: TPublishedForm[] };
type TPageVariants = { running: boolean; variants: TVariantVersion[]; entries: Map<string, { base: TCachedPage; entry: TCachedPage }> };
type TSlot = { value: TPageVariants; until: number };

const byPage = new Map<string, TSlot>();
onForgetLivePages(() => byPage.clear());

async function readVariants(db: Db, pageId: string): Promise<TPageVariants> {
  const rows = await db
    .select({
      id: funnelPageVariants.id,
      weight: funnelPageVariants.weight,
      position: funnelPageVariants.position,
      html: funnelPageVariants.published_html,
      js: funnelPageVariants.published_js,
      etag: funnelPageVariants.published_etag,
      forms: funnelPageVariants.published_forms,
      status: funnelPageAbTests.status,
    })
    // eslint-disable-next-line local/tenant-scope -- the page id comes from a live page of the public server
    .from(funnelPageVariants)
    .innerJoin(funnelPageAbTests, eq(funnelPageAbTests.id, funnelPageVariants.test_id))
    .where(eq(funnelPageVariants.page_id, pageId))
    .orderBy(asc(funnelPageVariants.position));
  const variants = rows.map((r) => ({ id: r.id, weight: r.weight, isControl: r.position === 0, html: r.html, js: r.js, etag: r.etag, forms: r.forms ?? [] }));
  // A variant is served once rendered (the test's start renders them all); the control is the page.
  const servable = variants.filter((v) => v.isControl || (v.html !== null && v.etag !== null));
  return { running: rows[0]?.status === 'running' && servable.length >= 2, variants, entries: new Map() };
}

/** A page's variants when cached and fresh, or undefined. */
function freshVariants(pageId: string): TPageVariants | undefined {
  const slot = byPage.get(pageId);
  return slot && slot.until > Date.now() ? slot.value : undefined;
}

async function pageVariants(db: Db, pageId: string): Promise<TPageVariants> {
  const cached = freshVariants(pageId);
  if (cached) return cached;
  const value = await readVariants(db, pageId);
  if (byPage.size >= MAX_ENTRIES) byPage.clear();
  byPage.set(pageId, { value, until: Date.now() + TTL_MS });
  return value;
}

/**
 * The page as variant `variant` (the control: the page's own version, tagged with the control's id), made once per
 * cached version of both: the control shares the page's bodies (compressed once), a variant has its own.
 */
function entryOf(state: TPageVariants, base: TCachedPage, variant: TVariantVersion): TCachedPage {
  const made = state.entries.get(variant.id);
  if (made?.base === base) return made.entry;
  const entry: TCachedPage = variant.isControl
    ? { page: { ...base.page, variantId: variant.id }, bodies: base.bodies }
    : {
        page: {
          ...base.page,
          variantId: variant.id,
          html: variant.html!,
          js: variant.js,
          etag: variant.etag!,
          forms: variant.forms,
          checkout: variant.html!.includes(CHECKOUT_SCRIPT_PATH),
        },
        bodies: { raw: Buffer.from(variant.html!) },
      };
  state.entries.set(variant.id, { base, entry });
  return entry;
}

/** What a visitor of a live page is sent: the page, or during a running test the variant they stick to. */
export async function servedEntry(db: Db, secrets: SecretBox, base: TCachedPage, visit: { ip: string; userAgent: string }): Promise<TCachedPage> {
  return entryServed(await pageVariants(db, base.page.id), secrets, base, visit);
}

/** servedEntry from the cache alone, for the fast path: undefined when the page's variants are not cached and fresh. */
export function servedEntryNow(secrets: SecretBox, base: TCachedPage, visit: { ip: string; userAgent: string }): TCachedPage | undefined {
  const state = freshVariants(base.page.id);
  return state && entryServed(state, secrets, base, visit);
}

function entryServed(state: TPageVariants, secrets: SecretBox, base: TCachedPage, visit: { ip: string; userAgent: string }): TCachedPage {
  if (!state.running) return base;
  const servable = state.variants.filter((v) => v.isControl || v.html !== null);
  const variant = pickByWeight(servable, bucketOf(base.page.id, abVisitor(secrets, visit.ip, visit.userAgent)));
  return entryOf(state, base, variant);
}

/**
 * The page as the variant named by a form's action or a next-step link (`?v=`), running or not (a visitor may send
 * a variant's form after the test's end); the page itself for no variant or one that no longer exists (pages
 * published before the tests, a deleted test).
 */
export async function entryForVariant(db: Db, base: TCachedPage | undefined, variantId: string | undefined): Promise<TCachedPage | undefined> {
  if (!base || !variantId) return base;
  return variantEntry(await pageVariants(db, base.page.id), base, variantId);
}

/** entryForVariant from the cache alone, for the fast path: undefined when the page's variants are not cached and fresh. */
export function entryForVariantNow(base: TCachedPage, variantId: string | undefined): TCachedPage | undefined {
  if (!variantId) return base;
  const state = freshVariants(base.page.id);
  return state && variantEntry(state, base, variantId);
}

function variantEntry(state: TPageVariants, base: TCachedPage, variantId: string): TCachedPage {
  const variant = state.variants.find((v) => v.id === variantId);
  if (!variant || (!variant.isControl && variant.html === null)) return base;
  return entryOf(state, base, variant);
}

/** A variant's own JavaScript, by the file name its page gives it (`<hash>.js`), or null. */
export async function variantScript(db: Db, pageId: string, file: string): Promise<string | null> {
  const state = await pageVariants(db, pageId);
  return state.variants.find((v) => v.js && `${createHash('sha256').update(v.js).digest('hex').slice(0, 16)}.js` === file)?.js ?? null;
}
