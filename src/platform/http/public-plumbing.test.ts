import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDns, type TTestDns } from '../../../test/dns-server.js';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { loadConfig } from '../config.js';
import { buildPublicApp } from './public-app.js';

let t: TestContext;
let publicApp: FastifyInstance;
let dns: TTestDns;

/** Routes a published page or a payment webhook would declare. */
function probeRoutes(app: FastifyInstance): void {
  app.post('/probe/form', async (req) => ({ body: req.body }));
  app.post('/probe/signed', async (req) => ({ raw: req.rawBody?.toString('utf8') ?? null, parsed: req.body }));
  app.get('/probe/cookie', async (req, reply) => {
    void reply.setCookie('visitor', 'v1', { path: '/', httpOnly: true, sameSite: 'lax' });
    return { seen: req.cookies.visitor ?? null };
  });
  app.get('/probe/host', async (req) => ({ workspace: (await req.hostWorkspaceId()) ?? null }));
  app.get('/probe/big', async () => ({ text: 'bonjour '.repeat(2000) }));
}

beforeAll(async () => {
  dns = await startTestDns();
  t = await startTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '30', PUBLIC_URL: 'https://go.product.example', DNS_SERVERS: dns.server });
  const { domainsPublicRoutes, workspaceOfHost } = await import('../../modules/workspaces/index.js');
  publicApp = await buildPublicApp(t.runtime, [probeRoutes, domainsPublicRoutes], (host) => workspaceOfHost(t.runtime.db, host));
  await publicApp.ready();
});
afterAll(async () => {
  await publicApp.close();
  await t.close();
  await dns.close();
});

describe('public server plumbing', () => {
  it('parses HTML form posts, keeps the raw JSON bytes for signatures, and sets and reads cookies', async () => {
    const form = await publicApp.inject({
      method: 'POST',
      url: '/probe/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=l%C3%A9a%40example.com&first_name=L%C3%A9a',
    });
    expect(form.json()).toEqual({ body: { email: 'léa@example.com', first_name: 'Léa' } });

    const raw = '{"id": "evt_1",  "amount": 4900}';
    const signed = await publicApp.inject({ method: 'POST', url: '/probe/signed', headers: { 'content-type': 'application/json' }, payload: raw });
    expect(signed.json()).toEqual({ raw, parsed: { id: 'evt_1', amount: 4900 } });
    const broken = await publicApp.inject({ method: 'POST', url: '/probe/signed', headers: { 'content-type': 'application/json' }, payload: '{"id":' });
    expect(broken.statusCode).toBe(400);

    const first = await publicApp.inject({ method: 'GET', url: '/probe/cookie' });
    expect(first.json()).toEqual({ seen: null });
    const visitor = first.cookies.find((c) => c.name === 'visitor')!;
    const second = await publicApp.inject({ method: 'GET', url: '/probe/cookie', cookies: { visitor: visitor.value } });
    expect(second.json()).toEqual({ seen: 'v1' });
  });

  it('finds the workspace of a custom domain once its TXT record proves it, and no other', async () => {
    const owner = await signUp(t.app);
    const added = await owner.client.post('/api/workspace/domains', { hostname: 'Pages.Mon-Coaching.fr.' });
    expect(added.statusCode).toBe(201);
    const domain = added.json();
    expect(domain).toMatchObject({
      hostname: 'pages.mon-coaching.fr',
      status: 'pending',
      txt_name: '_mk-verify.pages.mon-coaching.fr',
      cname_target: 'go.product.example',
    });
    expect(domain.txt_value).toMatch(/^mk-verify=[0-9a-f]{32}$/);
    const host = (hostname: string) => publicApp.inject({ method: 'GET', url: '/probe/host', headers: { host: hostname } });
    // Not proved yet: the name serves nothing.
    const check = (domain: string) => publicApp.inject({ method: 'GET', url: `/p/domain-check?domain=${domain}` });
    expect((await check('pages.mon-coaching.fr')).statusCode).toBe(404);

    // Another workspace may claim the name too (nobody blocks a domain by adding it first)...
    const other = await signUp(t.app);
    const claim = await other.client.post('/api/workspace/domains', { hostname: 'pages.mon-coaching.fr' });
    expect(claim.statusCode).toBe(201);
    // ...but a check without the record says so and proves nothing.
    const missing = await owner.client.post(`/api/workspace/domains/${domain.id}/verify`);
    expect(missing.json()).toMatchObject({ status: 'pending', check_error: 'txt_missing' });

    dns.setTxt('_mk-verify.pages.mon-coaching.fr', [['some-other=record'], [domain.txt_value]]);
    const proved = await owner.client.post(`/api/workspace/domains/${domain.id}/verify`);
    expect(proved.json()).toMatchObject({ status: 'verified', check_error: null });
    expect((await host('pages.mon-coaching.fr:443')).json()).toEqual({ workspace: owner.workspaceId });
    expect((await host('ailleurs.example')).json()).toEqual({ workspace: null });
    // Caddy's on-demand TLS asks before getting a certificate.
    expect((await check('pages.mon-coaching.fr')).statusCode).toBe(200);
    expect((await check('ailleurs.example')).statusCode).toBe(404);

    // The other claim cannot be proved now, even with its own record published; nor can the name be added again.
    dns.setTxt('_mk-verify.pages.mon-coaching.fr', [[domain.txt_value], [claim.json().txt_value]]);
    const second = await other.client.post(`/api/workspace/domains/${claim.json().id}/verify`);
    expect(second.statusCode).toBe(409);
    expect(second.json().reason).toBe('domain_taken');
    expect((await other.client.post('/api/workspace/domains', { hostname: 'autre.mon-coaching.fr' })).statusCode).toBe(201);
    const bad = await other.client.post('/api/workspace/domains', { hostname: 'http://x/y' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { code: string }[] }).errors[0]!.code).toBe('hostname');
    // The product's own public host name cannot be claimed.
    expect((await other.client.post('/api/workspace/domains', { hostname: 'go.product.example' })).statusCode).toBe(400);
  });

  it('compresses large answers for clients that accept it', async () => {
    const res = await publicApp.inject({ method: 'GET', url: '/probe/big', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8')).text).toContain('bonjour');
    const plain = await publicApp.inject({ method: 'GET', url: '/probe/big' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('limits each address, answers 429 with Retry-After, and keeps health answering', async () => {
    const from = (ip: string) => publicApp.inject({ method: 'GET', url: '/probe/host', remoteAddress: ip });
    let limited;
    for (let i = 0; i < 31; i += 1) limited = await from('203.0.113.7');
    expect(limited!.statusCode).toBe(429);
    expect(limited!.headers['retry-after']).toBeDefined();
    expect(limited!.headers['content-type']).toContain('application/problem+json');
    expect((await from('203.0.113.8')).statusCode).toBe(200);
    expect((await publicApp.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
  });

  it('records its route table', () => {
    expect(publicApp.publicRouteTable).toEqual(
      expect.arrayContaining([
        { method: 'POST', url: '/probe/form' },
        { method: 'GET', url: '/api/health' },
      ]),
    );
  });
});

describe('TRUST_PROXY', () => {
  it('accepts true, false, a hop count or proxy addresses, and nothing else', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8, 127.0.0.1');
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
