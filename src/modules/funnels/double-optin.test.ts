import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';
import { startSmtpCapture } from '../../../test/smtp-capture.js';
import type { TFunnel, TFunnelPage } from '../../contracts/funnels.js';

// Double opt-in through the real public server and a loopback SMTP server: the sign-up is not mailable until the
// confirmation link is clicked (a page with a button: mail scanners that open links confirm nothing), campaigns leave
// it out meanwhile, a tampered or stale link confirms nothing, and a form posted again does not mail again at once.

const capture = await startSmtpCapture();
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ SMTP_URL: capture.url });
});
afterAll(async () => {
  await t.close();
  await capture.close();
});

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const OPTIN = `<form data-mk="optin-form"><input name="first_name"><input name="email" type="email" required>
<label><input type="checkbox" name="consent"> <span data-mk-consent-text>J'accepte vos e-mails.</span></label><button>OK</button></form>`;

async function doubleOptinFunnel(owner: SignedUp) {
  const funnel = (
    await owner.client.post('/api/marketing/funnels', { name: 'Guide confirmé', funnel_type: 'lead_magnet', double_optin: true })
  ).json() as TFunnel;
  const page = (
    await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Inscription', page_type: 'optin', html_content: OPTIN })
  ).json() as TFunnelPage;
  expect((await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {})).statusCode).toBe(200);
  return { funnel, page };
}

function optIn(pageId: string, email: string) {
  return t.publicApp.inject({
    method: 'POST',
    url: `/p/${pageId}/form/0`,
    payload: { email, first_name: 'Inès', consent: 'on' },
    headers: { 'user-agent': BROWSER, accept: 'application/json' },
  });
}

async function leadOf(owner: SignedUp, email: string) {
  const list = (await owner.client.get(`/api/marketing/leads?search=${encodeURIComponent(email)}`)).json() as { items: Record<string, unknown>[] };
  return list.items[0]!;
}

async function mailsTo(email: string) {
  await t.drain();
  return capture.received.filter((m) => m.to === email);
}

describe('double opt-in', () => {
  it('mails a confirmation link; the lead is mailed only once it is clicked', async () => {
    const owner = await signUp(t.app);
    const { page } = await doubleOptinFunnel(owner);
    const email = uniqueEmail('doi');
    expect((await optIn(page.id, email)).statusCode).toBe(200);

    const pending = await leadOf(owner, email);
    expect(pending.optin_pending_at).not.toBeNull();
    expect(pending.optin_confirmed_at).toBeNull();
    const campaign = (await owner.client.post('/api/marketing/email-campaigns', { name: 'Lettre', subject: 'Bonjour' })).json() as { id: string };
    const before = (await owner.client.get(`/api/marketing/email-campaigns/${campaign.id}/recipients`)).json();
    expect(before.excluded.unconfirmed).toBe(1);
    expect(before.excluded.unsubscribed).toBe(0);
    expect(before.count).toBe(0);

    const [mail] = await mailsTo(email);
    expect(mail?.mail.subject).toBe('Confirmez votre inscription : Guide confirmé');
    expect(mail?.mail.text).toContain('Bonjour Inès,');
    const link = /https?:\/\/\S+\/p\/confirm\/\S+/.exec(mail!.mail.text!)![0];
    const path = new URL(link).pathname;

    // Opening the link (a person, or a scanner) shows a button and confirms nothing.
    const opened = await t.publicApp.inject({ method: 'GET', url: path, headers: { 'user-agent': BROWSER } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Je confirme mon adresse');
    expect((await leadOf(owner, email)).optin_pending_at).not.toBeNull();

    // A tampered link confirms nothing.
    const tampered = await t.publicApp.inject({ method: 'POST', url: `${path.slice(0, -2)}xx`, headers: { 'user-agent': BROWSER } });
    expect(tampered.statusCode).toBe(404);
    expect((await leadOf(owner, email)).optin_pending_at).not.toBeNull();

    const confirmed = await t.publicApp.inject({ method: 'POST', url: path, headers: { 'user-agent': BROWSER } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Adresse confirmée');
    const lead = await leadOf(owner, email);
    expect(lead.optin_pending_at).toBeNull();
    expect(lead.optin_confirmed_at).not.toBeNull();
    expect((await owner.client.get(`/api/marketing/email-campaigns/${campaign.id}/recipients`)).json().count).toBe(1);
    // Clicked again: still fine, nothing changes.
    expect((await t.publicApp.inject({ method: 'POST', url: path, headers: { 'user-agent': BROWSER } })).statusCode).toBe(200);
  });

  it('mails once for a form posted again and again, and leaves an already mailed lead as it is', async () => {
    const owner = await signUp(t.app);
    const { page } = await doubleOptinFunnel(owner);
    const email = uniqueEmail('doi-again');
    for (let i = 0; i < 3; i++) expect((await optIn(page.id, email)).statusCode).toBe(200);
    expect(await mailsTo(email)).toHaveLength(1);

    // A lead the team added (mailable) signs up through the double opt-in form: no confirmation needed, no mail.
    const known = uniqueEmail('doi-known');
    expect((await owner.client.post('/api/marketing/leads', { email: known, first_name: 'Jo' })).statusCode).toBe(201);
    expect((await optIn(page.id, known)).statusCode).toBe(200);
    expect(await mailsTo(known)).toHaveLength(0);
    expect((await leadOf(owner, known)).optin_pending_at).toBeNull();

    // An unsubscribed lead stays unsubscribed until the link is clicked (the form alone does not lift it).
    const gone = uniqueEmail('doi-gone');
    const created = (await owner.client.post('/api/marketing/leads', { email: gone, unsubscribed_at: new Date().toISOString() })).json() as { id: string };
    expect((await optIn(page.id, gone)).statusCode).toBe(200);
    const waiting = await leadOf(owner, gone);
    expect(waiting.unsubscribed_at).not.toBeNull();
    expect(waiting.optin_pending_at).not.toBeNull();
    // The campaign's count tells them apart: one mailable, one waiting for confirmation, one unsubscribed.
    const campaign = (await owner.client.post('/api/marketing/email-campaigns', { name: 'Lettre', subject: 'Bonjour' })).json() as { id: string };
    expect((await owner.client.get(`/api/marketing/email-campaigns/${campaign.id}/recipients`)).json()).toMatchObject({
      count: 1,
      excluded: { unconfirmed: 1, unsubscribed: 1 },
    });
    const [mail] = await mailsTo(gone);
    const path = new URL(/https?:\/\/\S+\/p\/confirm\/\S+/.exec(mail!.mail.text!)![0]).pathname;
    expect((await t.publicApp.inject({ method: 'POST', url: path })).statusCode).toBe(200);
    const back = (await owner.client.get(`/api/marketing/leads/${created.id}`)).json();
    expect(back).toMatchObject({ unsubscribed_at: null, optin_pending_at: null });
  });
});

// PostgreSQL only: PGlite runs the two requests one after the other, so a race there proves nothing.
describe.runIf(process.env.TEST_DB === 'postgres')('double opt-in races (PostgreSQL)', () => {
  it('makes one lead and mails one confirmation when the same new address is posted twice at once', async () => {
    const owner = await signUp(t.app);
    const { page } = await doubleOptinFunnel(owner);
    for (let round = 0; round < 3; round++) {
      const email = uniqueEmail(`doi-race-${round}`);
      const answers = await Promise.all([optIn(page.id, email), optIn(page.id, email)]);
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
      const leads = await t.runtime.database.raw.query(`SELECT id FROM leads WHERE workspace_id = $1 AND lower(email) = $2`, [owner.workspaceId, email]);
      expect(leads.rows).toHaveLength(1);
      expect(await mailsTo(email)).toHaveLength(1);
    }
  });
});
