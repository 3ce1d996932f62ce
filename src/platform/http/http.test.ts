import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';

let t: TestContext;
// This file runs with a low rate limit; its own address keeps other files' sign-ups (which share
// the counters on PostgreSQL) from tripping it.
const ip = () => `127.0.3.${Math.floor(Math.random() * 250)}`;

/**
 * Waits for the next minute when less than 20 s are left in this one: the limits count in fixed windows of a
 * wall-clock minute, and a dozen logins (argon2 each) on a busy machine crossed a window's end, so the attempts
 * after the limit landed in a fresh window and got 401 instead of 429.
 */
async function inFreshWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
beforeAll(async () => {
  t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10', BODY_LIMIT_BYTES: '2048' });
});
afterAll(() => t.close());

describe('HTTP platform', () => {
  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.runtime.database.kind });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect((await t.publicApp.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/signup', '/api/workspace/api-keys', '/api/workspace/api-keys/{id}']));
    expect(doc.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'password', 'name', 'workspace_name']),
    );
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers 401, 404, 413 and 415 as problem documents', async () => {
    const anon = await t.app.inject({ url: '/api/workspace/members' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ url: '/api/nope' })).statusCode).toBe(404);

    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.co', password: 'x'.repeat(5000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });

    const text = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
    expect(text.headers['content-type']).toContain('application/problem+json');

    const badJson = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{oops', headers: { 'content-type': 'application/json' } });
    expect(badJson.statusCode).toBe(400);
  });

  it('limits login attempts per account and address with a clear 429', async () => {
    const { email } = await signUp(t.app, { remoteAddress: ip() });
    const statuses: number[] = [];
    const from = ip(); // one address: other addresses keep their own attempts (account-security.test.ts)
    await inFreshWindow();
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'wrong password!' },
        remoteAddress: from,
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.headers['retry-after']).toBeTruthy();
        expect(res.json().detail).toMatch(/Too many attempts/);
      }
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  }, 60_000);

  it('limits login attempts per IP', async () => {
    const address = ip();
    const statuses: number[] = [];
    await inFreshWindow();
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: uniqueEmail(), password: 'whatever!!' },
        remoteAddress: address,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);

  it('keeps the public server apart from the admin app', async () => {
    const { client } = await signUp(t.app, { remoteAddress: ip() });
    const res = await t.publicApp.inject({ url: '/api/auth/me', headers: { cookie: `mk_session=${client.cookie}` } });
    expect(res.statusCode).toBe(404);
    const page = await t.publicApp.inject({ url: '/some-page', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page introuvable');
  });
});

describe('health with a broken database', () => {
  it('answers 503', async () => {
    const broken = await startTestApp();
    await broken.runtime.queue.stop();
    await broken.runtime.database.close();
    const res = await broken.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'error', database: broken.runtime.database.kind });
    await broken.app.close();
    await broken.publicApp.close();
  });
});
