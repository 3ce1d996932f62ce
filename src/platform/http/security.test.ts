import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signUp, startTestApp, type TestContext } from '../../../test/harness.js';

// The HTTP defences of SECURITY.md, each against the attack it stops.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ APP_URL: 'http://app.example.test' });
});
afterAll(() => t.close());

describe('authentication is decided on the routed path', () => {
  it('does not let a percent-encoded path skip authentication or the Origin check', async () => {
    const { email } = await signUp(t.app);
    // `/%61pi/...` routes to `/api/...`: it must meet the same checks.
    const login = await t.app.inject({
      method: 'POST',
      url: '/%61pi/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.cookies).toHaveLength(0);
    const members = await t.app.inject({ url: '/%61pi/workspace/members' });
    expect(members.statusCode).toBe(401);
    const encodedId = await t.app.inject({ method: 'DELETE', url: '/api/workspace/api-keys/%30' });
    expect(encodedId.statusCode).toBe(401);
  });
});

describe('the Origin check', () => {
  it('trusts APP_URL only, never the Host header the request chose', async () => {
    const { email } = await signUp(t.app);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://evil.example', host: 'evil.example' },
      payload: { email, password: PASSWORD },
    });
    expect(forged.statusCode).toBe(403);
    const ours = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://app.example.test' },
      payload: { email, password: PASSWORD },
    });
    expect(ours.statusCode).toBe(200);
  });
});

describe('the admin session cookie', () => {
  it('is HttpOnly, SameSite=Lax and scoped to /api under http', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: `cookie-${Date.now()}@example.com`, password: PASSWORD, name: 'C', workspace_name: 'W' },
    });
    const cookie = res.cookies.find((c) => c.name === 'mk_session')!;
    expect(cookie).toMatchObject({ path: '/api', httpOnly: true, sameSite: 'Lax' });
  });

  it('is __Host- prefixed, Secure and host-only under https', async () => {
    const secure = await startTestApp({ APP_URL: 'https://app.example.test', PUBLIC_URL: 'https://pages.example.test' });
    try {
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email: `secure-${Date.now()}@example.com`, password: PASSWORD, name: 'S', workspace_name: 'W' },
      });
      expect(res.statusCode).toBe(201);
      const cookie = res.cookies.find((c) => c.name === '__Host-mk_session')!;
      expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true });
      expect(cookie.domain).toBeUndefined();
      const me = await secure.app.inject({ url: '/api/auth/me', headers: { cookie: `__Host-mk_session=${cookie.value}` } });
      expect(me.statusCode).toBe(200);
      // The http name is not read under https.
      expect((await secure.app.inject({ url: '/api/auth/me', headers: { cookie: `mk_session=${cookie.value}` } })).statusCode).toBe(401);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await secure.close();
    }
  });

  it('never reaches code on the public server, even when the browser sends it there', async () => {
    const { buildPublicApp } = await import('./public-app.js');
    const seen: unknown[] = [];
    const publicApp = await buildPublicApp(t.runtime, [
      (app) => {
        app.get('/echo', async (request) => {
          seen.push({ header: request.headers.cookie, cookies: request.cookies });
          return 'ok';
        });
      },
    ]);
    try {
      await publicApp.inject({ url: '/echo', headers: { cookie: 'mk_session=secret1; visitor=v1; __Host-mk_session=secret2' } });
      expect(seen).toEqual([{ header: ' visitor=v1', cookies: { visitor: 'v1' } }]);
    } finally {
      await publicApp.close();
    }
  });
});

describe('security headers', () => {
  it('sends a self-only CSP, no framing, nosniff and no referrer from the admin app', async () => {
    for (const url of ['/api/health', '/api/nope']) {
      const res = await t.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      // Images only may come from the public server (the media library's files), never scripts.
      expect(csp).toContain(`img-src 'self' data: blob: ${new URL(t.runtime.config.publicUrl).origin};`);
      expect(csp).not.toContain('upgrade-insecure-requests'); // http: the local trial must keep working
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('sends the published pages’ CSP from the public server', async () => {
    const res = await t.publicApp.inject({ url: '/missing', headers: { accept: 'text/html' } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("img-src 'self' data: https:");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });
});
