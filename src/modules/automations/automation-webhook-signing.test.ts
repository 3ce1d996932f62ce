import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';
import type { TAutomation, TAutomationRun } from '../../contracts/crm-automations.js';
import type { TLead } from '../../contracts/crm.js';
import { addMember } from '../workspaces/index.js';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import { Tenant } from '../../platform/db/tenant.js';
import { automationWebhookSecret, rotateAutomationWebhookSecrets } from './automation-secrets.js';

// The automation webhook action signs its calls (Standard Webhooks) with a secret of the automation that
// admins can read and rotate; the run log records failures as codes with parameters.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type TCall = { raw: string; headers: IncomingHttpHeaders };

/** A receiver on 127.0.0.1 keeping each call's raw body and headers, answering `status`. */
async function receiver(status = 200) {
  const calls: TCall[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      calls.push({ raw, headers: req.headers });
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What a receiver does: throws unless the call was signed with `secret`. */
function verify(secret: string, call: TCall): unknown {
  const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(call.headers[h])]));
  return new Webhook(secret).verify(call.raw, headers);
}

async function workspaceWithHook(url: string) {
  const owner = await signUp(t.app);
  const created = await owner.client.post('/api/marketing/automations', {
    name: 'Hook',
    trigger: { type: 'tag_added', tag: 'go' },
    actions: [{ type: 'call_webhook', params: { url } }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const automation = created.json() as TAutomation;
  const lead = (await owner.client.post('/api/marketing/leads', { email: uniqueEmail('signed') })).json() as TLead;
  const fire = async (tag: string) => {
    await owner.client.patch(`/api/marketing/leads/${lead.id}`, { tags: [tag] });
    await t.drain();
  };
  return { owner, automation, lead, fire };
}

describe('automation webhook calls', () => {
  it('are signed with the automation’s secret, which the receiver verifies; rotating it changes the signature', async () => {
    const hook = await receiver();
    try {
      const { owner, automation, fire } = await workspaceWithHook(hook.url);
      const secretRes = await owner.client.get(`/api/marketing/automations/${automation.id}/webhook-secret`);
      expect(secretRes.statusCode, secretRes.body).toBe(200);
      const { secret } = secretRes.json() as { secret: string };
      expect(secret).toMatch(/^whsec_/);
      // Asked again: the same secret.
      expect((await owner.client.get(`/api/marketing/automations/${automation.id}/webhook-secret`)).json()).toEqual({ secret });

      await fire('go');
      expect(hook.calls).toHaveLength(1);
      const payload = verify(secret, hook.calls[0]!) as { automation: { id: string } };
      expect(payload.automation.id).toBe(automation.id);
      expect(hook.calls[0]!.headers['webhook-id']).toMatch(new RegExp(`^msg_${automation.id}_`));
      expect(() => verify('whsec_' + Buffer.from('not the secret, 24 bytes').toString('base64'), hook.calls[0]!)).toThrow();

      const rotated = (await owner.client.post(`/api/marketing/automations/${automation.id}/webhook-secret/rotate`)).json() as { secret: string };
      expect(rotated.secret).not.toBe(secret);
      await fire('x');
      await fire('go');
      expect(hook.calls).toHaveLength(2);
      expect(verify(rotated.secret, hook.calls[1]!)).toBeTruthy();
      expect(() => verify(secret, hook.calls[1]!)).toThrow();
    } finally {
      await hook.close();
    }
  });

  it('keep their secret from members and other workspaces', async () => {
    const hook = await receiver();
    try {
      const { owner, automation } = await workspaceWithHook(hook.url);
      const member = await signUp(t.app);
      await addMember(t.runtime.db, owner.workspaceId, member.userId, 'member');
      await member.client.post('/api/auth/switch-workspace', { workspace_id: owner.workspaceId });
      expect((await member.client.get(`/api/marketing/automations/${automation.id}/webhook-secret`)).statusCode).toBe(403);
      expect((await member.client.post(`/api/marketing/automations/${automation.id}/webhook-secret/rotate`)).statusCode).toBe(403);
      const stranger = await signUp(t.app);
      expect((await stranger.client.get(`/api/marketing/automations/${automation.id}/webhook-secret`)).statusCode).toBe(404);
    } finally {
      await hook.close();
    }
  });

  it('log a failure as a code with parameters the web translates', async () => {
    const hook = await receiver(503);
    try {
      const { owner, automation, fire } = await workspaceWithHook(hook.url);
      await fire('go');
      const [run] = (await owner.client.get(`/api/marketing/automations/${automation.id}/runs`)).json() as TAutomationRun[];
      expect(run).toMatchObject({ status: 'failed', error: 'the URL answered HTTP 503', error_code: 'webhook_status', error_params: { status: 503 } });
      expect(run!.steps[0]).toMatchObject({ status: 'failed', error_code: 'webhook_status', error_params: { status: 503 }, status_code: 503 });
    } finally {
      await hook.close();
    }
  });

  it('keep their secret through an APP_SECRET rotation (npm run secrets:rotate)', async () => {
    const { owner, automation } = await workspaceWithHook('https://hooks.example.com/x');
    const old = new SecretBox('automations: old secret of thirty-two chars');
    const secret = await automationWebhookSecret(new Tenant(t.runtime.db, owner.workspaceId), old, automation.id);
    const rotating = new SecretBox('automations: new secret of thirty-two chars', ['automations: old secret of thirty-two chars']);
    expect((await rotateAutomationWebhookSecrets(t.runtime.db, rotating)).rewritten).toBeGreaterThanOrEqual(1);
    const fresh = new SecretBox('automations: new secret of thirty-two chars');
    expect(await automationWebhookSecret(new Tenant(t.runtime.db, owner.workspaceId), fresh, automation.id)).toBe(secret);
  });
});
