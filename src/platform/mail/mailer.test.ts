import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { sendMail } from './mail.jobs.js';
import { outboxMessages } from './outbox.tables.js';
import { PASSWORD, signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';

// Real delivery: a real SMTP server on loopback receives what the product sends.

const received: ParsedMail[] = [];
let smtp: SMTPServer;
let t: TestContext;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

describe('mail delivery over SMTP', () => {
  it('sends the invitation through SMTP once, even if the job runs twice', async () => {
    const { client } = await signUp(t.app);
    const email = uniqueEmail('smtp');
    await client.post('/api/workspace/invitations', { email, role: 'member' });
    await t.drain();
    const mails = received.filter((m) => m.to && JSON.stringify(m.to).includes(email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Invitation à rejoindre/);
    expect(mails[0]!.text).toMatch(/\/invitations\/[\w-]+/);

    const outbox = (await client.get('/api/workspace/outbox')).json();
    expect(outbox.smtp_configured).toBe(true);
    const row = outbox.items.find((m: { to_address: string }) => m.to_address === email);
    expect(row.status).toBe('sent');
    await t.runtime.mailer.deliver(row.id);
    expect(received.filter((m) => JSON.stringify(m.to).includes(email))).toHaveLength(1);
  });

  it('mails a password reset link that works once and signs out every session', async () => {
    const { client, email } = await signUp(t.app);
    const anon = (await import('../../../test/harness.js')).Client;
    const res = await new anon(t.app).post('/api/auth/password-reset/request', { email });
    expect(res.statusCode).toBe(202);
    expect((await new anon(t.app).post('/api/auth/password-reset/request', { email: uniqueEmail() })).statusCode).toBe(202);
    await t.drain();
    const mail = received.find((m) => JSON.stringify(m.to).includes(email) && m.subject?.includes('mot de passe'));
    const token = /token=([\w-]+)/.exec(mail!.text!)![1]!;
    expect((await new anon(t.app).post('/api/auth/password-reset/confirm', { token, password: 'brand new password' })).statusCode).toBe(204);
    expect((await new anon(t.app).post('/api/auth/password-reset/confirm', { token, password: 'brand new password' })).statusCode).toBe(400);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new anon(t.app).post('/api/auth/login', { email, password: PASSWORD })).statusCode).toBe(401);
    expect((await new anon(t.app).post('/api/auth/login', { email, password: 'brand new password' })).statusCode).toBe(200);
  });

  it('sends a message once when two deliveries of it run at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const to = uniqueEmail('twice');
      const id = await t.runtime.mailer.store({ workspaceId: null, category: 'test', to, subject: `Round ${round}`, text: 'Hello' });
      const results = await Promise.all([t.runtime.mailer.deliver(id), t.runtime.mailer.deliver(id), t.runtime.mailer.deliver(id)]);
      expect(results.sort()).toEqual(['already_done', 'already_done', 'sent']);
      expect(received.filter((m) => JSON.stringify(m.to).includes(to))).toHaveLength(1);
    }
  });

  it('writes the outbox row and its job inside the caller transaction', async () => {
    const sent = (to: string) => received.filter((m) => JSON.stringify(m.to).includes(to));
    const rolledBack = uniqueEmail('rollback');
    await expect(
      t.runtime.db.transaction(async (tx) => {
        await sendMail(t.runtime, { workspaceId: null, category: 'test', to: rolledBack, subject: 'Never', text: 'Hello' }, { db: tx });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const committed = uniqueEmail('commit');
    await t.runtime.db.transaction((tx) =>
      sendMail(t.runtime, { workspaceId: null, category: 'test', to: committed, subject: 'Once', text: 'Hello' }, { db: tx }),
    );
    await t.drain();
    expect(await t.runtime.db.select().from(outboxMessages).where(eq(outboxMessages.to_address, rolledBack))).toHaveLength(0);
    expect(sent(rolledBack)).toHaveLength(0);
    expect(sent(committed)).toHaveLength(1);
  });

  it('leaves a message another delivery is sending, and takes over one abandoned by a crashed sender', async () => {
    const to = uniqueEmail('claimed');
    const id = await t.runtime.mailer.store({ workspaceId: null, category: 'test', to, subject: 'Claimed', text: 'Hello' });
    await t.runtime.db
      .update(outboxMessages)
      .set({ status: 'sending', updated_at: sql`now()` })
      .where(eq(outboxMessages.id, id));
    expect(await t.runtime.mailer.deliver(id)).toBe('already_done');
    expect(received.filter((m) => JSON.stringify(m.to).includes(to))).toHaveLength(0);

    await t.runtime.db
      .update(outboxMessages)
      .set({ updated_at: sql`now() - interval '13 minutes'` })
      .where(eq(outboxMessages.id, id));
    expect(await t.runtime.mailer.deliver(id)).toBe('sent');
    expect(received.filter((m) => JSON.stringify(m.to).includes(to))).toHaveLength(1);
    const [row] = await t.runtime.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row!.status).toBe('sent');
  });

  it('delivers transactional mail before bulk mail queued earlier', async () => {
    const to = (label: string) => uniqueEmail(`priority-${label}`);
    const bulk = [to('bulk1'), to('bulk2'), to('bulk3')];
    const reset = to('reset');
    for (const address of bulk) {
      await sendMail(t.runtime, { workspaceId: null, category: 'test', to: address, subject: 'Campagne', text: 'x' }, { priority: 'bulk' });
    }
    await sendMail(t.runtime, { workspaceId: null, category: 'test', to: reset, subject: 'Mot de passe', text: 'x' });
    await t.drain();
    const order = received.map((m) => JSON.stringify(m.to)).filter((m) => m.includes('priority-'));
    expect(order.findIndex((m) => m.includes(reset))).toBe(order.length - 4);
  });
});
