import { and, asc, eq, isNull, max } from 'drizzle-orm';
import {
  MAX_PAGE_VARIANTS,
  MIN_PAGE_VARIANTS,
  PAGE_VARIANT_KEYS,
  type TPageAbTest,
  type TPageAbTestState,
  type TPageVariant,
  type TPageVariantCreateBody,
  type TPageVariantSummary,
  type TPageVariantUpdateBody,
} from '../../../contracts/funnels.js';
import { iso } from '../../../contracts/common.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { getPage } from '../funnel-pages.service.js';
import { withLockedFunnel, type TFunnelPageRow, type TFunnelRow } from '../funnels.service.js';
import { funnelPages } from '../funnels.tables.js';
import { afterCommit } from '../publishing/live-page-cache.js';
import { pageRenderInput, publishPageRow } from '../publishing/publish.service.js';
import { publishPageVariants } from './page-ab-publish.js';
import { abTestResults, type TAbTestRow, type TVariantRow } from './page-ab-results.js';
import { funnelPageAbTests, funnelPageVariants } from './page-ab.tables.js';

// A page's A/B test (ARCHITECTURE.md, "Page A/B tests"): variants made as copies of the page, edited in the builder,
// started (rendered and served), stopped, and decided: the winner's content becomes the page's and the page is
// published again. Every change runs with the funnel locked (as page edits and publications do), so two decisions
// never both apply, and a test never changes under a publication.

const DEFAULT_WEIGHT = 50;
const CONTENT_FIELDS = ['html_content', 'css_content', 'js_content', 'builder_document'] as const;

type TLoaded = { test: TAbTestRow; variants: TVariantRow[] };

async function loadTest(tenant: Tenant, pageId: string): Promise<TLoaded | null> {
  const [test] = await tenant.db
    .select()
    .from(funnelPageAbTests)
    .where(tenant.where(funnelPageAbTests, eq(funnelPageAbTests.page_id, pageId)));
  if (!test) return null;
  const variants = await tenant.db
    .select()
    .from(funnelPageVariants)
    .where(tenant.where(funnelPageVariants, eq(funnelPageVariants.test_id, test.id)))
    .orderBy(asc(funnelPageVariants.position));
  return { test, variants };
}

function requireTest(loaded: TLoaded | null): TLoaded {
  if (!loaded) throw new AppError('not_found', 'This page has no A/B test', { reason: 'page_ab_test_missing' });
  return loaded;
}

function notWhileRunning(test: TAbTestRow): void {
  if (test.status === 'running')
    throw new AppError('conflict', 'Stop the A/B test before changing its variants or weights', { reason: 'page_ab_test_running' });
}

function variantSummary(v: TVariantRow, index: number, page: TFunnelPageRow): TPageVariantSummary {
  const control = v.position === 0;
  const publishedAt = control ? page.published_at : v.published_at;
  const updatedAt = control ? page.content_updated_at : v.content_updated_at;
  return {
    id: v.id,
    key: PAGE_VARIANT_KEYS[index]!,
    name: v.name,
    weight: v.weight,
    is_control: control,
    has_unpublished_changes: publishedAt === null || updatedAt > publishedAt,
    published_at: iso(publishedAt),
  };
}

function variantWire(v: TVariantRow, index: number, page: TFunnelPageRow): TPageVariant {
  const control = v.position === 0;
  const source = control ? page : v;
  return {
    ...variantSummary(v, index, page),
    page_id: page.id,
    funnel_id: page.funnel_id,
    html_content: source.html_content,
    css_content: source.css_content,
    js_content: source.js_content,
    builder_document: source.builder_document ?? null,
  };
}

async function testWire(tenant: Tenant, page: TFunnelPageRow, { test, variants }: TLoaded): Promise<TPageAbTest> {
  return {
    id: test.id,
    page_id: test.page_id,
    funnel_id: test.funnel_id,
    status: test.status,
    auto_apply: test.auto_apply,
    started_at: iso(test.started_at),
    ended_at: iso(test.ended_at),
    winner_variant_id: test.winner_variant_id,
    decided_by: test.decided_by,
    variants: variants.map((v, i) => variantSummary(v, i, page)),
    results: await abTestResults(tenant.db, tenant.workspaceId, test, variants),
  };
}

/** The page's test with its numbers, or null. */
export async function getAbTest(tenant: Tenant, funnelId: string, pageId: string): Promise<TPageAbTestState> {
  const page = await getPage(tenant, funnelId, pageId);
  const loaded = await loadTest(tenant, page.id);
  return { ab_test: loaded ? await testWire(tenant, page, loaded) : null };
}

/** Runs `work` with the funnel locked, on the page and its test; the public server's caches forget after the commit. */
function withTest<T>(
  tenant: Tenant,
  funnelId: string,
  pageId: string,
  work: (scoped: Tenant, page: TFunnelPageRow, loaded: TLoaded | null, funnel: TFunnelRow) => Promise<T>,
): Promise<T> {
  return afterCommit(
    withLockedFunnel(tenant, funnelId, async (scoped, funnel) => {
      const page = await getPage(scoped, funnelId, pageId);
      return work(scoped, page, await loadTest(scoped, page.id), funnel);
    }),
  );
}

async function stateOf(tenant: Tenant, page: TFunnelPageRow): Promise<TPageAbTestState> {
  const loaded = await loadTest(tenant, page.id);
  return { ab_test: loaded ? await testWire(tenant, page, loaded) : null };
}

/** A new variant, a copy of the page's current content; the first one creates the test (draft) with its control. */
export async function createVariant(tenant: Tenant, funnelId: string, pageId: string, body: TPageVariantCreateBody): Promise<TPageVariant> {
  return withTest(tenant, funnelId, pageId, async (scoped, page, loaded, funnel) => {
    const fr = funnel.language === 'fr';
    let current = loaded;
    if (!current) {
      const test = await scoped.insert(funnelPageAbTests, { funnel_id: funnelId, page_id: page.id });
      const control = await scoped.insert(funnelPageVariants, {
        test_id: test.id,
        page_id: page.id,
        position: 0,
        name: fr ? 'Originale' : 'Original',
        weight: DEFAULT_WEIGHT,
      });
      current = { test, variants: [control] };
    }
    notWhileRunning(current.test);
    if (current.variants.length >= MAX_PAGE_VARIANTS) {
      throw new AppError('conflict', `A test has at most ${MAX_PAGE_VARIANTS} variants, the page included`, {
        reason: 'page_ab_variants_limit',
        params: { limit: MAX_PAGE_VARIANTS },
      });
    }
    const [{ last } = { last: 0 }] = await scoped.db
      .select({ last: max(funnelPageVariants.position) })
      .from(funnelPageVariants)
      .where(scoped.where(funnelPageVariants, eq(funnelPageVariants.test_id, current.test.id)));
    const key = PAGE_VARIANT_KEYS[current.variants.length]!;
    const row = await scoped.insert(funnelPageVariants, {
      test_id: current.test.id,
      page_id: page.id,
      position: (last ?? 0) + 1,
      name: body.name ?? (fr ? `Variante ${key}` : `Variant ${key}`),
      weight: body.weight ?? DEFAULT_WEIGHT,
      html_content: page.html_content,
      css_content: page.css_content,
      js_content: page.js_content,
      builder_document: page.builder_document,
    });
    return variantWire(row, current.variants.length, page);
  });
}

function findVariant(loaded: TLoaded, variantId: string): { row: TVariantRow; index: number } {
  const index = loaded.variants.findIndex((v) => v.id === variantId);
  if (index < 0) throw new AppError('not_found', 'Variant not found', { reason: 'not_found' });
  return { row: loaded.variants[index]!, index };
}

/** One variant with its content (the control's is the page's). */
export async function getVariant(tenant: Tenant, funnelId: string, pageId: string, variantId: string): Promise<TPageVariant> {
  const page = await getPage(tenant, funnelId, pageId);
  const { row, index } = findVariant(requireTest(await loadTest(tenant, page.id)), variantId);
  return variantWire(row, index, page);
}

/** Name and weight of any variant; the content of B to E (the builder's autosave). Weights only while stopped. */
export async function updateVariant(tenant: Tenant, funnelId: string, pageId: string, variantId: string, body: TPageVariantUpdateBody): Promise<TPageVariant> {
  return withTest(tenant, funnelId, pageId, async (scoped, page, loaded) => {
    const current = requireTest(loaded);
    const { row, index } = findVariant(current, variantId);
    if (body.weight !== undefined && body.weight !== row.weight) notWhileRunning(current.test);
    const contentChanged = CONTENT_FIELDS.some((field) => body[field] !== undefined);
    if (contentChanged && row.position === 0) {
      throw new AppError('bad_request', 'The control is the page itself: edit the page', {
        errors: [{ path: 'body.html_content', message: 'the control is the page itself', code: 'page_ab_control_content' }],
      });
    }
    const updated = await scoped.update(funnelPageVariants, row.id, { ...body, content_updated_at: contentChanged ? new Date() : undefined }, 'Variant');
    return variantWire(updated, index, page);
  });
}

/** Deletes a variant (not the control; not while the test runs). */
export async function deleteVariant(tenant: Tenant, funnelId: string, pageId: string, variantId: string): Promise<void> {
  await withTest(tenant, funnelId, pageId, async (scoped, _page, loaded) => {
    const current = requireTest(loaded);
    const { row } = findVariant(current, variantId);
    notWhileRunning(current.test);
    if (row.position === 0) throw new AppError('conflict', 'The control is the page itself: delete the test instead', { reason: 'page_ab_control_delete' });
    await scoped.delete(funnelPageVariants, row.id, 'Variant');
  });
}

/** Deletes the test and its variants (not while it runs): the page is as it is. */
export async function deleteAbTest(tenant: Tenant, funnelId: string, pageId: string): Promise<void> {
  await withTest(tenant, funnelId, pageId, async (scoped, _page, loaded) => {
    const current = requireTest(loaded);
    notWhileRunning(current.test);
    await scoped.delete(funnelPageAbTests, current.test.id, 'A/B test');
  });
}

export async function updateAbTest(tenant: Tenant, funnelId: string, pageId: string, body: { auto_apply: boolean }): Promise<TPageAbTestState> {
  return withTest(tenant, funnelId, pageId, async (scoped, page, loaded) => {
    const current = requireTest(loaded);
    await scoped.update(funnelPageAbTests, current.test.id, { auto_apply: body.auto_apply, updated_at: new Date() }, 'A/B test');
    return stateOf(scoped, page);
  });
}

/**
 * Starts (or starts again) the test: its variants are rendered as they are now and served to visitors of the live
 * page; the numbers count from now. A previous decision is forgotten.
 */
export async function startAbTest(runtime: Runtime, tenant: Tenant, funnelId: string, pageId: string): Promise<TPageAbTestState> {
  return withTest(tenant, funnelId, pageId, async (scoped, page, loaded, funnel) => {
    const current = requireTest(loaded);
    if (current.test.status === 'running') throw new AppError('conflict', 'This A/B test is already running', { reason: 'page_ab_test_running' });
    if (current.variants.length < MIN_PAGE_VARIANTS) {
      throw new AppError('conflict', 'A test needs at least one variant besides the page', {
        reason: 'page_ab_variants_too_few',
        params: { min: MIN_PAGE_VARIANTS },
      });
    }
    await scoped.update(
      funnelPageAbTests,
      current.test.id,
      { status: 'running', started_at: new Date(), ended_at: null, winner_variant_id: null, decided_by: null, updated_at: new Date() },
      'A/B test',
    );
    await publishPageVariants(scoped, page.id, pageRenderInput(runtime, funnel, page));
    return stateOf(scoped, page);
  });
}

/** Publishes the variants' current content (the page itself is published as usual): a variant edited during the test. */
export async function publishAbVariants(runtime: Runtime, tenant: Tenant, funnelId: string, pageId: string): Promise<TPageAbTestState> {
  return withTest(tenant, funnelId, pageId, async (scoped, page, loaded, funnel) => {
    const current = requireTest(loaded);
    if (current.test.status !== 'running') throw new AppError('conflict', 'This A/B test is not running', { reason: 'page_ab_test_not_running' });
    await publishPageVariants(scoped, page.id, pageRenderInput(runtime, funnel, page));
    return stateOf(scoped, page);
  });
}

/** Stops a running test without a decision: every visitor sees the page again; the numbers stay. */
export async function stopAbTest(tenant: Tenant, funnelId: string, pageId: string): Promise<TPageAbTestState> {
  return withTest(tenant, funnelId, pageId, async (scoped, page, loaded) => {
    const current = requireTest(loaded);
    if (current.test.status !== 'running') throw new AppError('conflict', 'This A/B test is not running', { reason: 'page_ab_test_not_running' });
    await scoped.update(funnelPageAbTests, current.test.id, { status: 'ended', ended_at: new Date(), updated_at: new Date() }, 'A/B test');
    return stateOf(scoped, page);
  });
}

/**
 * Applies a variant: its content becomes the page's (the control: the page stays as it is), the test ends with it
 * as the winner, and a published page is published again at once. Once only: a second decision (a member's click
 * and the automatic check at the same moment) gets 409 `ab_test_decided`.
 */
export async function applyWinner(
  runtime: Runtime,
  tenant: Tenant,
  funnelId: string,
  pageId: string,
  variantId: string,
  by: 'manual' | 'automatic',
): Promise<TPageAbTestState> {
  return withTest(tenant, funnelId, pageId, async (scoped, page, loaded, funnel) => {
    const current = requireTest(loaded);
    if (current.test.winner_variant_id) throw new AppError('conflict', 'This A/B test has already been decided', { reason: 'page_ab_test_decided' });
    if (!current.test.started_at) throw new AppError('conflict', 'This A/B test has not started', { reason: 'page_ab_test_not_started' });
    // The automatic check decides running tests only (a member may have stopped it since the check read it).
    if (by === 'automatic' && current.test.status !== 'running')
      throw new AppError('conflict', 'This A/B test is not running', { reason: 'page_ab_test_not_running' });
    const row = current.variants.find((v) => v.id === variantId);
    if (!row) {
      throw new AppError('bad_request', 'No such variant in this test', {
        errors: [{ path: 'body.variant_id', message: 'not a variant of this test', code: 'unknown_variant' }],
      });
    }
    const now = new Date();
    // The decision first, once (the funnel lock already serializes; the condition keeps it true without it).
    const [decided] = await scoped.db
      .update(funnelPageAbTests)
      .set({ status: 'ended', ended_at: current.test.ended_at ?? now, winner_variant_id: row.id, decided_by: by, updated_at: now })
      .where(and(scoped.byId(funnelPageAbTests, current.test.id), isNull(funnelPageAbTests.winner_variant_id)))
      .returning({ id: funnelPageAbTests.id });
    if (!decided) throw new AppError('conflict', 'This A/B test has already been decided', { reason: 'page_ab_test_decided' });
    let updated = page;
    if (row.position > 0) {
      updated = await scoped.update(
        funnelPages,
        page.id,
        {
          html_content: row.html_content,
          css_content: row.css_content,
          js_content: row.js_content,
          builder_document: row.builder_document,
          content_updated_at: now,
        },
        'Page',
      );
    }
    // A variant's content goes live at once on a published page (the control's is live already).
    if (row.position > 0 && updated.is_published) updated = await publishPageRow(runtime, scoped, funnel, updated);
    return stateOf(scoped, updated);
  });
}
