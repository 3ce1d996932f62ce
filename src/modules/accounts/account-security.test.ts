import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { outboxMessages } from '../../platform/mail/outbox.tables.js';
import { Client, PASSWORD, signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';
import { passwordResets } from './accounts.tables.js';
import { signup } from './accounts.service.js';

// The account defences of SECURITY.md: reset links, lockout, enumeration, sign-up mode.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5', LOGIN_ACCOUNT_CEILING_PER_MINUTE: '12', LOGIN_SLOWDOWN_MS: '300' });
});
afterAll(() => t.close());

const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const anon = (remoteAddress = address()) => new Client(t.app, { remoteAddress });

/** Requests a reset link for `email`, runs the jobs and returns the token of the newest mail. */
async function resetToken(email: string): Promise<string> {
  expect((await anon().post('/api/auth/password-reset/request', { email })).statusCode).toBe(202);
  await t.drain();
  const [mail] = await t.runtime.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.to_address, email.toLowerCase()), eq(outboxMessages.category, 'password_reset')))
    .orderBy(desc(outboxMessages.created_at))
    .limit(1);
  return /token=([\w-]+)/.exec(mail!.text_body)![1]!;
}

const confirm = (token: string, password = 'a brand new password') => anon().post('/api/auth/password-reset/confirm', { token, password });

describe('password reset links', () => {
  it('cancels the earlier links when a new one is issued', async () => {
    const { email } = await signUp(t.app, { remoteAddress: address() });
    const first = await resetToken(email);
    const second = await resetToken(email);
    expect((await confirm(first)).statusCode).toBe(400);
    expect((await confirm(second)).statusCode).toBe(204);
  });

  it('cancels the other links when one is used', async () => {
    const { email, userId } = await signUp(t.app, { remoteAddress: address() });
    const first = await resetToken(email);
    // A second link issued by hand, as a race between two requests could leave it.
    const second = await resetToken(email);
    await t.runtime.db.update(passwordResets).set({ used_at: null }).where(eq(passwordResets.user_id, userId));
    expect((await confirm(second)).statusCode).toBe(204);
    expect((await confirm(first)).statusCode).toBe(400);
  });

  it('cancels every link when the password is changed', async () => {
    const { client, email } = await signUp(t.app, { remoteAddress: address() });
    const token = await resetToken(email);
    expect((await client.post('/api/auth/password', { current_password: PASSWORD, new_password: 'changed password!' })).statusCode).toBe(200);
    expect((await confirm(token)).statusCode).toBe(400);
  });
});

describe('reset requests do not reveal accounts', () => {
  it('answers a known and an unknown email alike, doing no per-account work before answering', async () => {
    const { email, userId } = await signUp(t.app, { remoteAddress: address() });
    const unknown = uniqueEmail('nobody');
    const known = await anon().post('/api/auth/password-reset/request', { email });
    const stranger = await anon().post('/api/auth/password-reset/request', { email: unknown });
    expect([known.statusCode, known.body]).toEqual([stranger.statusCode, stranger.body]);
    const strip = (h: Record<string, unknown>) =>
      Object.keys(h)
        .filter((k) => !['date', 'x-request-id'].includes(k))
        .sort();
    expect(strip(known.headers)).toEqual(strip(stranger.headers));
    // The request path only queued a job: no link and no mail exist until the job runs, so its
    // duration cannot depend on whether the account exists.
    expect(await t.runtime.db.select().from(passwordResets).where(eq(passwordResets.user_id, userId))).toHaveLength(0);
    expect(await t.runtime.db.select().from(outboxMessages).where(eq(outboxMessages.to_address, email))).toHaveLength(0);
    await t.drain();
    expect(await t.runtime.db.select().from(passwordResets).where(eq(passwordResets.user_id, userId))).toHaveLength(1);
    expect(await t.runtime.db.select().from(outboxMessages).where(eq(outboxMessages.to_address, unknown))).toHaveLength(0);
  });

  it('mails one account at most three links a minute, silently', async () => {
    const { email } = await signUp(t.app, { remoteAddress: address() });
    for (let i = 0; i < 5; i++) expect((await anon().post('/api/auth/password-reset/request', { email })).statusCode).toBe(202);
    await t.drain();
    const mails = await t.runtime.db.select().from(outboxMessages).where(eq(outboxMessages.to_address, email));
    expect(mails).toHaveLength(3);
  });
});

describe('login limits', () => {
  const login = (email: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  /** Runs `attack` on a fresh account within one rate-limit window (the limits count per clock minute). */
  async function inOneWindow<T>(attack: (email: string) => Promise<T>): Promise<T> {
    for (;;) {
      const { email } = await signUp(t.app, { remoteAddress: address() });
      const minute = Math.floor(Date.now() / 60_000);
      const result = await attack(email);
      if (Math.floor(Date.now() / 60_000) === minute) return result;
    }
  }

  it('stops a stranger’s address without locking the owner out', async () => {
    const { statuses, owner } = await inOneWindow(async (email) => {
      const attacker = address();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await login(email, 'wrong password!', attacker)).statusCode);
      return { statuses, owner: (await login(email, PASSWORD, address())).statusCode };
    });
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(owner).toBe(200);
  });

  it('slows an account tried from many addresses, up to a higher ceiling', async () => {
    const { statuses, durations } = await inOneWindow(async (email) => {
      const statuses: number[] = [];
      const durations: number[] = [];
      for (let i = 0; i < 13; i++) {
        const started = performance.now();
        statuses.push((await login(email, 'wrong password!', address())).statusCode);
        durations.push(performance.now() - started);
      }
      return { statuses, durations };
    });
    // 12 attempts from 12 addresses are answered (the 6th onwards after the delay), the 13th is refused.
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses[12]).toBe(429);
    expect(Math.min(...durations.slice(5, 12))).toBeGreaterThanOrEqual(290);
  });
});

describe('SIGNUP modes', () => {
  const body = (email = uniqueEmail()) => ({ email, password: PASSWORD, name: 'Nora', workspace_name: 'Studio' });

  it('is open by default and says so', async () => {
    expect((await anon().get('/api/auth/options')).json()).toEqual({ signup: 'open' });
  });

  it('refuses every sign-up when closed', async () => {
    const closed = await startTestApp({ SIGNUP: 'closed' });
    try {
      expect((await closed.app.inject({ url: '/api/auth/options' })).json()).toEqual({ signup: 'closed' });
      const res = await closed.app.inject({ method: 'POST', url: '/api/auth/signup', payload: body() });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ reason: 'signup_closed' });
    } finally {
      await closed.close();
    }
  });

  it('accepts only invited addresses when invite-only, joining the inviting workspace', async () => {
    const invite = await startTestApp({ SIGNUP: 'invite' });
    try {
      const refused = await invite.app.inject({ method: 'POST', url: '/api/auth/signup', payload: body() });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().errors).toEqual([{ path: 'body.invitation_token', message: 'required (SIGNUP=invite)', code: 'invitation_required' }]);

      const ownerEmail = uniqueEmail('owner');
      const { workspace } = await signup(invite.runtime.db, body(ownerEmail));
      const owner = new Client(invite.app);
      expect((await owner.post('/api/auth/login', { email: ownerEmail, password: PASSWORD })).statusCode).toBe(200);
      const invitedEmail = uniqueEmail('invited');
      expect((await owner.post('/api/workspace/invitations', { email: invitedEmail, role: 'member' })).statusCode).toBe(201);
      await invite.drain();
      const mail = (await owner.get('/api/workspace/outbox')).json().items.find((m: { to_address: string }) => m.to_address === invitedEmail);
      const token = /\/invitations\/([\w-]+)/.exec(mail.text_body)![1]!;

      const otherAddress = await invite.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { ...body(), invitation_token: token } });
      expect(otherAddress.statusCode).toBe(403);
      const forged = await invite.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { ...body(invitedEmail), invitation_token: 'x'.repeat(40) } });
      expect(forged.statusCode).toBe(404);
      const joined = await invite.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { ...body(invitedEmail), invitation_token: token } });
      expect(joined.statusCode).toBe(201);
      expect(joined.json()).toMatchObject({ workspace: { id: workspace.id }, role: 'member' });
    } finally {
      await invite.close();
    }
  });
});
