import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Client, signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';
import { redactUrl } from '../auth/redact.js';

// Tokens must never reach the logs: captured here from the real pino output of both servers.
const lines: string[] = [];
let t: TestContext;
beforeAll(async () => {
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  t = await startTestApp({ LOG_LEVEL: 'info' }, { log });
});
afterAll(() => t.close());

const logged = () => lines.join('');

describe('log redaction', () => {
  it('keeps invitation, reset, session and API-key secrets out of request and mail logs', async () => {
    const { client } = await signUp(t.app);
    const invited = uniqueEmail('invited');
    expect((await client.post('/api/workspace/invitations', { email: invited, role: 'member' })).statusCode).toBe(201);
    const key: string = (await client.post('/api/workspace/api-keys', { name: 'Log test', role: 'viewer' })).json().key;
    await new Client(t.app, { bearer: key }).get('/api/auth/me');
    await new Client(t.app).post('/api/auth/password-reset/request', { email: (await client.get('/api/auth/me')).json().user.email });
    await t.drain();

    const outbox = (await client.get('/api/workspace/outbox')).json();
    const invitationToken = /\/invitations\/([\w-]+)/.exec(outbox.items.find((m: { to_address: string }) => m.to_address === invited).text_body)![1]!;
    await t.app.inject({ url: `/api/invitations/${invitationToken}` });
    await t.app.inject({ url: `/reset-password?token=${invitationToken}&lang=fr` });
    await t.publicApp.inject({ url: `/u/${invitationToken}` });

    const text = logged();
    expect(text).toContain('incoming request');
    expect(text).toContain('SMTP_URL is not set');
    expect(text).toContain('/api/invitations/[redacted]');
    for (const secret of [invitationToken, key, client.cookie!]) expect(text).not.toContain(secret);
    // No reset token either: every token-like run in the log was redacted.
    expect(text).not.toMatch(/token=(?!\[redacted\])[\w-]{20,}/);
  });

  it('redacts token-like path segments and secret query values, keeping ids readable', () => {
    const id = '3f1c2a4e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
    expect(redactUrl(`/api/leads/${id}?token=abc&page=2`)).toBe(`/api/leads/${id}?token=[redacted]&page=2`);
    expect(redactUrl('/api/invitations/AbCdEfGhIjKlMnOpQrStUvWxYz012345/accept')).toBe('/api/invitations/[redacted]/accept');
  });
});
