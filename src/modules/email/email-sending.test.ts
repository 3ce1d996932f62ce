import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';

// The sending engine end to end against a real SMTP server on loopback: recipients resolved once, personalized
// messages with their compliance headers and tracked links, opens, clicks and one-click unsubscribe through the
// public server, 4xx retried and 5xx bounced (and suppressed), and what a send requires first.

type TReceived = { mail: ParsedMail; raw: string; envelopeTo: string[]; envelopeFrom: string };
const received: TReceived[] = [];
/** Addresses the SMTP server refuses at RCPT TO, with the code it answers. */
const refuse = new Map<string, number>();
let smtp: SMTPServer;
let t: TestContext;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address.toLowerCase());
      if (!code) return callback();
      callback(Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then((mail) => {
          received.push({
            mail,
            raw,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, PUBLIC_URL: 'https://pages.example.test' });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});
beforeEach(() => {
  refuse.clear();
});

const BASE = '/api/marketing/email-campaigns';
const HTML = `<h1>Bonjour {{ lead.first_name | default: "ami" }}</h1>
<p>Votre entreprise : {{ custom.entreprise | default: lead.company }}</p>
<p><a href="https://atelier.example.fr/offre?src=mail&amp;x=1">Voir l'offre</a> <a href="mailto:bonjour@atelier.example.fr">Écrire</a></p>
<p>{{ workspace.postal_address }} · <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;

async function workspaceWithLeads(leads: Record<string, unknown>[]) {
  const ws = await signUp(t.app);
  expect((await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
  const field = await ws.client.post('/api/marketing/custom-fields', { key: 'entreprise', label: 'Entreprise', field_type: 'text' });
  expect(field.statusCode, field.body).toBe(201);
  const ids: string[] = [];
  for (const lead of leads) {
    const res = await ws.client.post('/api/marketing/leads', lead);
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  return { ws, ids };
}

async function draft(ws: SignedUp, body: Record<string, unknown> = {}) {
  const res = await ws.client.post(BASE, {
    name: 'Newsletter de décembre',
    subject: 'Bonjour {{ lead.first_name | default: "ami" }}',
    preheader: 'Nos nouveautés',
    html_content: HTML,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function sendAndDrain(ws: SignedUp, id: string) {
  const res = await ws.client.post(`${BASE}/${id}/send`, {});
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().status).toBe('active');
  await t.drain();
  return (await ws.client.get(`${BASE}/${id}`)).json();
}

function mailsTo(address: string): TReceived[] {
  return received.filter((r) => r.envelopeTo.includes(address));
}

function linkIn(html: string, pattern: RegExp): string {
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern}`).toBeDefined();
  return href!;
}

function publicPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

describe('sending a campaign', () => {
  it('sends one personalized message per mailable lead, with compliance headers and tracked links, then completes', async () => {
    const tag = Date.now().toString(36);
    const ada = `ada-${tag}@exemple.fr`;
    const bruno = `bruno-${tag}@exemple.fr`;
    const { ws } = await workspaceWithLeads([
      { first_name: 'Ada', email: ada, company: 'Lovelace SARL' },
      { email: bruno },
      { first_name: 'Chloé', email: `chloe-${tag}@exemple.fr`, unsubscribed_at: '2026-11-01T10:00:00Z' },
      { first_name: 'Denis' },
    ]);
    const campaign = await draft(ws);
    expect((await ws.client.get(`${BASE}/${campaign.id}/recipients`)).json()).toMatchObject({ count: 2, excluded: { unsubscribed: 1, no_email: 1 } });
    const done = await sendAndDrain(ws, campaign.id);
    expect(done).toMatchObject({ status: 'completed', total_recipients: 2, total_sent: 2, total_delivered: 2, total_bounced: 0, canceled_at: null });
    expect(done.sent_at).not.toBeNull();

    const [toAda] = mailsTo(ada);
    expect(mailsTo(ada)).toHaveLength(1);
    expect(toAda!.mail.subject).toBe('Bonjour Ada');
    expect(toAda!.mail.html).toContain('<h1>Bonjour Ada</h1>');
    expect(toAda!.mail.html).toContain('Votre entreprise : Lovelace SARL');
    expect(toAda!.mail.html).toContain('Nos nouveautés');
    expect(toAda!.mail.text).toContain('Bonjour Ada');
    expect(toAda!.mail.text).toContain('12 rue des Lilas, 75011 Paris');
    expect(mailsTo(bruno)[0]!.mail.subject).toBe('Bonjour ami');
    // Compliance headers (RFC 8058, RFC 2919) and a stable Message-ID.
    const unsubscribeUrl = /^List-Unsubscribe: <([^>]+)>/m.exec(toAda!.raw)?.[1];
    expect(unsubscribeUrl).toMatch(/^https:\/\/pages\.example\.test\/e\/u\/[^/]+$/);
    expect(toAda!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // The mailto beside the URL, for mail clients that unsubscribe by writing (a signed address of the inbound listener).
    expect(toAda!.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(
      /^List-Unsubscribe: <https:\/\/pages\.example\.test\/e\/u\/[^>]+>, <mailto:unsubscribe\+[0-9a-f]{32}\.[0-9a-f]{16}@pages\.example\.test\?subject=unsubscribe>\r?$/m,
    );
    expect(toAda!.raw).toMatch(/^List-ID: "Test workspace" <[0-9a-f-]{36}\.list\.pages\.example\.test>/m);
    expect(toAda!.mail.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    // Links: http(s) ones tracked through the public server, mailto and the unsubscribe link as written.
    const html = toAda!.mail.html as string;
    expect(linkIn(html, /\/e\/c\//)).toMatch(/^https:\/\/pages\.example\.test\/e\/c\/[^/]+\/[0-9a-f-]{36}$/);
    expect(html).not.toContain('https://atelier.example.fr/offre');
    expect(html).toContain('mailto:bonjour@atelier.example.fr');
    expect(linkIn(html, /\/e\/u\//)).toBe(unsubscribeUrl);
    expect(html).toMatch(/<img src="https:\/\/pages\.example\.test\/e\/o\/[^"]+"/);

    // Sending it again is refused; its content can no longer change.
    expect((await ws.client.post(`${BASE}/${campaign.id}/send`, {})).statusCode).toBe(409);
    expect((await ws.client.patch(`${BASE}/${campaign.id}`, { subject: 'Autre' })).statusCode).toBe(409);
  });

  it('records opens and clicks (people apart from machines) and unsubscribes in one click', async () => {
    const tag = Date.now().toString(36);
    const ada = `ada-open-${tag}@exemple.fr`;
    const { ws, ids } = await workspaceWithLeads([{ first_name: 'Ada', email: ada }]);
    const campaign = await draft(ws, { name: 'Offre spéciale Noël' });
    await sendAndDrain(ws, campaign.id);
    const html = mailsTo(ada)[0]!.mail.html as string;
    const pixel = /<img src="([^"]+\/e\/o\/[^"]+)"/.exec(html)![1]!;
    const click = linkIn(html, /\/e\/c\//);
    const person = { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)' };

    // Apple's privacy prefetch (bare Mozilla/5.0) and a link scanner: recorded as machines.
    const prefetch = await t.publicApp.inject({ method: 'GET', url: publicPath(pixel), headers: { 'user-agent': 'Mozilla/5.0' } });
    expect(prefetch.statusCode).toBe(200);
    expect(prefetch.headers['content-type']).toBe('image/gif');
    const scanner = await t.publicApp.inject({ method: 'GET', url: publicPath(click), headers: { 'user-agent': 'Barracuda Sentinel (EE)' } });
    expect(scanner.statusCode).toBe(302);
    // Then the person: two opens, one click.
    await t.publicApp.inject({ method: 'GET', url: publicPath(pixel), headers: person });
    await t.publicApp.inject({ method: 'GET', url: publicPath(pixel), headers: person });
    await new Promise((resolve) => setTimeout(resolve, 3100)); // past the scanner window after the send
    const human = await t.publicApp.inject({ method: 'GET', url: publicPath(click), headers: person });
    expect(human.statusCode).toBe(302);
    const destination = new URL(human.headers.location as string);
    expect(`${destination.origin}${destination.pathname}`).toBe('https://atelier.example.fr/offre');
    expect(Object.fromEntries(destination.searchParams)).toEqual({
      src: 'mail',
      x: '1',
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_campaign: 'offre-speciale-noel',
    });

    const report = (await ws.client.get(`${BASE}/${campaign.id}/report`)).json();
    expect(report).toMatchObject({
      sent: 1,
      delivered: 1,
      opens: { unique: 1, total: 2, machine: 1 },
      clicks: { unique: 1, total: 1, machine: 1 },
      open_rate: 1,
      click_rate: 1,
      links: [{ url: 'https://atelier.example.fr/offre?src=mail&x=1', clicks: 1, unique_clicks: 1 }],
    });
    expect(report.timeline.reduce((sum: number, h: { opens: number }) => sum + h.opens, 0)).toBe(2);
    const events = (await ws.client.get(`/api/marketing/leads/${ids[0]}/events`)).json();
    const types = (events.items ?? events).map((e: { event_type: string }) => e.event_type);
    expect(types.filter((type: string) => type === 'email_opened')).toHaveLength(1);
    expect(types.filter((type: string) => type === 'email_clicked')).toHaveLength(1);

    // A forged token or a link of another campaign: 404, no redirect.
    const forged = click.replace(/\/e\/c\/([0-9a-f-]{36})\.[^/]+\//, '/e/c/$1.AAAAAAAAAAAAAAAA/');
    expect((await t.publicApp.inject({ method: 'GET', url: publicPath(forged), headers: person })).statusCode).toBe(404);

    // One-click unsubscribe (RFC 8058): a POST with the form body, no page, no cookie.
    const unsubscribe = linkIn(html, /\/e\/u\//);
    const oneClick = await t.publicApp.inject({
      method: 'POST',
      url: publicPath(unsubscribe),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.headers['set-cookie']).toBeUndefined();
    const lead = (await ws.client.get(`/api/marketing/leads/${ids[0]}`)).json();
    expect(lead.unsubscribed_at).not.toBeNull();
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ total_unsubscribed: 1, total_opened: 1, total_clicked: 1 });
    const page = await t.publicApp.inject({ method: 'GET', url: publicPath(unsubscribe), headers: { 'accept-language': 'fr-FR' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("vous ne recevrez plus d'e-mails");
    expect(page.body).toContain('Me réinscrire');
    const back = await t.publicApp.inject({
      method: 'POST',
      url: publicPath(unsubscribe),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: 'choice=resubscribe',
    });
    expect(back.body).toContain('de nouveau inscrit');
    expect((await ws.client.get(`/api/marketing/leads/${ids[0]}`)).json().unsubscribed_at).toBeNull();
  });

  it('retries a 4xx later, bounces a 5xx and never mails that address again', async () => {
    const tag = Date.now().toString(36);
    const busy = `busy-${tag}@exemple.fr`;
    const gone = `gone-${tag}@exemple.fr`;
    const { ws } = await workspaceWithLeads([{ email: busy }, { email: gone }, { email: `ok-${tag}@exemple.fr` }]);
    refuse.set(busy, 451);
    refuse.set(gone, 550);
    const campaign = await draft(ws);
    const after = await sendAndDrain(ws, campaign.id);
    expect(after).toMatchObject({ status: 'active', total_sent: 2, total_delivered: 1, total_bounced: 1 });
    const waiting = (await ws.client.get(`${BASE}/${campaign.id}/report/recipients?state=queued`)).json();
    expect(waiting.items).toEqual([expect.objectContaining({ email: busy, status: 'queued', error: expect.stringMatching(/^451/) })]);
    // The retry's time comes: the server accepts now.
    refuse.delete(busy);
    await t.runtime.database.raw.query(`UPDATE email_sends SET next_attempt_at = now() WHERE campaign_id = $1 AND status = 'queued'`, [campaign.id]);
    await t.runtime.queue.send((await import('./email-sending.jobs.js')).campaignSenderJob, { campaign_id: campaign.id, slot: 9 });
    await t.drain();
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ status: 'completed', total_sent: 3, total_delivered: 2, total_bounced: 1 });
    expect(mailsTo(busy)).toHaveLength(1);
    expect(mailsTo(gone)).toHaveLength(0);
    const report = (await ws.client.get(`${BASE}/${campaign.id}/report`)).json();
    expect(report.bounces).toEqual({ hard: 1, soft: 0 });
    // The bounced address is suppressed: the next campaign leaves it out.
    const next = await draft(ws);
    expect((await ws.client.get(`${BASE}/${next.id}/recipients`)).json()).toMatchObject({ count: 2, excluded: { bounced: 1 } });
  });

  it('refuses a send that is not ready, naming every missing piece', async () => {
    const ws = await signUp(t.app);
    const campaign = await draft(ws, { html_content: '<p>Bonjour {{ lead.prenom }} {{ custom.inconnu }}</p>', from_email: 'news@ailleurs.example' });
    const res = await ws.client.post(`${BASE}/${campaign.id}/send`, {});
    expect(res.statusCode).toBe(400);
    const codes = res.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
    expect(codes).toEqual([
      'body.html_content:unknown_merge_field',
      'body.html_content:unknown_merge_field',
      'body.html_content:unsubscribe_link_missing',
      'workspace.postal_address:postal_address_missing',
      'body.from_email:sender_not_allowed',
    ]);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json().status).toBe('draft');
    expect((await ws.client.post(`${BASE}/${campaign.id}/schedule`, { scheduled_at: new Date(Date.now() + 3_600_000).toISOString() })).statusCode).toBe(400);
  });

  it('previews exactly what a lead would get, and sends test messages', async () => {
    const tag = Date.now().toString(36);
    const { ws, ids } = await workspaceWithLeads([{ first_name: 'Ada', email: `ada-preview-${tag}@exemple.fr` }]);
    const campaign = await draft(ws);
    const sample = (await ws.client.post(`${BASE}/${campaign.id}/preview`, {})).json();
    expect(sample.subject).toBe('Bonjour Marie');
    const asAda = (await ws.client.post(`${BASE}/${campaign.id}/preview`, { lead_id: ids[0] })).json();
    expect(asAda.subject).toBe('Bonjour Ada');
    expect(asAda.html).toContain('https://atelier.example.fr/offre?src=mail&amp;x=1');
    expect(asAda.html).toContain('https://pages.example.test/e/u/preview');
    expect(asAda.text).toContain('12 rue des Lilas');
    const tester = `test-${tag}@exemple.fr`;
    expect((await ws.client.post(`${BASE}/${campaign.id}/test`, { emails: [tester], lead_id: ids[0] })).statusCode).toBe(202);
    expect((await ws.client.post(`${BASE}/${campaign.id}/test`, { emails: Array.from({ length: 6 }, (_, i) => `t${i}@exemple.fr`) })).statusCode).toBe(400);
    await t.drain();
    expect(mailsTo(tester).map((r) => r.mail.subject)).toEqual(['[Test] Bonjour Ada']);
    // A preview or a test send is not a send.
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ status: 'draft', total_sent: 0 });
  });

  it('schedules, pauses, resumes and cancels, each once', async () => {
    const tag = Date.now().toString(36);
    const { ws } = await workspaceWithLeads([{ email: `a-${tag}@exemple.fr` }, { email: `b-${tag}@exemple.fr` }]);
    const campaign = await draft(ws);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await ws.client.post(`${BASE}/${campaign.id}/schedule`, { scheduled_at: at });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduled_at: at });
    expect((await ws.client.post(`${BASE}/${campaign.id}/schedule`, { scheduled_at: new Date().toISOString() })).statusCode).toBe(400);
    expect((await ws.client.post(`${BASE}/${campaign.id}/pause`, {})).statusCode).toBe(409);
    // Its minute comes: the scheduler starts it.
    await t.runtime.database.raw.query(`UPDATE email_campaigns SET scheduled_at = now() - interval '1 second' WHERE id = $1`, [campaign.id]);
    const { runEmailScheduler } = await import('./email-send.service.js');
    await runEmailScheduler(t.runtime);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json().status).toBe('active');
    // Paused before any sender ran: nothing goes out until it resumes.
    expect((await ws.client.post(`${BASE}/${campaign.id}/pause`, {})).json().status).toBe('paused');
    await t.drain();
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ status: 'paused', total_sent: 0 });
    expect((await ws.client.post(`${BASE}/${campaign.id}/resume`, {})).json().status).toBe('active');
    await t.drain();
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ status: 'completed', total_sent: 2 });
    expect((await ws.client.post(`${BASE}/${campaign.id}/cancel`, {})).statusCode).toBe(409);

    // Canceled midway: what was sent stays, the rest is marked canceled (here the server answers 451 to one address).
    const third = `c-${tag}@exemple.fr`;
    await ws.client.post('/api/marketing/leads', { email: third });
    refuse.set(third, 451);
    const second = await draft(ws);
    await ws.client.post(`${BASE}/${second.id}/send`, {});
    await t.drain();
    expect((await ws.client.get(`${BASE}/${second.id}`)).json()).toMatchObject({ status: 'active', total_sent: 2 });
    const canceled = (await ws.client.post(`${BASE}/${second.id}/cancel`, {})).json();
    expect(canceled).toMatchObject({ status: 'completed', total_sent: 2 });
    expect(canceled.canceled_at).not.toBeNull();
    expect((await ws.client.get(`${BASE}/${second.id}/report`)).json()).toMatchObject({ canceled: true, canceled_messages: 1, sent: 2, queued: 0 });
  });

  it('takes back the messages a dead worker left claimed, once they are stale', async () => {
    const tag = Date.now().toString(36);
    const emails = Array.from({ length: 6 }, (_, i) => `stale-${i}-${tag}@exemple.fr`);
    const { ws } = await workspaceWithLeads(emails.map((email) => ({ email })));
    const campaign = await draft(ws);
    await ws.client.post(`${BASE}/${campaign.id}/send`, {});
    const { resolveCampaignRecipientsJob } = await import('./email-sending.jobs.js');
    await resolveCampaignRecipientsJob.handler({ campaign_id: campaign.id }, t.runtime);
    // A worker claimed three and died before any SMTP call: they stay `sending` until stale (90 s by default).
    await t.runtime.database.raw.query(
      `UPDATE email_sends SET status = 'sending', claimed_at = now(), attempts = 1 WHERE id IN (SELECT id FROM email_sends WHERE campaign_id = $1 ORDER BY id LIMIT 3)`,
      [campaign.id],
    );
    const { runCampaignSender } = await import('./email-sender.js');
    expect(await runCampaignSender(t.runtime, campaign.id, { budgetMs: 10_000 })).toMatchObject({ kind: 'later' });
    expect(emails.filter((e) => mailsTo(e).length === 1)).toHaveLength(3);
    await t.runtime.database.raw.query(`UPDATE email_sends SET claimed_at = now() - interval '91 seconds' WHERE campaign_id = $1 AND status = 'sending'`, [
      campaign.id,
    ]);
    expect(await runCampaignSender(t.runtime, campaign.id, { budgetMs: 10_000 })).toEqual({ kind: 'finished' });
    expect(emails.map((e) => mailsTo(e).length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ status: 'completed', total_sent: 6, total_delivered: 6 });
  });

  it.runIf(process.env.TEST_DB === 'postgres')('shares one campaign between several senders at once with no message twice', async () => {
    const tag = Date.now().toString(36);
    const emails = Array.from({ length: 120 }, (_, i) => `many-${i}-${tag}@exemple.fr`);
    const { ws } = await workspaceWithLeads(emails.map((email) => ({ email })));
    const campaign = await draft(ws);
    await ws.client.post(`${BASE}/${campaign.id}/send`, {});
    const { resolveCampaignRecipientsJob } = await import('./email-sending.jobs.js');
    await resolveCampaignRecipientsJob.handler({ campaign_id: campaign.id }, t.runtime);
    const { runCampaignSender } = await import('./email-sender.js');
    // Four senders on four connections of the pool, as four worker processes would.
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => runCampaignSender(t.runtime, campaign.id, { budgetMs: 30_000 })));
    // Each stops when nothing is left to claim: the last one completes the campaign, the others saw messages in flight.
    expect(outcomes.filter((o) => o.kind === 'finished').length).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((o) => o.kind === 'finished' || o.kind === 'later')).toBe(true);
    expect(emails.map((e) => mailsTo(e).length).filter((n) => n !== 1)).toEqual([]);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({
      status: 'completed',
      total_recipients: 120,
      total_sent: 120,
      total_delivered: 120,
    });
  });

  it('keeps a suppression list members can add to and restore from, and sums up subscriptions', async () => {
    const tag = Date.now().toString(36);
    const { ws } = await workspaceWithLeads([
      { email: `sub-${tag}@exemple.fr` },
      { email: `unsub-${tag}@exemple.fr`, unsubscribed_at: '2026-11-01T10:00:00Z' },
      { first_name: 'Sans' },
    ]);
    const blocked = await ws.client.post('/api/marketing/email-suppressions', { email: `Sub-${tag}@Exemple.fr`, detail: 'demandé par téléphone' });
    expect(blocked.statusCode, blocked.body).toBe(201);
    expect(blocked.json()).toMatchObject({ email: `sub-${tag}@exemple.fr`, reason: 'manual', detail: 'demandé par téléphone' });
    const again = await ws.client.post('/api/marketing/email-suppressions', { email: `sub-${tag}@exemple.fr` });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe('already_suppressed');
    expect((await ws.client.get('/api/marketing/email-subscriptions')).json()).toEqual({
      leads: 3,
      subscribed: 1,
      unsubscribed: 1,
      no_email: 1,
      suppressed: { hard_bounce: 0, soft_bounces: 0, complaint: 0, manual: 1 },
    });
    const campaign = await draft(ws);
    expect((await ws.client.get(`${BASE}/${campaign.id}/recipients`)).json()).toMatchObject({
      count: 0,
      excluded: { suppressed: 1, unsubscribed: 1, no_email: 1 },
    });
    // Another workspace cannot restore it; its own members can.
    const other = await signUp(t.app);
    expect((await other.client.delete(`/api/marketing/email-suppressions/${blocked.json().id}`)).statusCode).toBe(404);
    expect((await ws.client.delete(`/api/marketing/email-suppressions/${blocked.json().id}`)).statusCode).toBe(204);
    expect((await ws.client.get('/api/marketing/email-suppressions')).json().items).toEqual([]);
    expect((await ws.client.get(`${BASE}/${campaign.id}/recipients`)).json().count).toBe(1);
  });

  it('resolves an audience larger than one step, in keyset steps, each recipient once', async () => {
    const { ws } = await workspaceWithLeads([]);
    // 4,500 leads (several resolution steps on either database), a third of them tagged vip, every tenth unsubscribed.
    await t.runtime.database.raw.query(
      `INSERT INTO leads (workspace_id, email, tags, unsubscribed_at)
       SELECT $1, 'step' || g || '@exemple.fr', CASE WHEN g % 3 = 0 THEN ARRAY['vip'] ELSE ARRAY[]::text[] END,
              CASE WHEN g % 10 = 0 THEN now() END
       FROM generate_series(1, 4500) AS g`,
      [ws.workspaceId],
    );
    const campaign = await draft(ws, { segment_rules: { op: 'and', rules: [{ field: 'tags', operator: 'contains', value: 'vip' }] } });
    const expected = (await ws.client.get(`${BASE}/${campaign.id}/recipients`)).json().count as number;
    expect(expected).toBe(1350); // 1,500 vip less the 150 of them unsubscribed (g % 30 = 0)
    expect((await ws.client.post(`${BASE}/${campaign.id}/send`, {})).statusCode).toBe(202);
    const { resolveCampaignRecipientsJob } = await import('./email-sending.jobs.js');
    await resolveCampaignRecipientsJob.handler({ campaign_id: campaign.id }, t.runtime);
    const { rows } = await t.runtime.database.raw.query<{ n: number; distinct_leads: number; resolved: boolean }>(
      `SELECT count(*)::int AS n, count(DISTINCT lead_id)::int AS distinct_leads,
              (SELECT recipients_resolved_at IS NOT NULL FROM email_campaigns WHERE id = $1) AS resolved
       FROM email_sends WHERE campaign_id = $1`,
      [campaign.id],
    );
    expect(rows[0]).toEqual({ n: 1350, distinct_leads: 1350, resolved: true });
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json().total_recipients).toBe(1350);
  });

  it('reads bounce and complaint reports sent to each message’s envelope address by the inbound listener', async () => {
    const { startInboundServer } = await import('../../platform/mail/inbound-server.js');
    const { acceptsInboundAddress, inboundMailHandler } = await import('./email-bounces.service.js');
    const inbound = await startInboundServer({
      port: 0,
      host: '127.0.0.1',
      log: t.runtime.log,
      accepts: acceptsInboundAddress(t.runtime),
      handle: inboundMailHandler(t.runtime),
    });
    const tag = Date.now().toString(36);
    const [gone, soft, angry] = ['gone', 'soft', 'angry'].map((who) => `${who}-${tag}@exemple.fr`) as [string, string, string];
    const { ws, ids } = await workspaceWithLeads([{ email: gone }, { email: soft }, { email: angry }]);
    const campaign = await draft(ws);
    await sendAndDrain(ws, campaign.id);
    const envelope = (address: string) => mailsTo(address)[0]!.envelopeFrom;
    expect(envelope(gone)).toMatch(/^bounces\+[0-9a-f]{32}\.[0-9a-f]{16}@pages\.example\.test$/);
    const reporter = (await import('nodemailer')).default.createTransport({ host: '127.0.0.1', port: inbound.port, ignoreTLS: true });
    const report = (to: string, type: string, parts: string) =>
      reporter.sendMail({
        envelope: { from: '', to },
        raw: `From: Mail Delivery System <MAILER-DAEMON@mx.exemple.fr>\r\nTo: ${to}\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=${type}; boundary="R"\r\n\r\n--R\r\nContent-Type: text/plain\r\n\r\nThis is an automatic report.\r\n${parts}--R--\r\n`,
      });
    const dsn = (recipient: string, status: string, action: string) =>
      `--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.exemple.fr\r\n\r\nFinal-Recipient: rfc822; ${recipient}\r\nAction: ${action}\r\nStatus: ${status}\r\nDiagnostic-Code: smtp; ${status.startsWith('5') ? '550 5.1.1 User unknown' : '452 4.2.2 Mailbox full'}\r\n\r\n`;
    await report(envelope(gone), 'delivery-status', dsn(gone, '5.1.1', 'failed'));
    await report(envelope(soft), 'delivery-status', dsn(soft, '4.2.2', 'delayed'));
    // A complaint from a provider's feedback loop: to feedback@, naming the message by its Message-ID.
    const messageId = mailsTo(angry)[0]!.mail.messageId!;
    await report(
      'feedback@pages.example.test',
      'feedback-report',
      `--R\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: FBL/1.0\r\nVersion: 1\r\n\r\n--R\r\nContent-Type: message/rfc822\r\n\r\nMessage-ID: ${messageId}\r\nSubject: Bonjour\r\n\r\nBonjour\r\n`,
    );
    // A mail client unsubscribing through the List-Unsubscribe mailto: the lead is unsubscribed, counted once.
    const mailto = /<mailto:([^?>]+)\?subject=unsubscribe>/.exec(mailsTo(soft)[0]!.raw.replace(/\r?\n[ \t]+/g, ' '))![1]!;
    const request = { envelope: { from: soft, to: mailto }, raw: `From: ${soft}\r\nTo: ${mailto}\r\nSubject: unsubscribe\r\n\r\nunsubscribe\r\n` };
    await reporter.sendMail(request);
    await reporter.sendMail(request);
    // One with a signature that is not ours changes nothing.
    await reporter.sendMail({ ...request, envelope: { from: soft, to: mailto.replace(/\.[0-9a-f]{16}@/, '.0123456789abcdef@') } });
    // Replayed: counted once. Another address of ours that names no message, and a stranger's address: refused.
    await report(envelope(gone), 'delivery-status', dsn(gone, '5.1.1', 'failed'));
    await expect(report('someone@pages.example.test', 'delivery-status', dsn(gone, '5.1.1', 'failed'))).rejects.toThrow(/550/);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({
      total_sent: 3,
      total_delivered: 2,
      total_bounced: 1,
      total_complained: 1,
      total_unsubscribed: 1,
    });
    const reportJson = (await ws.client.get(`${BASE}/${campaign.id}/report`)).json();
    expect(reportJson).toMatchObject({ bounces: { hard: 1, soft: 1 }, complained: 1 });
    const suppressions = (await ws.client.get('/api/marketing/email-suppressions')).json().items as { email: string; reason: string }[];
    expect(suppressions.map((s) => [s.email, s.reason]).sort()).toEqual([
      [angry, 'complaint'],
      [gone, 'hard_bounce'],
    ]);
    expect((await ws.client.get(`/api/marketing/leads/${ids[2]}`)).json().unsubscribed_at).not.toBeNull();
    expect((await ws.client.get(`/api/marketing/leads/${ids[1]}`)).json().unsubscribed_at).not.toBeNull();
    expect((await ws.client.get(`/api/marketing/leads/${ids[0]}`)).json().unsubscribed_at).toBeNull();
    const events = (await ws.client.get(`/api/marketing/leads/${ids[0]}/events`)).json();
    expect((events.items ?? events).map((e: { event_type: string }) => e.event_type)).toContain('email_bounced');
    reporter.close();
    await inbound.close();
  });

  it("keeps to the workspace's throttle, and leaves links without UTM tags when asked", async () => {
    const tag = Date.now().toString(36);
    const emails = Array.from({ length: 5 }, (_, i) => `slow-${i}-${tag}@exemple.fr`);
    const { ws } = await workspaceWithLeads(emails.map((email) => ({ email })));
    const member = await ws.client.post('/api/workspace/api-keys', { name: 'm', role: 'member' });
    const { Client } = await import('../../../test/harness.js');
    expect((await new Client(t.app, { bearer: member.json().key }).patch('/api/marketing/email-settings', { max_per_minute: 2 })).statusCode).toBe(403);
    const saved = await ws.client.patch('/api/marketing/email-settings', { max_per_minute: 2, utm_enabled: false });
    expect(saved.json()).toMatchObject({ max_per_minute: 2, max_per_hour: null, utm_enabled: false });
    expect((await ws.client.patch('/api/marketing/email-settings', { max_per_minute: 0 })).statusCode).toBe(400);
    const campaign = await draft(ws);
    await ws.client.post(`${BASE}/${campaign.id}/send`, {});
    const { resolveCampaignRecipientsJob } = await import('./email-sending.jobs.js');
    await resolveCampaignRecipientsJob.handler({ campaign_id: campaign.id }, t.runtime);
    const { runCampaignSender } = await import('./email-sender.js');
    const first = await runCampaignSender(t.runtime, campaign.id, { budgetMs: 10_000 });
    expect(first.kind).toBe('later');
    const waitSeconds = first.kind === 'later' ? (first.at.getTime() - Date.now()) / 1000 : 0;
    expect(waitSeconds).toBeGreaterThan(50);
    expect(waitSeconds).toBeLessThanOrEqual(61);
    expect(emails.filter((e) => mailsTo(e).length === 1)).toHaveLength(2);
    // A minute passes (the claims move back): two more.
    await t.runtime.database.raw.query(`UPDATE email_sends SET claimed_at = claimed_at - interval '61 seconds' WHERE campaign_id = $1`, [campaign.id]);
    await runCampaignSender(t.runtime, campaign.id, { budgetMs: 10_000 });
    expect(emails.filter((e) => mailsTo(e).length === 1)).toHaveLength(4);
    // No UTM tags on this workspace's links.
    const html = mailsTo(emails.find((e) => mailsTo(e).length === 1)!)[0]!.mail.html as string;
    const click = linkIn(html, /\/e\/c\//);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const redirect = await t.publicApp.inject({
      method: 'GET',
      url: publicPath(click),
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' },
    });
    expect(redirect.headers.location).toBe('https://atelier.example.fr/offre?src=mail&x=1');
  });

  it.runIf(process.env.TEST_DB === 'postgres')('holds the throttle with several senders of two campaigns at once: never one message over', async () => {
    const tag = Date.now().toString(36);
    const emails = Array.from({ length: 30 }, (_, i) => `race-${i}-${tag}@exemple.fr`);
    const { ws } = await workspaceWithLeads(emails.map((email) => ({ email })));
    expect((await ws.client.patch('/api/marketing/email-settings', { max_per_minute: 7 })).statusCode).toBe(200);
    const { resolveCampaignRecipientsJob } = await import('./email-sending.jobs.js');
    const { runCampaignSender } = await import('./email-sender.js');
    const campaigns = [await draft(ws, { name: 'Course A' }), await draft(ws, { name: 'Course B' })];
    for (const campaign of campaigns) {
      await ws.client.post(`${BASE}/${campaign.id}/send`, {});
      await resolveCampaignRecipientsJob.handler({ campaign_id: campaign.id }, t.runtime);
    }
    // Three senders per campaign on separate connections, as six worker slots would: the workspace's 7 places
    // of this minute are shared by all of them.
    const senders = campaigns.flatMap((campaign) => [1, 2, 3].map(() => runCampaignSender(t.runtime, campaign.id, { budgetMs: 10_000 })));
    const outcomes = await Promise.all(senders);
    expect(outcomes.every((o) => o.kind === 'later')).toBe(true);
    const claimed = await t.runtime.database.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM email_sends WHERE campaign_id = ANY($1::uuid[]) AND claimed_at IS NOT NULL`,
      [campaigns.map((c) => c.id)],
    );
    expect(claimed.rows[0]!.n).toBe(7);
    expect(emails.reduce((sum, e) => sum + mailsTo(e).length, 0)).toBe(7);
  });

  it("sends a campaign's content to one lead from an automation, once, without moving the campaign's numbers", async () => {
    const tag = Date.now().toString(36);
    const { ws } = await workspaceWithLeads([]);
    const campaign = await draft(ws, { name: 'Bienvenue' });
    const automation = await ws.client.post('/api/marketing/automations', {
      name: 'Accueil',
      trigger: { type: 'lead_created' },
      actions: [{ type: 'send_email', params: { campaign_id: campaign.id } }],
    });
    expect(automation.statusCode, automation.body).toBe(201);
    const badParams = await ws.client.post('/api/marketing/automations', {
      name: 'x',
      trigger: { type: 'lead_created' },
      actions: [{ type: 'send_email', params: {} }],
    });
    expect(badParams.statusCode).toBe(400);
    const newcomer = `bienvenue-${tag}@exemple.fr`;
    await ws.client.post('/api/marketing/leads', { first_name: 'Nina', email: newcomer });
    await ws.client.post('/api/marketing/leads', { first_name: 'Sans adresse' });
    await t.drain();
    await t.drain();
    expect(mailsTo(newcomer).map((r) => r.mail.subject)).toEqual(['Bonjour Nina']);
    expect(mailsTo(newcomer)[0]!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ status: 'draft', total_sent: 0, total_recipients: 0 });
    const runs = (await ws.client.get(`/api/marketing/automations/${automation.json().id}/runs`)).json();
    const steps = (runs.items ?? runs).flatMap((r: { steps: { status: string; error_code: string | null; detail: string | null }[] }) => r.steps);
    expect(steps.filter((s: { status: string }) => s.status === 'succeeded')).toEqual([expect.objectContaining({ detail: 'Bienvenue' })]);
    expect(steps.filter((s: { status: string }) => s.status === 'failed')).toEqual([expect.objectContaining({ error_code: 'email_not_mailable' })]);
  });
});
