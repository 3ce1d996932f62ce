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
