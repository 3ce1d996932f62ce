import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import lightMyRequest from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import type { TFunnel, TFunnelPageSummary } from '../../../contracts/funnels.js';
import { buildPublicServer } from '../../../boot.js';
import { funnelEvents } from '../funnels.tables.js';

// The fast path (platform/http/public-fast-path.ts) answers cached page views and next-step clicks in front of
// Fastify. These tests hold its answers to the routes' own, request for request, on the same app.

let t: TestContext;
let owner: SignedUp;
let funnel: TFunnel;
let pages: TFunnelPageSummary[];
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
  const made = await owner.client.post('/api/marketing/funnels/from-template', { template_id: 'lead-magnet-fr', name: 'Rapide' });
  expect(made.statusCode, made.body).toBe(201);
  funnel = made.json() as TFunnel;
  expect((await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {})).statusCode).toBe(200);
  pages = ((await owner.client.get(`/api/marketing/funnels/${funnel.id}/pages`)).json() as { items: TFunnelPageSummary[] }).items;
});
afterAll(() => t.close());

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0';
/** Headers that differ between any two answers. */
const VARYING = ['date', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'connection', 'keep-alive', 'transfer-encoding'];

type TAnswer = lightMyRequest.Response;
/** Through Fastify only (its router), as every request went before the fast path. */
const throughFastify = (url: string, headers: Record<string, string>) =>
  lightMyRequest(t.publicApp.routing.bind(t.publicApp), { method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } });
/** As the public server's port does: the fast path, else Fastify. */
const throughServer = (url: string, headers: Record<string, string>) =>
  t.publicApp.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } });

function comparable(answer: TAnswer) {
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !VARYING.includes(name)));
  const encoding = answer.headers['content-encoding'];
  const raw = answer.rawPayload;
  const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
  return { status: answer.statusCode, headers, body: body.toString('utf8') };
}

async function eventsOf(pageId: string, kind: string) {
  await t.publicApp.flushFunnelEvents();
  const [row] = await t.runtime.db
    .select({ n: sql<number>`count(*)::int` })
    .from(funnelEvents)
    .where(sql`${funnelEvents.page_id} = ${pageId}::uuid AND ${funnelEvents.kind} = ${kind}`);
  return row!.n;
}

describe('the public fast path', () => {
  it('answers a cached page as its route does (brotli, gzip, none, 304), counts each view, and leaves bots and prefetches out', async () => {
    const page = pages[0]!;
    const url = `/${funnel.slug}/${page.slug}?utm_source=newsletter&utm_source=autre`;
    const fastPath = t.publicApp.publicFastPath;
    const etag = (await throughServer(url, {})).headers.etag as string; // the route's answer fills the cache
    const cases: Record<string, string>[] = [
      { 'accept-encoding': 'br, gzip' },
      { 'accept-encoding': 'gzip' },
      {},
      { 'if-none-match': etag },
      { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
      { 'sec-purpose': 'prefetch' },
      { referer: 'https://www.facebook.com/groups/x' },
    ];
    const before = await eventsOf(page.id, 'view');
    for (const headers of cases) {
      const answered = fastPath.answered;
      const fast = await throughServer(url, headers);
      expect(fastPath.answered, JSON.stringify(headers)).toBe(answered + 1);
      const routed = await throughFastify(url, headers);
      expect(comparable(fast), JSON.stringify(headers)).toEqual(comparable(routed));
    }
    expect(comparable(await throughServer(url, { 'if-none-match': etag })).status).toBe(304);
    // Each case twice (fast path, route), the bot and the prefetch never; and the 304 asked once more.
    expect((await eventsOf(page.id, 'view')) - before).toBe((cases.length - 2) * 2 + 1);
    const [source] = await t.runtime.db
      .select({ utm: funnelEvents.utm_source, referrer: funnelEvents.referrer_host })
      .from(funnelEvents)
      .where(sql`${funnelEvents.page_id} = ${page.id}::uuid AND ${funnelEvents.referrer_host} IS NOT NULL`)
      .limit(1);
    expect(source).toEqual({ utm: 'newsletter', referrer: 'www.facebook.com' });
  });

  it('answers the funnel address, a next-step link (302, a click counted) as the routes do, and leaves the rest to them', async () => {
    const fastPath = t.publicApp.publicFastPath;
    const first = `/${funnel.slug}`;
    const next = `/p/${pages[0]!.id}/next`;
    for (const url of [first, next]) {
      await throughServer(url, {});
      const answered = fastPath.answered;
      const fast = await throughServer(url, {});
      expect(fastPath.answered, url).toBe(answered + 1);
      expect(comparable(fast), url).toEqual(comparable(await throughFastify(url, {})));
    }
    expect((await throughServer(next, {})).headers.location).toBe(`${t.runtime.config.publicUrl}/${funnel.slug}/${pages[1]!.slug}`);
    const clicks = await eventsOf(pages[0]!.id, 'click');
    expect(clicks).toBe(4);
    // Left to Fastify: a trailing slash, a HEAD, a slug out of pattern, an unknown page, a repeated variant.
    for (const [method, url, status] of [
      ['GET', `/${funnel.slug}/${pages[0]!.slug}/`, 404],
      ['HEAD', `/${funnel.slug}/${pages[0]!.slug}`, 200],
      ['GET', `/${funnel.slug.toUpperCase()}/${pages[0]!.slug}`, 404],
      ['GET', `/${funnel.slug}/introuvable`, 404],
      ['GET', `${next}?v=a&v=b`, 400],
    ] as const) {
      const answered = fastPath.answered;
      const answer = await t.publicApp.inject({ method, url, headers: { 'user-agent': BROWSER } });
      expect(fastPath.answered, url).toBe(answered);
      expect(answer.statusCode, url).toBe(status);
    }
  });

  it('counts its answers in the rate limit Fastify applies, which answers the 429 past it', async () => {
    const limited = await buildPublicServer({ ...t.runtime, config: { ...t.runtime.config, publicRateLimitPerMinute: 3 } });
    try {
      await limited.ready();
      const url = `/${funnel.slug}/${pages[0]!.slug}`;
      // The first request may go through Fastify (its own caches are shared with the other app): three in all pass.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const answer = await lightMyRequest((req, res) => limited.publicFastPath.answer(req, res) || limited.routing(req, res), {
          method: 'GET',
          url,
          headers: { 'user-agent': BROWSER },
        });
        statuses.push(answer.statusCode);
        if (i === 2) expect(answer.headers['x-ratelimit-remaining']).toBe('0');
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(limited.publicFastPath.answered).toBeGreaterThanOrEqual(2);
    } finally {
      await limited.close();
    }
  });

  it('answers on a real socket, and leaves everything to Fastify once the server closes', async () => {
    const app = await buildPublicServer(t.runtime);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const url = `${base}/${funnel.slug}/${pages[0]!.slug}`;
    expect((await fetch(url, { headers: { 'user-agent': BROWSER } })).status).toBe(200);
    const answered = app.publicFastPath.answered;
    const fast = await fetch(url, { headers: { 'user-agent': BROWSER } });
    expect(fast.status).toBe(200);
    expect(fast.headers.get('content-security-policy')).toContain('frame-src https://www.youtube-nocookie.com');
    expect(fast.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(app.publicFastPath.answered).toBe(answered + 1);
    await app.close();
    const late = await lightMyRequest((req, res) => app.publicFastPath.answer(req, res) || app.routing(req, res), {
      method: 'GET',
      url: `/${funnel.slug}/${pages[0]!.slug}`,
    });
    expect(app.publicFastPath.answered).toBe(answered + 1);
    expect(late.statusCode).toBe(503);
  });
});
