import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('workspace time zone and currency', () => {
  it('defaults to Europe/Paris and EUR, and takes the browser time zone and currency at sign-up', async () => {
    const plain = await signUp(t.app);
    expect((await plain.client.get('/api/workspace')).json()).toMatchObject({ timezone: 'Europe/Paris', currency: 'EUR' });

    const client = new Client(t.app);
    const res = await client.post('/api/auth/signup', {
      email: uniqueEmail('montreal'),
      password: PASSWORD,
      name: 'Chloé',
      workspace_name: 'Studio Montréal',
      timezone: 'America/Toronto',
      currency: 'cad',
    });
    expect(res.statusCode).toBe(201);
    expect((await client.get('/api/workspace')).json()).toMatchObject({ timezone: 'America/Toronto', currency: 'CAD' });
    expect((await client.get('/api/auth/me')).json()).toMatchObject({ workspace: { timezone: 'America/Toronto', currency: 'CAD' } });
  });

  it('admins change them; a bad value is a 400 naming the field and changes nothing', async () => {
    const owner = await signUp(t.app);
    const changed = await owner.client.patch('/api/workspace', { timezone: 'Europe/Brussels', currency: 'CHF' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ timezone: 'Europe/Brussels', currency: 'CHF' });

    const bad = await owner.client.patch('/api/workspace', { timezone: 'Mars/Olympus', currency: 'EURO', name: 'Nouveau nom' });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.timezone', 'body.currency']));
    // Codes and parameters let the web app say it in French.
    const errors = (bad.json() as { errors: { path: string; code?: string; params?: Record<string, unknown> }[] }).errors;
    expect(errors.find((e) => e.path === 'body.timezone')?.code).toBe('time_zone');
    const tooLong = await owner.client.patch('/api/workspace', { name: 'x'.repeat(121) });
    expect((tooLong.json() as { errors: unknown[] }).errors[0]).toMatchObject({
      path: 'body.name',
      code: 'too_big',
      params: { maximum: 120, origin: 'string' },
    });
    expect((await owner.client.patch('/api/workspace', { currency: 'XYZ' })).statusCode).toBe(400);
    expect((await owner.client.patch('/api/workspace', {})).statusCode).toBe(400);
    expect((await owner.client.get('/api/workspace')).json()).toMatchObject({ timezone: 'Europe/Brussels', currency: 'CHF', name: 'Test workspace' });

    const badSignup = await new Client(t.app).post('/api/auth/signup', {
      email: uniqueEmail('bad-tz'),
      password: PASSWORD,
      name: 'X',
      workspace_name: 'X',
      timezone: '../../etc/passwd',
    });
    expect(badSignup.statusCode).toBe(400);
  });
});
