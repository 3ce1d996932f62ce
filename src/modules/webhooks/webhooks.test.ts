import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { deliverWebhook } from './webhook-delivery.service.js';
import { rotateWebhookSecrets, secretContext } from './webhook-endpoints.service.js';
import { webhookEndpoints } from './webhooks.tables.js';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import { eq } from 'drizzle-orm';

type Received = { headers: IncomingHttpHeaders; body: string };

let t: TestContext;
let server: Server;
let url: string;
const received: Received[] = [];
/** Status codes the receiver answers, in order (then 200). */
const answers: number[] = [];

beforeAll(async () => {
  t = await startTestApp();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=abc`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

function deliveries(owner: Awaited<ReturnType<typeof signUp>>, id: string) {
  return owner.client
    .get(`/api/workspace/webhooks/${id}/deliveries`)
    .then((r) => r.json() as { event_type: string; status: string; attempts: number; response_status: number | null }[]);
}

describe('outgoing webhooks', () => {
  it('signs each lead event it is subscribed to (Standard Webhooks), and logs the delivery', async () => {
    const owner = await signUp(t.app);
    const created = await owner.client.post('/api/workspace/webhooks', { url, event_types: ['lead.created'] });
    expect(created.statusCode).toBe(201);
    const hook = created.json() as { id: string; secret: string };
    expect(hook.secret).toMatch(/^whsec_/);
    expect(JSON.stringify((await owner.client.get('/api/workspace/webhooks')).json())).not.toContain(hook.secret);

    received.length = 0;
    const lead = (await owner.client.post('/api/marketing/leads', { email: 'hook@example.com', first_name: 'Héloïse' })).json() as { id: string };
    await owner.client.patch(`/api/marketing/leads/${lead.id}`, { status: 'contacted' }); // not subscribed
    await t.drain();

    expect(received).toHaveLength(1);
    const call = received[0]!;
    const payload = new Webhook(hook.secret).verify(call.body, call.headers as Record<string, string>) as { type: string; data: { lead_id: string } };
    expect(payload.type).toBe('lead.created');
    expect(payload.data.lead_id).toBe(lead.id);
    expect(() =>
      new Webhook('whsec_' + Buffer.from('another secret!!').toString('base64')).verify(call.body, call.headers as Record<string, string>),
    ).toThrow();

    expect(await deliveries(owner, hook.id)).toMatchObject([{ event_type: 'lead.created', status: 'succeeded', attempts: 1, response_status: 200 }]);
  });

  it('retries a failing receiver and keeps the same webhook-id; the test event and secret rotation work', async () => {
    const owner = await signUp(t.app);
    const hook = (await owner.client.post('/api/workspace/webhooks', { url, event_types: ['*'] })).json() as { id: string; secret: string };
    received.length = 0;
    answers.push(500);
    const test = await owner.client.post(`/api/workspace/webhooks/${hook.id}/test`, {});
    expect(test.statusCode).toBe(202);
    const deliveryId = (test.json() as { id: string }).id;
    // What pg-boss does on a failure: the same delivery again later (drain() never retries, so call it here).
    await expect(deliverWebhook(t.runtime, deliveryId)).rejects.toThrow(/HTTP 500/);
    expect(await deliveries(owner, hook.id)).toMatchObject([{ status: 'pending', attempts: 1, response_status: 500, error_code: 'http_status' }]);
    await deliverWebhook(t.runtime, deliveryId);
    await t.drain(); // the queued job finds it delivered and does nothing
    expect(received.length).toBe(2);
    expect(received[0]!.headers['webhook-id']).toBe(received[1]!.headers['webhook-id']);
    expect(await deliveries(owner, hook.id)).toMatchObject([
      { event_type: 'webhook.test', status: 'succeeded', attempts: 2, response_status: 200, error_code: null },
    ]);

    const rotated = (await owner.client.post(`/api/workspace/webhooks/${hook.id}/rotate-secret`, {})).json() as { secret: string };
    expect(rotated.secret).not.toBe(hook.secret);
    received.length = 0;
    await owner.client.post(`/api/workspace/webhooks/${hook.id}/test`, {});
    await t.drain();
    expect(() => new Webhook(rotated.secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>)).not.toThrow();
  });

  it('disabled webhooks get nothing; bad bodies are 400; members cannot see webhooks', async () => {
    const owner = await signUp(t.app);
    const hook = (await owner.client.post('/api/workspace/webhooks', { url, event_types: ['lead.created'], description: 'Zapier' })).json() as { id: string };
    const off = await owner.client.patch(`/api/workspace/webhooks/${hook.id}`, { is_active: false });
    // Only what was sent changes: the description stays.
    expect(off.json()).toMatchObject({ is_active: false, description: 'Zapier' });
    // An empty change is no error, and changes nothing.
    expect((await owner.client.patch(`/api/workspace/webhooks/${hook.id}`, {})).json()).toMatchObject({ is_active: false, description: 'Zapier' });
    // And changing the URL does not switch it back on.
    expect((await owner.client.patch(`/api/workspace/webhooks/${hook.id}`, { url: `${url}?v=2` })).json()).toMatchObject({
      is_active: false,
      description: 'Zapier',
    });
    received.length = 0;
    await owner.client.post('/api/marketing/leads', { email: 'quiet@example.com' });
    await t.drain();
    expect(received).toHaveLength(0);

    const bad = await owner.client.post('/api/workspace/webhooks', { url: 'ftp://example.com', event_types: [] });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.url', 'body.event_types']));

    const key = ((await owner.client.post('/api/workspace/api-keys', { name: 'm', role: 'member' })).json() as { key: string }).key;
    const asMember = await t.app.inject({ method: 'GET', url: '/api/workspace/webhooks', headers: { authorization: `Bearer ${key}` } });
    expect(asMember.statusCode).toBe(403);
  });

  it('refuses private addresses when the guard is on (the delivery fails in the log)', async () => {
    const guarded = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' });
    try {
      const owner = await signUp(guarded.app);
      const hook = (await owner.client.post('/api/workspace/webhooks', { url, event_types: ['*'] })).json() as { id: string };
      received.length = 0;
      await owner.client.post(`/api/workspace/webhooks/${hook.id}/test`, {});
      // drain() makes every failure the last attempt: the delivery ends failed.
      await expect(guarded.drain()).rejects.toThrow(/private address/);
      expect(received).toHaveLength(0);
      const log = (await owner.client.get(`/api/workspace/webhooks/${hook.id}/deliveries`)).json() as { status: string; error: string }[];
      // The code is what the web shows (translated); the English text keeps the details.
      expect(log[0]).toMatchObject({ status: 'failed', error_code: 'private_address' });
      expect(log[0]!.error).toMatch(/private address/);
    } finally {
      await guarded.close();
    }
  });

  it('key rotation re-encrypts signing secrets sealed with the previous APP_SECRET', async () => {
    const owner = await signUp(t.app);
    const hook = (await owner.client.post('/api/workspace/webhooks', { url, event_types: ['*'] })).json() as { id: string; secret: string };
    const old = new SecretBox('webhooks: old secret of thirty-two characters');
    const context = secretContext({ workspace_id: owner.workspaceId, id: hook.id });
    await t.runtime.db
      .update(webhookEndpoints)
      .set({ secret_sealed: old.encrypt(hook.secret, context) })
      .where(eq(webhookEndpoints.id, hook.id));
    const rotating = new SecretBox('webhooks: new secret of thirty-two characters', ['webhooks: old secret of thirty-two characters']);
    expect((await rotateWebhookSecrets(t.runtime.db, rotating)).rewritten).toBeGreaterThanOrEqual(1);
    const [row] = await t.runtime.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    expect(new SecretBox('webhooks: new secret of thirty-two characters').decrypt(row!.secret_sealed, context)).toBe(hook.secret);
  });
});
