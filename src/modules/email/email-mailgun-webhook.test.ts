import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import { classifyMailgunEvent, sendIdOfMessageId } from './email-mailgun-webhook.js';

// Mailgun's bounce and complaint webhooks on the public server, against the real database: a campaign is sent into
// the outbox (no SMTP here), then Mailgun's signed events about its messages are posted as Mailgun would.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: 'https://pages.example.test' });
});
afterAll(() => t.close());

const BASE = '/api/marketing/email-campaigns';
const KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';

type TSent = { ws: SignedUp; campaignId: string; sends: Map<string, string>; leads: Map<string, string> };

/** A workspace with a Mailgun signing key and a campaign sent to `people` (each an address): its message ids by address. */
async function sentCampaign(people: string[], key: string | null = KEY): Promise<TSent> {
  const ws = await signUp(t.app);
  expect((await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
  if (key) {
    const saved = await ws.client.request({ method: 'PUT', url: '/api/workspace/credentials/mailgun', payload: { webhook_signing_key: key } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().fields.webhook_signing_key).not.toContain(key.slice(0, 10));
  }
  const leads = new Map<string, string>();
  for (const email of people) {
    const res = await ws.client.post('/api/marketing/leads', { email });
    expect(res.statusCode, res.body).toBe(201);
    leads.set(email, res.json().id);
  }
  const campaign = await ws.client.post(BASE, {
    name: 'Newsletter',
    subject: 'Bonjour',
    html_content: '<p>Bonjour</p><p>{{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>',
  });
  expect(campaign.statusCode, campaign.body).toBe(201);
  const campaignId = campaign.json().id as string;
  expect((await ws.client.post(`${BASE}/${campaignId}/send`, {})).statusCode).toBe(202);
  await t.drain();
  const recipients = (await ws.client.get(`${BASE}/${campaignId}/report/recipients?limit=200`)).json().items as { id: string; email: string; status: string }[];
  expect(recipients.map((r) => r.status)).toEqual(people.map(() => 'sent'));
  return { ws, campaignId, sends: new Map(recipients.map((r) => [r.email, r.id])), leads };
}

let tokens = 0;

/** A webhook as Mailgun posts it, signed with `key` (the message id as Mailgun quotes ours: no angle brackets). */
function webhook(
  event: Record<string, unknown>,
  options: { key?: string; timestamp?: number; token?: string; messageId?: string; sendId?: string } = {},
): Record<string, unknown> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  tokens += 1;
  const token = options.token ?? `${Date.now().toString(36)}${tokens}`.padEnd(50, 'x');
  const signature = createHmac('sha256', options.key ?? KEY)
    .update(`${timestamp}${token}`)
    .digest('hex');
  const messageId = options.messageId ?? `${options.sendId}@atelier.example.fr`;
  return {
    signature: { timestamp, token, signature },
    'event-data': {
      id: 'CPgfbmQMTCKtHW6uIWtuVe',
      timestamp: Number(timestamp) + 0.5,
      'log-level': 'error',
      recipient: 'someone@exemple.fr',
      message: { headers: { to: 'someone@exemple.fr', 'message-id': messageId, from: 'Atelier <news@atelier.example.fr>', subject: 'Bonjour' } },
      ...event,
    },
  };
}

const permanent = {
  event: 'failed',
  severity: 'permanent',
  reason: 'bounce',
  'delivery-status': { code: 550, message: '5.1.1 The email account that you tried to reach does not exist', description: '', 'attempt-no': 1 },
};
const temporary = { event: 'failed', severity: 'temporary', reason: 'generic', 'delivery-status': { code: 452, message: '4.2.2 Mailbox full' } };
const complained = { event: 'complained' };

function post(workspaceId: string, payload: unknown) {
  return t.publicApp.inject({ method: 'POST', url: `/e/webhooks/mailgun/${workspaceId}`, payload: payload as object });
}

async function campaignOf(sent: TSent) {
  return (await sent.ws.client.get(`${BASE}/${sent.campaignId}`)).json();
}

async function suppressions(sent: TSent): Promise<[string, string][]> {
  const items = (await sent.ws.client.get('/api/marketing/email-suppressions')).json().items as { email: string; reason: string }[];
  return items.map((s) => [s.email, s.reason] as [string, string]).sort();
}

async function eventTypes(sent: TSent, email: string): Promise<string[]> {
  const events = (await sent.ws.client.get(`/api/marketing/leads/${sent.leads.get(email)}/events`)).json();
  return (events.items ?? events).map((e: { event_type: string }) => e.event_type);
}

function addresses(...who: string[]) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return who.map((w) => `${w}-${tag}@exemple.fr`);
}

describe('Mailgun webhooks', () => {
  it('records a permanent failure as a hard bounce, a temporary one as a soft bounce, a complaint as a complaint', async () => {
    const [gone, full, angry, fine] = addresses('gone', 'full', 'angry', 'fine') as [string, string, string, string];
    const sent = await sentCampaign([gone, full, angry, fine]);
    const ws = sent.ws.workspaceId;

    const hard = await post(ws, webhook(permanent, { sendId: sent.sends.get(gone) }));
    expect(hard.statusCode, hard.body).toBe(200);
    expect(hard.json()).toEqual({ result: 'recorded' });
    // Message-IDs with their angle brackets, as the header carries them, name the message too.
    expect((await post(ws, webhook(temporary, { messageId: `<${sent.sends.get(full)}@atelier.example.fr>` }))).json()).toEqual({ result: 'recorded' });
    expect((await post(ws, webhook(complained, { sendId: sent.sends.get(angry) }))).json()).toEqual({ result: 'recorded' });
    // What we track ourselves (delivered, opened, clicked...) is ignored.
    for (const event of ['delivered', 'opened', 'clicked', 'accepted', 'unsubscribed'])
      expect((await post(ws, webhook({ event }, { sendId: sent.sends.get(fine) }))).json()).toEqual({ result: 'ignored' });

    expect(await campaignOf(sent)).toMatchObject({ total_sent: 4, total_delivered: 3, total_bounced: 1, total_complained: 1 });
    const report = (await sent.ws.client.get(`${BASE}/${sent.campaignId}/report`)).json();
    expect(report).toMatchObject({ bounces: { hard: 1, soft: 1 }, complained: 1 });
    const recipients = (await sent.ws.client.get(`${BASE}/${sent.campaignId}/report/recipients`)).json().items as {
      email: string;
      status: string;
      bounce_type: string | null;
      error: string | null;
    }[];
    const byEmail = new Map(recipients.map((r) => [r.email, r]));
    expect(byEmail.get(gone)).toMatchObject({ status: 'bounced', bounce_type: 'hard' });
    expect(byEmail.get(gone)!.error).toMatch(/^Mailgun permanent failure: 550 5\.1\.1 The email account/);
    expect(byEmail.get(full)).toMatchObject({ status: 'sent', bounce_type: 'soft' });
    expect(byEmail.get(fine)).toMatchObject({ status: 'sent', bounce_type: null });
    // A soft bounce alone suppresses nothing (three in 30 days do); a hard bounce and a complaint do.
    expect(await suppressions(sent)).toEqual(
      [
        [angry, 'complaint'],
        [gone, 'hard_bounce'],
      ].sort(),
    );
    expect(await eventTypes(sent, gone)).toContain('email_bounced');
    expect(await eventTypes(sent, full)).toContain('email_bounced');
    expect(await eventTypes(sent, angry)).toContain('email_complained');
    expect((await sent.ws.client.get(`/api/marketing/leads/${sent.leads.get(angry)}`)).json().unsubscribed_at).not.toBeNull();
  });

  it('counts a webhook delivered twice once, whether its token is replayed or Mailgun sends the event again', async () => {
    const [gone, angry] = addresses('gone', 'angry') as [string, string];
    const sent = await sentCampaign([gone, angry]);
    const ws = sent.ws.workspaceId;
    const body = webhook(permanent, { sendId: sent.sends.get(gone) });
    expect((await post(ws, body)).json()).toEqual({ result: 'recorded' });
    // The same request again (the same token): nothing done.
    const replay = await post(ws, body);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ result: 'replayed' });
    // The token with another body (the signature covers only timestamp and token): refused the same way.
    const forged = { ...webhook(complained, { sendId: sent.sends.get(angry) }), signature: (body as { signature: unknown }).signature };
    expect((await post(ws, forged)).json()).toEqual({ result: 'replayed' });
    // The same event in a new delivery (a new token): recorded once all the same.
    expect((await post(ws, webhook(permanent, { sendId: sent.sends.get(gone) }))).json()).toEqual({ result: 'recorded' });
    // Twice at once (two processes): one records it, the other finds its token taken.
    const twice = webhook(complained, { sendId: sent.sends.get(angry) });
    const answers = await Promise.all([post(ws, twice), post(ws, twice)]);
    expect(answers.map((a) => a.json().result).sort()).toEqual(['recorded', 'replayed']);
    expect((await post(ws, webhook(complained, { sendId: sent.sends.get(angry) }))).statusCode).toBe(200);
    expect(await campaignOf(sent)).toMatchObject({ total_delivered: 1, total_bounced: 1, total_complained: 1 });
    expect((await eventTypes(sent, gone)).filter((e) => e === 'email_bounced')).toHaveLength(1);
    expect((await eventTypes(sent, angry)).filter((e) => e === 'email_complained')).toHaveLength(1);
    expect(await suppressions(sent)).toEqual(
      [
        [angry, 'complaint'],
        [gone, 'hard_bounce'],
      ].sort(),
    );
  });

  it('refuses a bad signature or an old timestamp with 406 (Mailgun stops retrying) and records nothing', async () => {
    const [gone] = addresses('gone') as [string];
    const sent = await sentCampaign([gone]);
    const ws = sent.ws.workspaceId;
    const sendId = sent.sends.get(gone);
    const wrongKey = await post(ws, webhook(permanent, { sendId, key: 'key-of-someone-else' }));
    expect(wrongKey.statusCode).toBe(406);
    expect(wrongKey.json()).toMatchObject({ status: 406, type: 'urn:problem:invalid_signature' });
    const tampered = webhook(permanent, { sendId }) as { signature: { timestamp: string } };
    tampered.signature.timestamp = String(Number(tampered.signature.timestamp) + 1);
    expect((await post(ws, tampered)).statusCode).toBe(406);
    const notHex = webhook(permanent, { sendId }) as { signature: { signature: string } };
    notHex.signature.signature = 'not a signature';
    expect((await post(ws, notHex)).statusCode).toBe(406);
    const now = Math.floor(Date.now() / 1000);
    const old = await post(ws, webhook(permanent, { sendId, timestamp: now - 16 * 60 }));
    expect(old.statusCode).toBe(406);
    expect(old.json()).toMatchObject({ type: 'urn:problem:stale_timestamp' });
    expect((await post(ws, webhook(permanent, { sendId, timestamp: now + 16 * 60 }))).statusCode).toBe(406);
    expect(await campaignOf(sent)).toMatchObject({ total_delivered: 1, total_bounced: 0 });
    expect(await suppressions(sent)).toEqual([]);
    expect(await eventTypes(sent, gone)).not.toContain('email_bounced');
    // Within the window (signed 14 minutes ago): accepted.
    expect((await post(ws, webhook(permanent, { sendId, timestamp: now - 14 * 60 }))).json()).toEqual({ result: 'recorded' });
  });

  it("ignores another workspace's message and messages that are not ours (200, so Mailgun does not retry)", async () => {
    const [mine] = addresses('mine') as [string];
    const [theirs] = addresses('theirs') as [string];
    const a = await sentCampaign([mine]);
    const b = await sentCampaign([theirs], 'key-of-workspace-b');
    // B's valid webhook naming A's message, on B's URL: ignored, and A's message is untouched.
    const foreign = await post(b.ws.workspaceId, webhook(permanent, { key: 'key-of-workspace-b', sendId: a.sends.get(mine) }));
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toEqual({ result: 'ignored' });
    // A's key posted on B's URL does not verify there.
    expect((await post(b.ws.workspaceId, webhook(permanent, { sendId: a.sends.get(mine) }))).statusCode).toBe(406);
    // Someone else's Message-ID (not one of ours), or none, or a send id that does not exist: ignored.
    for (const messageId of ['20260203192638.000be97f99f8cea1@sample.mailgun.com', '', '00000000-0000-4000-8000-000000000000@x.example'])
      expect((await post(a.ws.workspaceId, webhook(permanent, { messageId }))).json()).toEqual({ result: 'ignored' });
    expect(await campaignOf(a)).toMatchObject({ total_delivered: 1, total_bounced: 0 });
    expect(await suppressions(a)).toEqual([]);
  });

  it('answers 404 without a Mailgun credential, 400 to a malformed body, 413 to a body over 64 KB', async () => {
    const [someone] = addresses('someone') as [string];
    const sent = await sentCampaign([someone], null);
    const ws = sent.ws.workspaceId;
    const none = await post(ws, webhook(permanent, { sendId: sent.sends.get(someone) }));
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ status: 404, type: 'urn:problem:not_found' });
    expect((await post('00000000-0000-4000-8000-000000000000', webhook(permanent, { sendId: sent.sends.get(someone) }))).statusCode).toBe(404);

    const withKey = await sentCampaign([someone.replace('someone', 'other')]);
    const url = withKey.ws.workspaceId;
    expect((await post(url, {})).statusCode).toBe(400);
    expect((await post(url, { signature: { timestamp: 'yesterday', token: 'x', signature: 'y' }, 'event-data': { event: 'failed' } })).statusCode).toBe(400);
    expect((await post(url, { signature: { timestamp: '1', token: 'x', signature: 'y' } })).statusCode).toBe(400);
    const notJson = await t.publicApp.inject({
      method: 'POST',
      url: `/e/webhooks/mailgun/${url}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"signature":',
    });
    expect(notJson.statusCode).toBe(400);
    expect((await t.publicApp.inject({ method: 'POST', url: '/e/webhooks/mailgun/not-a-workspace', payload: webhook(complained) })).statusCode).toBe(400);
    const huge = webhook({ event: 'delivered', padding: 'x'.repeat(70 * 1024) });
    expect((await post(url, huge)).statusCode).toBe(413);
  });
});

describe('reading Mailgun events', () => {
  it('maps failed/permanent, failed/temporary and complained, and nothing else', () => {
    expect(classifyMailgunEvent({ ...permanent })).toMatchObject({ kind: 'hard' });
    expect(classifyMailgunEvent({ ...temporary })).toEqual({ kind: 'soft', detail: 'Mailgun temporary failure: 452 4.2.2 Mailbox full' });
    expect(
      classifyMailgunEvent({
        event: 'failed',
        severity: 'permanent',
        reason: 'suppress-bounce',
        'delivery-status': { code: 605, message: '', description: 'Not delivering to previously bounced address' },
      }),
    ).toEqual({
      kind: 'hard',
      detail: 'Mailgun permanent failure: 605 Not delivering to previously bounced address',
    });
    expect(classifyMailgunEvent({ event: 'complained' })).toMatchObject({ kind: 'complaint' });
    expect(classifyMailgunEvent({ event: 'failed' })).toEqual({ kind: 'none' });
    expect(classifyMailgunEvent({ event: 'delivered' })).toEqual({ kind: 'none' });
  });

  it('reads our send id from a Message-ID, with or without angle brackets, and nothing else', () => {
    const id = '0192f3a4-5b6c-7d8e-9f01-23456789abcd';
    expect(sendIdOfMessageId(`${id}@atelier.example.fr`)).toBe(id);
    expect(sendIdOfMessageId(`<${id.toUpperCase()}@atelier.example.fr>`)).toBe(id);
    expect(sendIdOfMessageId('20260203192638.000be97f99f8cea1@sample.mailgun.com')).toBeNull();
    expect(sendIdOfMessageId(`${id}@a@b`)).toBeNull();
    expect(sendIdOfMessageId(`x${id}@a.example`)).toBeNull();
    expect(sendIdOfMessageId(undefined)).toBeNull();
  });
});
