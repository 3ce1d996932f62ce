import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { testDatabaseMode } from '../../../../test/test-database.js';
import type { TFunnel, TFunnelPage, TPageAbTest, TPageAbTestState, TPageVariant } from '../../../contracts/funnels.js';
import { recordFunnelEvents } from '../analytics/record-funnel-events.js';
import { decidePageAbTests } from './page-ab.jobs.js';

// Page A/B tests (ARCHITECTURE.md, "Page A/B tests"): sticky assignment without cookies, the split within tolerance,
// events and forms of a variant, the verdict, the winner applied (by a member, automatically, once), the limits and
// tenant isolation.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const PAGE_HTML = `<section><h1>MARK-A</h1>
<form data-mk="optin-form"><label>E-mail <input name="email" type="email" required></label><button>OK</button></form>
<a data-mk="next-step" href="#">Suite</a></section>`;
/** Variant B asks for a phone number too (its form has its own fields). */
const B_HTML = `<section><h1>MARK-B</h1>
<form data-mk="optin-form"><label>E-mail <input name="email" type="email" required></label>
<label>Téléphone <input name="phone" type="tel" required></label><button>OK</button></form>
<a data-mk="next-step" href="#">Suite</a></section>`;

type TSetup = { owner: SignedUp; funnel: TFunnel; page: TFunnelPage; base: string };

async function setup(): Promise<TSetup> {
  const owner = await signUp(t.app);
  const created = await owner.client.post('/api/marketing/funnels', { name: 'Test A/B', funnel_type: 'lead_magnet' });
  expect(created.statusCode, created.body).toBe(201);
  const funnel = created.json() as TFunnel;
  const page = (
    await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Inscription', page_type: 'optin', html_content: PAGE_HTML })
  ).json() as TFunnelPage;
  await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Merci', page_type: 'thank_you', html_content: '<h1>Merci</h1>' });
  const published = await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  return { owner, funnel: published.json() as TFunnel, page, base: `/api/marketing/funnels/${funnel.id}/pages/${page.id}/ab-test` };
}

async function addVariant(s: TSetup, body: Record<string, unknown> = {}, html?: string): Promise<TPageVariant> {
  const res = await s.owner.client.post(`${s.base}/variants`, body);
  expect(res.statusCode, res.body).toBe(201);
  const variant = res.json() as TPageVariant;
  if (html === undefined) return variant;
  const patched = await s.owner.client.patch(`${s.base}/variants/${variant.id}`, { html_content: html });
  expect(patched.statusCode, patched.body).toBe(200);
  return patched.json() as TPageVariant;
}

async function testOf(s: TSetup): Promise<TPageAbTest> {
  const res = await s.owner.client.get(s.base);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as TPageAbTestState).ab_test!;
}

function visit(s: TSetup, ip: string, userAgent = BROWSER) {
  return t.publicApp.inject({
    method: 'GET',
    url: `/${s.funnel.slug}/inscription`,
    remoteAddress: ip,
    headers: { 'user-agent': userAgent, accept: 'text/html' },
  });
}

/** Which variant a body is: A, B or C by the marker in its title. */
const markOf = (body: string) => /MARK-([A-E])/.exec(body)?.[1];

async function eventsOf(pageId: string) {
  await t.publicApp.flushFunnelEvents();
  const { rows } = await t.runtime.database.raw.query<{ kind: string; variant_id: string | null; lead_id: string | null }>(
    'SELECT kind, variant_id, lead_id FROM funnel_events WHERE page_id = $1 ORDER BY occurred_at',
    [pageId],
  );
  return rows;
}

describe('page A/B tests on the public server', () => {
  it('keeps each visitor on one variant, splits 2000 visitors by the weights, and tags their views', async () => {
    const s = await setup();
    const b = await addVariant(s, { name: 'Titre court', weight: 30 }, B_HTML);
    const c = await addVariant(s, { weight: 20 }, PAGE_HTML.replace('MARK-A', 'MARK-C'));
    const draft = await testOf(s);
    const control = draft.variants[0]!;
    expect(draft).toMatchObject({ status: 'draft', results: null });
    expect(draft.variants.map((v) => [v.key, v.name, v.weight, v.is_control])).toEqual([
      ['A', 'Originale', 50, true],
      ['B', 'Titre court', 30, false],
      ['C', 'Variante C', 20, false],
    ]);
    await s.owner.client.patch(`${s.base}/variants/${control.id}`, { weight: 50 });
    // A draft is not served: everyone sees the page.
    expect(markOf((await visit(s, '10.9.9.9')).body)).toBe('A');

    const started = await s.owner.client.post(`${s.base}/start`, {});
    expect(started.statusCode, started.body).toBe(200);
    expect((started.json() as TPageAbTestState).ab_test!.status).toBe('running');

    // The same address and browser: the same variant every time, with its own ETag (a 304 stays on it).
    const first = await visit(s, '10.1.2.3');
    for (let i = 0; i < 5; i++) {
      const again = await visit(s, '10.1.2.3');
      expect(again.body).toBe(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
    }

    const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
    const N = 2000;
    for (let i = 0; i < N; i++) {
      const res = await visit(s, `10.${(i >> 8) & 255}.${i & 255}.${(i * 7) % 250}`, `${BROWSER} v${i % 13}`);
      counts[markOf(res.body)!]!++;
    }
    // 50/30/20 within 4 points (a binomial's standard deviation here is at most 1.1 point).
    expect(Math.abs(counts.A! / N - 0.5)).toBeLessThan(0.04);
    expect(Math.abs(counts.B! / N - 0.3)).toBeLessThan(0.04);
    expect(Math.abs(counts.C! / N - 0.2)).toBeLessThan(0.04);

    const events = await eventsOf(s.page.id);
    const views = events.filter((e) => e.kind === 'view');
    // The draft's view has no variant; every view during the test has one (the control's included).
    expect(views[0]!.variant_id).toBeNull();
    const during = views.slice(1);
    expect(during).toHaveLength(N + 6);
    expect(new Set(during.map((e) => e.variant_id))).toEqual(new Set([control.id, b.id, c.id]));

    const test = await testOf(s);
    const results = test.results!;
    expect(results.variants.map((v) => v.key)).toEqual(['A', 'B', 'C']);
    // Unique visitors: the 2000 plus the one who came six times.
    expect(results.variants.reduce((sum, v) => sum + v.visitors, 0)).toBe(N + 1);
    expect(results.variants.find((v) => v.key === 'B')!.visitors).toBe(counts.B! + (markOf(first.body) === 'B' ? 1 : 0));
    expect(results.sample_ratio.mismatch).toBe(false);
    expect(results.variants[0]!.probability_to_beat_control).toBeNull();
    expect(results.decision).toMatchObject({ kind: 'no_clear_winner', key: 'A', variant_id: control.id });

    // Stopped: everyone sees the page again; the numbers stay.
    expect((await s.owner.client.post(`${s.base}/stop`, {})).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) expect(markOf((await visit(s, `10.200.0.${i}`)).body)).toBe('A');
    expect((await testOf(s)).results!.variants.reduce((sum, v) => sum + v.visitors, 0)).toBe(N + 1);
  });

  it("checks a variant's form against its own fields, and tags opt-ins and next-step clicks with the variant", async () => {
    const s = await setup();
    const b = await addVariant(s, {}, B_HTML);
    await s.owner.client.post(`${s.base}/start`, {});
    const control = (await testOf(s)).variants[0]!;
    // Find a visitor who gets B, and check its markup names the variant.
    let ip = '';
    for (let i = 0; i < 50 && !ip; i++) if (markOf((await visit(s, `172.16.0.${i}`)).body) === 'B') ip = `172.16.0.${i}`;
    expect(ip).not.toBe('');
    const page = (await visit(s, ip)).body;
    expect(page).toContain(`action="/p/${s.page.id}/form/0?v=${b.id}"`);
    expect(page).toContain(`href="/p/${s.page.id}/next?v=${b.id}"`);

    const post = (query: string, payload: Record<string, string>) =>
      t.publicApp.inject({
        method: 'POST',
        url: `/p/${s.page.id}/form/0${query}`,
        payload,
        remoteAddress: ip,
        headers: { 'user-agent': BROWSER, accept: 'application/json' },
      });
    const missing = await post(`?v=${b.id}`, { email: uniqueEmail('b') });
    expect(missing.statusCode).toBe(422);
    expect((missing.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['phone']);
    expect((await post(`?v=${b.id}`, { email: uniqueEmail('b'), phone: '0601020304' })).statusCode).toBe(200);
    // The page's own form (no variant: pages published before the tests) has no phone field.
    expect((await post('', { email: uniqueEmail('a') })).statusCode).toBe(200);
    // A variant that is not this page's: the page's form.
    expect((await post('?v=00000000-0000-4000-8000-000000000000', { email: uniqueEmail('x') })).statusCode).toBe(200);

    const next = await t.publicApp.inject({ method: 'GET', url: `/p/${s.page.id}/next?v=${b.id}`, remoteAddress: ip, headers: { 'user-agent': BROWSER } });
    expect(next.statusCode).toBe(302);
    expect(next.headers.location).toContain('/merci');

    const events = await eventsOf(s.page.id);
    expect(events.filter((e) => e.kind === 'optin').map((e) => e.variant_id)).toEqual([b.id, null, null]);
    expect(events.filter((e) => e.kind === 'click').map((e) => e.variant_id)).toEqual([b.id]);
    expect(events.filter((e) => e.kind === 'view').every((e) => e.variant_id === b.id || e.variant_id === control.id)).toBe(true);
    const results = (await testOf(s)).results!;
    expect(results.variants.find((v) => v.key === 'B')).toMatchObject({ visitors: 1, conversions: 1 });
  });

  it("serves a variant's own script under its page", async () => {
    const s = await setup();
    const b = await addVariant(s, {}, B_HTML);
    await s.owner.client.patch(`${s.base}/variants/${b.id}`, { js_content: 'console.log("variante b")' });
    await s.owner.client.post(`${s.base}/start`, {});
    let body = '';
    for (let i = 0; i < 50 && !body; i++) {
      const res = await visit(s, `172.17.0.${i}`);
      if (markOf(res.body) === 'B') body = res.body;
    }
    const script = /<script src="(\/p\/[^"]+\/[0-9a-f]{16}\.js)"/.exec(body)?.[1];
    expect(script).toBeDefined();
    const js = await t.publicApp.inject({ method: 'GET', url: script! });
    expect(js.statusCode).toBe(200);
    expect(js.body).toBe('console.log("variante b")');
  });
});

describe('decisions', () => {
  /** Writes `visitors` views of a variant, `conversions` of them followed by an opt-in... as the ingestion would. */
  async function simulate(s: TSetup, variantId: string, visitors: number, conversions: number) {
    const now = new Date();
    const events = Array.from({ length: visitors }, (_, i) => ({
      workspaceId: s.owner.workspaceId,
      funnelId: s.funnel.id,
      pageId: s.page.id,
      variantId,
      kind: 'view' as const,
      visitorId: `${variantId}-${i}`,
      occurredAt: now,
    }));
    const clicks = events.slice(0, conversions).map((e) => ({ ...e, kind: 'click' as const }));
    await recordFunnelEvents(t.runtime.db, [...events, ...clicks]);
  }

  it('reads a clear winner, applies it automatically once, and republishes the page with its content', async () => {
    const s = await setup();
    const b = await addVariant(s, {}, B_HTML);
    const auto = await s.owner.client.patch(s.base, { auto_apply: true });
    expect((auto.json() as TPageAbTestState).ab_test!.auto_apply).toBe(true);
    await s.owner.client.post(`${s.base}/start`, {});
    const control = (await testOf(s)).variants[0]!;
    await simulate(s, control.id, 400, 40);
    await simulate(s, b.id, 400, 90);
    const results = (await testOf(s)).results!;
    expect(results.decision).toMatchObject({ kind: 'winner', key: 'B', variant_id: b.id, reason: null });
    expect(results.variants[1]!.probability_to_beat_control).toBeGreaterThan(0.99);
    expect(results.variants[1]!.interval[0]).toBeLessThan(0.225);
    expect(results.variants[1]!.interval[1]).toBeGreaterThan(0.225);

    expect(await decidePageAbTests(t.runtime)).toBeGreaterThanOrEqual(1);
    const decided = await testOf(s);
    expect(decided).toMatchObject({ status: 'ended', winner_variant_id: b.id, decided_by: 'automatic' });
    const page = (await s.owner.client.get(`/api/marketing/funnels/${s.funnel.id}/pages/${s.page.id}`)).json() as TFunnelPage;
    expect(page.html_content).toBe(B_HTML);
    expect(page.has_unpublished_changes).toBe(false);
    // Everybody now gets B's content, as the page.
    for (let i = 0; i < 10; i++) expect(markOf((await visit(s, `192.168.3.${i}`)).body)).toBe('B');
    // A second decision is refused.
    const again = await s.owner.client.post(`${s.base}/apply-winner`, { variant_id: control.id });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: 'page_ab_test_decided' });
  });

  it('leaves a test without a clear winner running, and a member applies a variant by hand', async () => {
    const s = await setup();
    const b = await addVariant(s, {}, B_HTML);
    await s.owner.client.patch(s.base, { auto_apply: true });
    const early = await s.owner.client.post(`${s.base}/apply-winner`, { variant_id: b.id });
    expect(early.json()).toMatchObject({ reason: 'page_ab_test_not_started' });
    await s.owner.client.post(`${s.base}/start`, {});
    const control = (await testOf(s)).variants[0]!;
    await simulate(s, control.id, 50, 5);
    await simulate(s, b.id, 50, 25);
    expect((await testOf(s)).results!.decision).toMatchObject({ kind: 'no_clear_winner', reason: 'not_enough_data' });
    await decidePageAbTests(t.runtime);
    expect((await testOf(s)).status).toBe('running');

    const unknown = await s.owner.client.post(`${s.base}/apply-winner`, { variant_id: s.page.id });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ path: 'body.variant_id', code: 'unknown_variant' }] });
    const applied = await s.owner.client.post(`${s.base}/apply-winner`, { variant_id: b.id });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((applied.json() as TPageAbTestState).ab_test).toMatchObject({ status: 'ended', winner_variant_id: b.id, decided_by: 'manual' });
    expect(markOf((await visit(s, '192.168.4.1')).body)).toBe('B');
  });

  it(`lets only one of two simultaneous decisions win, the page consistent (${testDatabaseMode().kind})`, async () => {
    const s = await setup();
    const b = await addVariant(s, {}, B_HTML);
    const c = await addVariant(s, {}, PAGE_HTML.replace('MARK-A', 'MARK-C'));
    await s.owner.client.post(`${s.base}/start`, {});
    const answers = await Promise.all([
      s.owner.client.post(`${s.base}/apply-winner`, { variant_id: b.id }),
      s.owner.client.post(`${s.base}/apply-winner`, { variant_id: c.id }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const winner = answers[0]!.statusCode === 200 ? b : c;
    const test = await testOf(s);
    expect(test.winner_variant_id).toBe(winner.id);
    const page = (await s.owner.client.get(`/api/marketing/funnels/${s.funnel.id}/pages/${s.page.id}`)).json() as TFunnelPage;
    expect(markOf(page.html_content)).toBe(winner === b ? 'B' : 'C');
    expect(markOf((await visit(s, '192.168.5.1')).body)).toBe(winner === b ? 'B' : 'C');
  });
});

describe('limits and isolation', () => {
  it('keeps 2 to 5 variants with weights 1 to 100, and freezes the split while running', async () => {
    const s = await setup();
    expect((await s.owner.client.get(s.base)).json()).toEqual({ ab_test: null });
    for (const weight of [0, 101, 2.5]) {
      const bad = await s.owner.client.post(`${s.base}/variants`, { weight });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ errors: [{ path: 'body.weight' }] });
    }
    const variants = [];
    for (let i = 0; i < 4; i++) variants.push(await addVariant(s, { weight: 10 + i }));
    expect(variants.map((v) => v.key)).toEqual(['B', 'C', 'D', 'E']);
    // A new variant is a copy of the page as it is now.
    expect(variants[0]!.html_content).toBe(PAGE_HTML);
    const fifth = await s.owner.client.post(`${s.base}/variants`, {});
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json()).toMatchObject({ reason: 'page_ab_variants_limit', params: { limit: 5 } });

    const control = (await testOf(s)).variants[0]!;
    const controlContent = await s.owner.client.patch(`${s.base}/variants/${control.id}`, { html_content: '<p>x</p>' });
    expect(controlContent.statusCode).toBe(400);
    expect(controlContent.json()).toMatchObject({ errors: [{ code: 'page_ab_control_content' }] });
    expect((await s.owner.client.delete(`${s.base}/variants/${control.id}`)).json()).toMatchObject({ reason: 'page_ab_control_delete' });

    await s.owner.client.post(`${s.base}/start`, {});
    expect((await s.owner.client.post(`${s.base}/start`, {})).json()).toMatchObject({ reason: 'page_ab_test_running' });
    expect((await s.owner.client.patch(`${s.base}/variants/${variants[0]!.id}`, { weight: 40 })).json()).toMatchObject({ reason: 'page_ab_test_running' });
    expect((await s.owner.client.delete(`${s.base}/variants/${variants[0]!.id}`)).json()).toMatchObject({ reason: 'page_ab_test_running' });
    expect((await s.owner.client.post(`${s.base}/variants`, {})).json()).toMatchObject({ reason: 'page_ab_test_running' });
    expect((await s.owner.client.delete(s.base)).json()).toMatchObject({ reason: 'page_ab_test_running' });
    // A rename and the content are fine while running; the content goes online when the variants are published.
    const edited = await s.owner.client.patch(`${s.base}/variants/${variants[0]!.id}`, { name: 'Nouveau nom', html_content: '<p>MARK-B</p>' });
    expect(edited.json()).toMatchObject({ name: 'Nouveau nom', has_unpublished_changes: true });
    const republished = await s.owner.client.post(`${s.base}/publish`, {});
    expect(republished.statusCode, republished.body).toBe(200);
    expect((republished.json() as TPageAbTestState).ab_test!.variants[1]).toMatchObject({ key: 'B', has_unpublished_changes: false });
    let servedB = false;
    for (let i = 0; i < 150 && !servedB; i++) servedB = markOf((await visit(s, `10.77.0.${i}`)).body) === 'B';
    expect(servedB).toBe(true);

    await s.owner.client.post(`${s.base}/stop`, {});
    expect((await s.owner.client.post(`${s.base}/stop`, {})).json()).toMatchObject({ reason: 'page_ab_test_not_running' });
    for (const v of variants) expect((await s.owner.client.delete(`${s.base}/variants/${v.id}`)).statusCode).toBe(204);
    expect((await s.owner.client.post(`${s.base}/start`, {})).json()).toMatchObject({ reason: 'page_ab_variants_too_few' });
    expect((await s.owner.client.delete(s.base)).statusCode).toBe(204);
    expect((await s.owner.client.get(s.base)).json()).toEqual({ ab_test: null });
    expect((await s.owner.client.post(`${s.base}/start`, {})).json()).toMatchObject({ reason: 'page_ab_test_missing' });
  });

  it("keeps another workspace's tests and variants out of reach", async () => {
    const s = await setup();
    const b = await addVariant(s, {}, B_HTML);
    const stranger = await signUp(t.app);
    const variantPath = `${s.base}/variants/${b.id}`;
    expect((await stranger.client.get(s.base)).statusCode).toBe(404);
    expect((await stranger.client.get(variantPath)).statusCode).toBe(404);
    expect((await stranger.client.patch(variantPath, { name: 'x' })).statusCode).toBe(404);
    expect((await stranger.client.delete(variantPath)).statusCode).toBe(404);
    expect((await stranger.client.post(`${s.base}/variants`, {})).statusCode).toBe(404);
    expect((await stranger.client.post(`${s.base}/start`, {})).statusCode).toBe(404);
    expect((await stranger.client.post(`${s.base}/apply-winner`, { variant_id: b.id })).statusCode).toBe(404);
    // Their own funnel and page with my variant: not found either.
    const theirs = (await stranger.client.post('/api/marketing/funnels', { name: 'Autre', funnel_type: 'lead_magnet' })).json() as TFunnel;
    const theirPage = (await stranger.client.post(`/api/marketing/funnels/${theirs.id}/pages`, { name: 'P', page_type: 'optin' })).json() as TFunnelPage;
    const theirBase = `/api/marketing/funnels/${theirs.id}/pages/${theirPage.id}/ab-test`;
    await stranger.client.post(`${theirBase}/variants`, {});
    expect((await stranger.client.get(`${theirBase}/variants/${b.id}`)).statusCode).toBe(404);
    expect((await stranger.client.patch(`${theirBase}/variants/${b.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/marketing/funnels/${theirs.id}/pages/${s.page.id}/ab-test`)).statusCode).toBe(404);
    const unchanged = (await s.owner.client.get(variantPath)).json() as TPageVariant;
    expect(unchanged).toMatchObject({ name: 'Variante B', html_content: B_HTML });
  });
});
