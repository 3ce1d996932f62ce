import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import type { TAdCampaign, TAdConversionUpload } from '../../../contracts/ads.js';
import type { TFunnelPage } from '../../../contracts/funnels.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { confirmPaid, startOrder, TEST_CARDS, testPaymentProviderFor } from '../../commerce/index.js';
import { adConnections } from '../ads.tables.js';
import { AdPlatformError } from '../connectors/ad-connector.js';
import { sealTokens } from '../connectors/connection-tokens.js';
import { GOOGLE_CONVERSION_ACTIONS } from '../connectors/google-connector.js';
import { LINKEDIN_CONVERSION_RULES } from '../connectors/linkedin-connector.js';
import { adConversionsOnLeadEvents } from './conversion-triggers.js';
import { uploadAdConversion } from './conversion-upload.js';
import { FakeAdApi } from './fake-ad-api.js';

// Offline conversions (closed loop), end to end on the real database: a lead won or an order paid, attributed by UTM to
// a campaign linked to a connection, goes to the campaign's network through the connector (a local fake of Google
// Ads and LinkedIn), once, only with the person's consent; every attempt is logged and listed per campaign.

let t: TestContext;
let api: FakeAdApi;
let owner: SignedUp;
let tenant: Tenant;
let optinPage: TFunnelPage;
let google: TAdCampaign;
let linkedin: TAdCampaign;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const GOOGLE_UPLOAD = '/v18/customers/1234567890:uploadClickConversions';

beforeAll(async () => {
  api = new FakeAdApi();
  const base = await api.start();
  t = await startTestApp({
    GOOGLE_ADS_CLIENT_ID: 'gid',
    GOOGLE_ADS_CLIENT_SECRET: 'gsecret',
    GOOGLE_ADS_DEVELOPER_TOKEN: 'dev-token',
    GOOGLE_ADS_API_URL: `${base}/v18`,
    GOOGLE_TOKEN_URL: `${base}/google-token`,
    LINKEDIN_CLIENT_ID: 'lid',
    LINKEDIN_CLIENT_SECRET: 'lsecret',
    LINKEDIN_API_URL: `${base}/rest`,
    LINKEDIN_TOKEN_URL: `${base}/linkedin-token`,
  });
  owner = await signUp(t.app);
  tenant = new Tenant(t.runtime.db, owner.workspaceId);
  await owner.client.patch('/api/workspace', { legal_name: 'Atelier Léa SAS', postal_address: '12 rue des Lilas, 75011 Paris' });
  // Google: the account already has the deal-won action; LinkedIn: both rules exist.
  api.on('POST', '/v18/customers/1234567890/googleAds:searchStream', (call) => {
    const query = (call.body as { query: string }).query;
    const kind = query.includes(GOOGLE_CONVERSION_ACTIONS.deal_won.name) ? 501 : 502;
    return { body: [{ results: [{ conversionAction: { resourceName: `customers/1234567890/conversionActions/${kind}` } }] }] };
  });
  api.on('POST', GOOGLE_UPLOAD, { body: { results: [{}] } });
  api.on('GET', '/rest/conversions', {
    body: {
      elements: [
        { id: 104, name: LINKEDIN_CONVERSION_RULES.deal_won.name, conversionMethod: 'CONVERSIONS_API' },
        { id: 105, name: LINKEDIN_CONVERSION_RULES.order_paid.name, conversionMethod: 'CONVERSIONS_API' },
      ],
    },
  });
  api.on('PUT', /^\/rest\/campaignConversions\//, { status: 204 });
  api.on('POST', '/rest/conversionEvents', (call) => ({ body: { elements: (call.body as { elements: unknown[] }).elements.map(() => ({ status: 201 })) } }));

  google = await connectedCampaign('google', '1234567890', {
    name: 'Printemps Search',
    platform: 'google',
    platform_campaign_id: '11',
    utm_campaign: 'Printemps',
  });
  linkedin = await connectedCampaign('linkedin', '501', {
    name: 'Salon B2B',
    platform: 'linkedin',
    platform_campaign_id: '9001',
    utm_campaign: 'salon-b2b',
    utm_source: 'linkedin',
  });
  optinPage = await publishedOptin();
});
afterAll(async () => {
  await t.close();
  await api.close();
});

/** A campaign linked to a connection of `network` (tokens sealed as the OAuth callback stores them). */
async function connectedCampaign(network: 'google' | 'linkedin', accountId: string, body: Record<string, unknown>): Promise<TAdCampaign> {
  const id = randomUUID();
  await tenant.insert(adConnections, {
    id,
    network,
    account_id: accountId,
    sealed_tokens: sealTokens(t.runtime.secrets, owner.workspaceId, id, { access_token: `${network}-access`, refresh_token: `${network}-refresh` }),
    token_expires_at: new Date(Date.now() + 3_600_000),
  });
  const res = await owner.client.post('/api/marketing/ad-campaigns', { status: 'active', ...body });
  expect(res.statusCode, res.body).toBe(201);
  await t.runtime.database.raw.query('UPDATE ad_campaigns SET connection_id = $1 WHERE id = $2', [id, res.json().id]);
  return { ...(res.json() as TAdCampaign), connection_id: id };
}

async function publishedOptin(): Promise<TFunnelPage> {
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Guide', funnel_type: 'lead_magnet' })).json() as { id: string };
  const html = `<form data-mk="optin-form"><input name="email" type="email"><input type="checkbox" name="consent"><button>OK</button></form>`;
  const page = await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Inscription', page_type: 'optin', html_content: html });
  expect((await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {})).statusCode).toBe(200);
  return page.json();
}

/** A visitor opts in through the funnel (consent ticked unless told), with the UTM and click ids of the ad's link. */
async function optIn(fields: Record<string, string>): Promise<string> {
  const email = uniqueEmail('ad-conv');
  const res = await t.publicApp.inject({
    method: 'POST',
    url: `/p/${optinPage.id}/form/0`,
    payload: { email, consent: 'on', ...fields },
    headers: { 'user-agent': BROWSER, accept: 'application/json' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return email;
}

async function leadIdOf(email: string): Promise<string> {
  const { rows } = await t.runtime.database.raw.query<{ id: string }>('SELECT id FROM leads WHERE workspace_id = $1 AND lower(email) = $2', [
    owner.workspaceId,
    email.toLowerCase(),
  ]);
  return rows[0]!.id;
}

async function setStatus(leadId: string, body: Record<string, unknown>): Promise<void> {
  const res = await owner.client.patch(`/api/marketing/leads/${leadId}`, body);
  expect(res.statusCode, res.body).toBe(200);
  await t.drain();
}

async function uploads(campaign: TAdCampaign): Promise<TAdConversionUpload[]> {
  const res = await owner.client.get(`/api/marketing/ad-campaigns/${campaign.id}/conversions`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

const googleSent = () => api.callsTo('POST', GOOGLE_UPLOAD).map((c) => (c.body as { conversions: Record<string, unknown>[] }).conversions[0]!);

describe('offline conversions', () => {
  it('sends a won deal to Google once, with the gclid captured on the landing page and the deal value', async () => {
    const email = await optIn({ utm_source: 'google', utm_campaign: 'printemps', gclid: 'Cj0KCQ-won' });
    const leadId = await leadIdOf(email);
    const before = googleSent().length;
    await setStatus(leadId, { status: 'won', estimated_value: 1500 });
    const sent = googleSent().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      conversionAction: 'customers/1234567890/conversionActions/501',
      gclid: 'Cj0KCQ-won',
      orderId: `lead:${leadId}`,
      conversionValue: 1500,
      currencyCode: 'EUR',
    });
    expect(sent[0]!.conversionDateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+00:00$/);
    expect(sent[0]).not.toHaveProperty('userIdentifiers');
    const [line] = (await uploads(google)).filter((u) => u.lead_id === leadId);
    expect(line).toMatchObject({ network: 'google', kind: 'deal_won', order_id: null, value: 1500, currency: 'EUR', status: 'sent', detail: null });

    // Lost then won again, and the dispatch replayed: still one conversion, one line.
    await setStatus(leadId, { status: 'lost' });
    await setStatus(leadId, { status: 'won' });
    const { rows: events } = await t.runtime.database.raw.query<{ id: string; data: Record<string, unknown> }>(
      `SELECT id, data FROM lead_events WHERE lead_id = $1 AND event_type = 'status_changed'`,
      [leadId],
    );
    await adConversionsOnLeadEvents(
      t.runtime,
      events.map((e) => ({ id: e.id, workspaceId: owner.workspaceId, leadId, type: 'status_changed', data: e.data })),
    );
    await t.drain();
    expect(googleSent().slice(before)).toHaveLength(1);
    const { rows } = await t.runtime.database.raw.query('SELECT status, attempts FROM ad_conversion_uploads WHERE lead_id = $1', [leadId]);
    expect(rows).toEqual([{ status: 'sent', attempts: 1 }]);
  });

  it('matches by the hashed e-mail without a click id, and never sends for a lead without consent, unsubscribed or of another UTM', async () => {
    const email = await optIn({ utm_source: 'google', utm_campaign: 'PRINTEMPS' });
    const before = googleSent().length;
    await setStatus(await leadIdOf(email), { status: 'won', estimated_value: 300 });
    expect(googleSent().slice(before)).toEqual([
      expect.objectContaining({ userIdentifiers: [{ hashedEmail: sha256(email.trim().toLowerCase()) }], conversionValue: 300 }),
    ]);

    const created = await owner.client.post('/api/marketing/leads', { email: uniqueEmail('sans-consent'), utm_source: 'google', utm_campaign: 'printemps' });
    const noConsent = created.json().id as string;
    const unsubscribed = await leadIdOf(await optIn({ utm_source: 'google', utm_campaign: 'printemps', gclid: 'Cj0-unsub' }));
    await t.runtime.database.raw.query('UPDATE leads SET unsubscribed_at = now() WHERE id = $1', [unsubscribed]);
    const elsewhere = await leadIdOf(await optIn({ utm_source: 'google', utm_campaign: 'automne' }));
    const sentBefore = googleSent().length;
    for (const id of [noConsent, unsubscribed, elsewhere]) await setStatus(id, { status: 'won', estimated_value: 100 });
    expect(googleSent()).toHaveLength(sentBefore);
    const lines = await uploads(google);
    expect(lines.find((l) => l.lead_id === noConsent)).toMatchObject({ status: 'skipped', detail: 'no_consent', value: null });
    expect(lines.find((l) => l.lead_id === unsubscribed)).toMatchObject({ status: 'skipped', detail: 'unsubscribed' });
    expect(lines.find((l) => l.lead_id === elsewhere)).toBeUndefined();
    const { rows } = await t.runtime.database.raw.query<{ payload: unknown }>('SELECT payload FROM ad_conversion_uploads WHERE lead_id = $1', [noConsent]);
    expect(rows[0]!.payload).toBeNull();
  });

  it("erases a lead's conversion lines, hashed e-mail included, with the lead", async () => {
    const leadId = await leadIdOf(await optIn({ utm_source: 'google', utm_campaign: 'printemps', gclid: 'Cj0-erased' }));
    await setStatus(leadId, { status: 'won', estimated_value: 200 });
    expect((await uploads(google)).filter((u) => u.lead_id === leadId)).toEqual([expect.objectContaining({ status: 'sent' })]);
    const erased = await owner.client.post(`/api/marketing/leads/${leadId}/erase`, {});
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    const { rows } = await t.runtime.database.raw.query('SELECT 1 FROM ad_conversion_uploads WHERE lead_id = $1', [leadId]);
    expect(rows).toEqual([]);
  });

  it("sends a paid order to LinkedIn with the order's amount and currency, the hashed e-mail and li_fat_id, not the won status too", async () => {
    const email = await optIn({ utm_source: 'linkedin', utm_campaign: 'salon-b2b', li_fat_id: 'df7f1fa4-2e7a-4b1e-9b8a-3c8f2d9e1a11' });
    const leadId = await leadIdOf(email);
    await t.runtime.database.raw.query('UPDATE leads SET estimated_value = 5000 WHERE id = $1', [leadId]);
    const price = (await owner.client.post('/api/marketing/products', { name: 'Audit', prices: [{ kind: 'one_time', amount_cents: 9_700 }] })).json().prices[0]
      .id;
    const started = await startOrder(t.runtime, tenant, {
      price_id: price,
      buyer: { email },
      utm: { utm_source: 'LinkedIn', utm_campaign: 'Salon-B2B' },
      idempotency_key: `ad-${email}`,
    });
    const provider = await testPaymentProviderFor(t.runtime, tenant);
    await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.visa, exp_month: 12, exp_year: new Date().getUTCFullYear() + 1, cvc: '123' });
    await confirmPaid(t.runtime, tenant, started.lines[0]!.payment_id!);
    await t.drain();
    const calls = api.callsTo('POST', '/rest/conversionEvents');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({
      elements: [
        {
          conversion: 'urn:lla:llaPartnerConversion:105',
          conversionHappenedAt: expect.any(Number),
          conversionValue: { currencyCode: 'EUR', amount: '97.00' },
          user: {
            userIds: [
              { idType: 'SHA256_EMAIL', idValue: sha256(email.toLowerCase()) },
              { idType: 'LINKEDIN_FIRST_PARTY_ADS_TRACKING_UUID', idValue: 'df7f1fa4-2e7a-4b1e-9b8a-3c8f2d9e1a11' },
            ],
          },
          eventId: `order:${started.order.id}`,
        },
      ],
    });
    expect(decodeURIComponent(api.callsTo('PUT', /campaignConversions/)[0]!.path)).toContain('campaign:urn:li:sponsoredCampaign:9001');
    expect(await uploads(linkedin)).toEqual([
      expect.objectContaining({
        kind: 'order_paid',
        lead_id: leadId,
        order_id: started.order.id,
        value: 97,
        currency: 'EUR',
        status: 'sent',
        network: 'linkedin',
      }),
    ]);
  });

  it("logs the platform's refusal and retries a failed conversion, counting attempts, until it is sent", async () => {
    const leadId = await leadIdOf(await optIn({ utm_source: 'google', utm_campaign: 'printemps', gclid: 'bad-gclid' }));
    api.on(
      'POST',
      GOOGLE_UPLOAD,
      {
        body: {
          partialFailureError: {
            code: 3,
            message: 'The click identifier could not be decoded.',
            details: [
              {
                errors: [{ message: 'The click identifier could not be decoded.', location: { fieldPathElements: [{ fieldName: 'conversions', index: 0 }] } }],
              },
            ],
          },
          results: [{}],
        },
      },
      1,
    );
    await setStatus(leadId, { status: 'won', estimated_value: 80 });
    const line = async () => (await uploads(google)).find((l) => l.lead_id === leadId);
    expect(await line()).toMatchObject({ status: 'failed', detail: 'The click identifier could not be decoded.' });

    // A rate limit: logged on the line and the connection, thrown so the job's retry sends it later.
    api.on('POST', GOOGLE_UPLOAD, { status: 429, body: { error: { code: 429, message: 'Too many requests', status: 'RESOURCE_EXHAUSTED' } } }, 1);
    const { rows: events } = await t.runtime.database.raw.query<{ id: string }>(
      `SELECT id FROM lead_events WHERE lead_id = $1 AND event_type = 'status_changed' ORDER BY occurred_at DESC LIMIT 1`,
      [leadId],
    );
    const job = { workspace_id: owner.workspaceId, campaign_id: google.id, event_id: events[0]!.id, lead_id: leadId, order_id: null };
    await expect(uploadAdConversion(t.runtime, job)).rejects.toBeInstanceOf(AdPlatformError);
    expect(await line()).toMatchObject({ status: 'failed', detail: 'Google Ads: Too many requests' });
    await t.runtime.database.raw.query('UPDATE ad_connections SET rate_limited_until = NULL WHERE id = $1', [google.connection_id]);

    await uploadAdConversion(t.runtime, job);
    expect(await line()).toMatchObject({ status: 'sent', detail: null, value: 80 });
    const { rows } = await t.runtime.database.raw.query<{ attempts: number; payload: Record<string, unknown> }>(
      'SELECT attempts, payload FROM ad_conversion_uploads WHERE lead_id = $1',
      [leadId],
    );
    expect(rows).toEqual([{ attempts: 3, payload: expect.objectContaining({ gclid: 'bad-gclid', platform_campaign_id: '11' }) }]);
    // Sent: a further job sends nothing.
    const calls = api.callsTo('POST', GOOGLE_UPLOAD).length;
    await uploadAdConversion(t.runtime, job);
    expect(api.callsTo('POST', GOOGLE_UPLOAD)).toHaveLength(calls);
  });

  it("lists a campaign's uploads only for its own workspace", async () => {
    const other = await signUp(t.app);
    expect((await other.client.get(`/api/marketing/ad-campaigns/${google.id}/conversions`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/marketing/ad-campaigns/${randomUUID()}/conversions`)).statusCode).toBe(404);
    expect((await owner.client.get('/api/marketing/ad-campaigns/pas-un-id/conversions')).statusCode).toBe(404);
  });
});
