import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, PASSWORD, signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';
import { sessions, users } from './accounts.tables.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign-up', () => {
  it('creates a user, a workspace owned by them and a session cookie', async () => {
    const client = new Client(t.app);
    const email = uniqueEmail('Signup');
    const res = await client.post('/api/auth/signup', { email, password: PASSWORD, name: 'Léa', workspace_name: 'Studio Léa' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email: email.toLowerCase(), name: 'Léa' });
    expect(body.workspace).toMatchObject({ name: 'Studio Léa' });
    expect(body.user.password_hash).toBeUndefined();
    const cookie = res.cookies.find((c) => c.name === 'mk_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);

    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: email.toLowerCase() }, workspace: { name: 'Studio Léa' }, role: 'owner' });
  });

  it('stores the password with argon2id and the session token only as a hash', async () => {
    const { client, userId } = await signUp(t.app);
    const [user] = await t.runtime.db.select().from(users).where(eq(users.id, userId));
    expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [session] = await t.runtime.db.select().from(sessions).where(eq(sessions.user_id, userId));
    expect(session!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(session!.token_hash).not.toContain(client.cookie!);
  });

  it('refuses a duplicate email (any case) with 409', async () => {
    const email = uniqueEmail();
    await signUp(t.app, { email });
    const res = await new Client(t.app).post('/api/auth/signup', { email: email.toUpperCase(), password: PASSWORD, name: 'B', workspace_name: 'W' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('names every bad field in a 400 problem', async () => {
    const res = await new Client(t.app).post('/api/auth/signup', { email: 'not-an-email', password: 'short', name: '', workspace_name: 'W' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.name', 'body.password']);
  });
});

describe('login and logout', () => {
  it('logs in, rotates the session, and logs out', async () => {
    const { email, client: first } = await signUp(t.app);
    const client = new Client(t.app);
    client.cookie = first.cookie; // same browser: the old session must be replaced, not reused
    const res = await client.post('/api/auth/login', { email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(client.cookie).not.toBe(first.cookie);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);

    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const { email } = await signUp(t.app);
    const wrong = await new Client(t.app).post('/api/auth/login', { email, password: 'wrong password!' });
    const unknown = await new Client(t.app).post('/api/auth/login', { email: uniqueEmail(), password: 'wrong password!' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('requires the CSRF token for cookie requests that change state', async () => {
    const { client } = await signUp(t.app);
    const res = await client.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    const crossSite = await client.request({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'https://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('expires idle sessions', async () => {
    const { client, userId } = await signUp(t.app);
    await t.runtime.db
      .update(sessions)
      .set({ last_seen_at: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(sessions.user_id, userId));
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires sessions past their absolute lifetime', async () => {
    const { client, userId } = await signUp(t.app);
    await t.runtime.db
      .update(sessions)
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where(eq(sessions.user_id, userId));
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('profile and password', () => {
  it('updates name and language', async () => {
    const { client } = await signUp(t.app);
    const res = await client.patch('/api/auth/profile', { name: 'Nouveau nom', locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Nouveau nom', locale: 'en' });
  });

  it('changes the password, revoking other sessions but keeping this browser signed in', async () => {
    const { client, email } = await signUp(t.app);
    const other = new Client(t.app);
    await other.post('/api/auth/login', { email, password: PASSWORD });
    const bad = await client.post('/api/auth/password', { current_password: 'nope nope nope', new_password: 'another password' });
    expect(bad.statusCode).toBe(400);
    const res = await client.post('/api/auth/password', { current_password: PASSWORD, new_password: 'another password' });
    expect(res.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/auth/login', { email, password: 'another password' })).statusCode).toBe(200);
  });
});

describe('housekeeping job', () => {
  it('purges expired sessions when the nightly job runs', async () => {
    const { userId } = await signUp(t.app);
    await t.runtime.db
      .update(sessions)
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where(eq(sessions.user_id, userId));
    const { purgeSessionsJob } = await import('./accounts.jobs.js');
    await t.runtime.queue.send(purgeSessionsJob, {});
    await t.drain();
    expect(await t.runtime.db.select().from(sessions).where(eq(sessions.user_id, userId))).toHaveLength(0);
  });
});
