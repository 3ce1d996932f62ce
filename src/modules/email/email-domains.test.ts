import { Resolver } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
// mailauth's DKIM verifier alone: its index loads a BIMI client (undici) that needs Node 22.
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDns, type TTestDns } from '../../../test/dns-server.js';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';

// Sending domains and the workspace's own SMTP server, against real servers on loopback: a DNS server the test
// publishes records on (the domain checks and the DKIM verification read it), the instance's SMTP server and a
// workspace's provider that asks for a password.

type TReceived = { mail: ParsedMail; raw: string; server: 'instance' | 'provider' };
const received: TReceived[] = [];
let instanceSmtp: SMTPServer;
let providerSmtp: SMTPServer;
let dns: TTestDns;
let t: TestContext;

function sink(server: TReceived['server'], options: Partial<ConstructorParameters<typeof SMTPServer>[0]> = {}): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    ...options,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then((mail) => {
          received.push({ mail, raw, server });
          callback();
        }, callback);
      });
    },
  });
}

async function listen(server: SMTPServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  dns = await startTestDns();
  instanceSmtp = sink('instance');
  providerSmtp = sink('provider', {
    authOptional: false,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'atelier' && auth.password === 'bon-mot-de-passe') return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
  });
  const instancePort = await listen(instanceSmtp);
  t = await startTestApp({
    SMTP_URL: `smtp://127.0.0.1:${instancePort}`,
    MAIL_FROM: 'Plateforme <no-reply@instance.example.test>',
    PUBLIC_URL: 'https://pages.example.test',
    DNS_SERVERS: dns.server,
    SPF_INCLUDE: 'include:spf.instance.example.test',
  });
  providerPort = await listen(providerSmtp);
});
let providerPort = 0;
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => instanceSmtp.close(resolve));
  await new Promise<void>((resolve) => providerSmtp.close(resolve));
  await dns.close();
});

const DOMAINS = '/api/marketing/email-domains';
const CAMPAIGNS = '/api/marketing/email-campaigns';

type TRecord = { purpose: 'dkim' | 'spf' | 'dmarc'; name: string; value: string; status: string; found: string[] };
type TDomain = { id: string; domain: string; status: string; records: TRecord[] };

/** A workspace ready to send (postal address) with one lead. */
async function workspace(): Promise<{ ws: SignedUp; leadEmail: string }> {
  const ws = await signUp(t.app);
  expect((await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
  const leadEmail = uniqueEmail('lead');
  expect((await ws.client.post('/api/marketing/leads', { email: leadEmail, first_name: 'Léa' })).statusCode).toBe(201);
  return { ws, leadEmail };
}

async function addDomain(ws: SignedUp, domain: string): Promise<TDomain> {
  const res = await ws.client.post(DOMAINS, { domain });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Publishes a domain's records as a person would (the DKIM key split in 255-character strings, as DNS holds it). */
function publish(domain: TDomain, purposes: TRecord['purpose'][] = ['dkim', 'spf', 'dmarc']): void {
  for (const record of domain.records.filter((r) => purposes.includes(r.purpose))) {
    dns.setTxt(record.name, [record.value.match(/.{1,255}/g)!]);
  }
}

function recordOf(domain: TDomain, purpose: TRecord['purpose']): TRecord {
  return domain.records.find((r) => r.purpose === purpose)!;
}

async function sendCampaign(
  ws: SignedUp,
  body: Record<string, unknown>,
): Promise<{ id: string; statusCode: number; json: () => { errors?: { path: string; code: string }[] } }> {
  const created = await ws.client.post(CAMPAIGNS, {
    name: 'Lettre',
    subject: 'Bonjour {{ lead.first_name }}',
    html_content: '<p>Bonjour</p><p>{{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>',
    ...body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const res = await ws.client.post(`${CAMPAIGNS}/${id}/send`, {});
  await t.drain();
  return { id, statusCode: res.statusCode, json: () => res.json() };
}

function mailTo(address: string): TReceived {
  const found = received.find((r) => r.mail.to && 'value' in r.mail.to && r.mail.to.value.some((v) => v.address === address));
  expect(found, `a message to ${address}`).toBeDefined();
  return found!;
}

describe('sending domains', () => {
  it('generates a DKIM key and the three records, checks them through DNS and follows their changes', async () => {
    const { ws } = await workspace();
    const domain = await addDomain(ws, 'Atelier-Lilas.example.test.');
    expect(domain.domain).toBe('atelier-lilas.example.test');
    expect(domain.status).toBe('pending');
    expect(domain.records.map((r) => [r.purpose, r.status])).toEqual([
      ['dkim', 'unchecked'],
      ['spf', 'unchecked'],
      ['dmarc', 'unchecked'],
    ]);
    const dkim = recordOf(domain, 'dkim');
    expect(dkim.name).toMatch(/^mk[a-z0-9]+\._domainkey\.atelier-lilas\.example\.test$/);
    // An RSA 2048 public key: 294 bytes of DER, 392 characters of base64, ending with the exponent 65537.
    expect(dkim.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/]{388}AQAB$/);
    expect(recordOf(domain, 'spf').value).toBe('v=spf1 include:spf.instance.example.test ~all');

    const nothing: TDomain = (await ws.client.post(`${DOMAINS}/${domain.id}/check`, {})).json();
    expect(nothing.status).toBe('pending');
    expect(nothing.records.map((r) => r.status)).toEqual(['missing', 'missing', 'missing']);

    // An SPF record without the instance's mechanism, and somebody else's DKIM key: both found, neither right.
    dns.setTxt(dkim.name, [['v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAother']]);
    dns.setTxt(domain.domain, [['v=spf1 mx -all']]);
    const wrong: TDomain = (await ws.client.post(`${DOMAINS}/${domain.id}/check`, {})).json();
    expect(wrong.records.map((r) => r.status)).toEqual(['mismatch', 'mismatch', 'missing']);
    expect(recordOf(wrong, 'spf').found).toEqual(['v=spf1 mx -all']);

    publish(domain);
    const verified: TDomain = (await ws.client.post(`${DOMAINS}/${domain.id}/check`, {})).json();
    expect(verified.records.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(verified.status).toBe('verified');

    dns.setTxt(dkim.name, []);
    const failing: TDomain = (await ws.client.post(`${DOMAINS}/${domain.id}/check`, {})).json();
    expect(failing.status).toBe('failing');
    expect((await ws.client.get(DOMAINS)).json().items.map((d: TDomain) => d.status)).toEqual(['failing']);
  });

  it('refuses a bad or repeated domain', async () => {
    const { ws } = await workspace();
    const bad = await ws.client.post(DOMAINS, { domain: 'pas un domaine' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.domain');
    await addDomain(ws, 'double.example.test');
    const again = await ws.client.post(DOMAINS, { domain: 'DOUBLE.example.test' });
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe('domain_exists');
  });

  it('signs messages from the domain with its key, the one-click unsubscribe header included, and refuses other domains', async () => {
    const { ws, leadEmail } = await workspace();
    const refused = await sendCampaign(ws, { from_email: 'bonjour@not-added.example.test' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'body.from_email', code: 'sender_not_allowed' })]);

    const domain = await addDomain(ws, 'signe.example.test');
    publish(domain);
    const sent = await sendCampaign(ws, { from_email: 'bonjour@signe.example.test', from_name: 'Atelier' });
    expect(sent.statusCode).toBe(202);
    const message = mailTo(leadEmail);
    expect(message.server).toBe('instance');
    expect(message.mail.from?.value[0]).toEqual({ name: 'Atelier', address: 'bonjour@signe.example.test' });

    const resolver = new Resolver();
    resolver.setServers([dns.server]);
    const dkim = await dkimVerify(message.raw, { resolver: (name: string, type: string) => resolver.resolve(name, type as 'TXT') });
    const signature = dkim.results[0]!;
    expect(signature.status.result).toBe('pass');
    expect(signature.signingDomain).toBe('signe.example.test');
    const signed = /DKIM-Signature:[^]*?;\s*h=([^;]+);/i.exec(message.raw)![1]!.replace(/\s+/g, '').toLowerCase().split(':');
    expect(signed).toEqual(expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post', 'list-id', 'message-id']));
  });

  it('sends as the default sender, which must be on an allowed domain, and keeps a domain in use', async () => {
    const { ws, leadEmail } = await workspace();
    const refused = await ws.client.patch('/api/marketing/email-settings', { default_from_email: 'equipe@ailleurs.example.test' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'body.default_from_email', code: 'sender_not_allowed' });

    const domain = await addDomain(ws, 'defaut.example.test');
    const saved = await ws.client.patch('/api/marketing/email-settings', {
      default_from_name: 'Équipe Atelier',
      default_from_email: 'equipe@defaut.example.test',
      default_reply_to: 'reponses@ailleurs.example.test',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ default_from_email: 'equipe@defaut.example.test', delivery: 'instance' });

    expect((await sendCampaign(ws, {})).statusCode).toBe(202);
    const message = mailTo(leadEmail);
    expect(message.mail.from?.value[0]).toEqual({ name: 'Équipe Atelier', address: 'equipe@defaut.example.test' });
    expect(message.mail.replyTo?.value[0]?.address).toBe('reponses@ailleurs.example.test');
    expect(message.raw).toMatch(/DKIM-Signature:.*d=defaut\.example\.test/s);

    const kept = await ws.client.delete(`${DOMAINS}/${domain.id}`);
    expect(kept.statusCode).toBe(409);
    expect(kept.json().reason).toBe('domain_in_use');
    await ws.client.patch('/api/marketing/email-settings', { default_from_email: '' });
    expect((await ws.client.delete(`${DOMAINS}/${domain.id}`)).statusCode).toBe(204);
  });
});

describe("the workspace's own SMTP server", () => {
  it('carries its campaigns, and the test says what the server answered', async () => {
    const { ws, leadEmail } = await workspace();
    const smtp = { host: '127.0.0.1', port: providerPort, secure: false, username: 'atelier', password: 'mauvais' };
    expect((await ws.client.put('/api/workspace/credentials/smtp', smtp)).statusCode).toBe(200);
    expect((await ws.client.get('/api/marketing/email-settings')).json().delivery).toBe('workspace');

    const failed = await ws.client.post('/api/marketing/email-settings/smtp-test', { to: 'moi@example.test' });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({ ok: false, via: 'workspace', response_code: 535 });
    expect(failed.json().error).toContain('Authentication credentials invalid');

    expect((await ws.client.put('/api/workspace/credentials/smtp', { ...smtp, password: 'bon-mot-de-passe' })).statusCode).toBe(200);
    const passed = await ws.client.post('/api/marketing/email-settings/smtp-test', { to: 'moi@example.test' });
    expect(passed.json()).toEqual({ ok: true, via: 'workspace', response_code: null, error: null, error_code: null });
    expect(mailTo('moi@example.test').server).toBe('provider');

    expect((await sendCampaign(ws, {})).statusCode).toBe(202);
    expect(mailTo(leadEmail).server).toBe('provider');
  });

  it('without any server, the test is refused and campaigns stay in the outbox', async () => {
    const bare = await startTestApp({});
    try {
      const ws = await signUp(bare.app);
      expect((await ws.client.get('/api/marketing/email-settings')).json().delivery).toBe('outbox');
      const res = await ws.client.post('/api/marketing/email-settings/smtp-test', { to: 'moi@example.test' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].code).toBe('smtp_not_configured');
    } finally {
      await bare.close();
    }
  });

  it('never connects to a server on a private address (unless the instance allows it): the test and the messages say why', async () => {
    const guarded = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' });
    try {
      const ws = await signUp(guarded.app);
      expect((await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
      const leadEmail = uniqueEmail('lead');
      expect((await ws.client.post('/api/marketing/leads', { email: leadEmail })).statusCode).toBe(201);
      // The provider's sink listens on loopback: a member must not reach it (nor anything else on the machine).
      const smtp = { host: '127.0.0.1', port: providerPort, secure: false, username: 'atelier', password: 'bon-mot-de-passe' };
      expect((await ws.client.put('/api/workspace/credentials/smtp', smtp)).statusCode).toBe(200);
      const trial = await ws.client.post('/api/marketing/email-settings/smtp-test', { to: 'moi@example.test' });
      expect(trial.json()).toMatchObject({ ok: false, via: 'workspace', response_code: null, error_code: 'private_address' });
      const before = received.length;
      const created = await ws.client.post(CAMPAIGNS, {
        name: 'Lettre',
        subject: 'Bonjour',
        html_content: '<p>{{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>',
      });
      expect((await ws.client.post(`${CAMPAIGNS}/${created.json().id}/send`, {})).statusCode).toBe(202);
      await guarded.drain();
      // Nothing sent, nothing kept in the outbox as if sent: the message waits for a retry with the reason.
      expect(received.length).toBe(before);
      const recipients = await ws.client.get(`${CAMPAIGNS}/${created.json().id}/report/recipients`);
      expect(recipients.json().items).toEqual([
        expect.objectContaining({ email: leadEmail, status: 'queued', error: expect.stringContaining('private address') }),
      ]);
    } finally {
      await guarded.close();
    }
  });
});
