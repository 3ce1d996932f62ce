import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, PASSWORD, signUp, uniqueEmail, type SignedUp, type TestContext } from './harness.js';
import { multipartBody } from './multipart.js';
import { OpenAiFake } from './openai-fake.js';

/**
 * Fills a workspace with at least one row in every tenant-owned table, through the API.
 * The tenant isolation test fails when a table has no row here: a module that adds a table
 * adds its fixture to this function.
 */
export async function seedTenantFixtures(t: TestContext): Promise<SignedUp> {
  const owner = await signUp(t.app, { workspace_name: 'Workspace A' });
  const inviteeEmail = uniqueEmail('a-member');
  await owner.client.post('/api/workspace/invitations', { email: inviteeEmail, role: 'member' });
  await owner.client.post('/api/workspace/invitations', { email: uniqueEmail('a-pending'), role: 'viewer' });
  await owner.client.post('/api/workspace/api-keys', { name: 'A key', role: 'member' });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const image = multipartBody({}, { fileName: 'logo-a.png', content: png, contentType: 'image/png' });
  await owner.client.request({ method: 'POST', url: '/api/marketing/files', payload: image.payload, headers: image.headers });
  await owner.client.post('/api/workspace/domains', { hostname: `pages-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.example.com` });
  // A webhook subscribed to everything, answered by a receiver on loopback: the lead events below fill its log.
  const receiver = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  await owner.client.post('/api/workspace/webhooks', { url: hookUrl, event_types: ['*'] });
  await owner.client.request({ method: 'PUT', url: '/api/workspace/credentials/smtp', payload: { host: 'smtp.a.example', port: 587, password: 'secret-a' } });
  await owner.client.post('/api/marketing/custom-fields', { key: 'budget', label: 'Budget', field_type: 'number' });
  const erased = (await owner.client.post('/api/marketing/leads', { email: uniqueEmail('a-erased') })).json() as { id: string };
  await owner.client.post(`/api/marketing/leads/${erased.id}/erase`, {});
  const segment = (
    await owner.client.post('/api/marketing/segments', {
      name: 'Gros budgets',
      rules: { op: 'and', rules: [{ field: 'custom.budget', operator: 'gte', value: 1000 }] },
    })
  ).json() as { id: string };
  await owner.client.post('/api/marketing/email-campaigns', { name: 'Newsletter A', subject: 'Bonjour {{ lead.first_name }}', segment_id: segment.id });
  // A campaign sent to every lead (kept in the outbox: no SMTP here): email_sends, email_links; a click below.
  await owner.client.patch('/api/workspace', { legal_name: 'A SAS', postal_address: '1 rue A, 75001 Paris' });
  const sent = (
    await owner.client.post('/api/marketing/email-campaigns', {
      name: 'Envoyée A',
      subject: 'Bonjour',
      html_content: '<a href="https://a.example/offre">Offre</a> {{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Désinscription</a>',
    })
  ).json() as { id: string };
  await owner.client.post('/api/marketing/email-suppressions', { email: uniqueEmail('a-blocked') });
  await owner.client.patch('/api/marketing/email-settings', { max_per_hour: 10_000 });
  await owner.client.post('/api/marketing/email-domains', { domain: 'a-fixture.example.test' });
  // Scoring: a rule (the interaction below changes the score: lead_score_history) and the settings row.
  await owner.client.post('/api/marketing/scoring-rules', { name: 'Appel', kind: 'event', event_type: 'interaction_added', points: 5 });
  await owner.client.patch('/api/marketing/crm-settings', { score_half_life_days: 45 });
  // Automations: the status change below runs this one at t.drain() (automation_runs).
  await owner.client.post('/api/marketing/automations', {
    name: 'Relance',
    trigger: { type: 'status_changed', status: 'contacted' },
    actions: [{ type: 'add_tag', params: { tag: 'relance' } }],
  });
  const lead = (
    await owner.client.post('/api/marketing/leads', { first_name: 'Anne', email: uniqueEmail('a-lead'), custom_fields: { budget: 5000 } })
  ).json() as { id: string };
  await owner.client.patch(`/api/marketing/leads/${lead.id}`, { status: 'contacted' });
  // Sequences: an email step then a wait, the lead enrolled (its first email goes at t.drain()).
  const sequence = (await owner.client.post('/api/marketing/sequences', { name: 'Bienvenue A' })).json() as { id: string };
  const sequenceEmail = (await owner.client.post(`/api/marketing/sequences/${sequence.id}/emails`, {})).json() as { id: string };
  await owner.client.patch(`/api/marketing/email-campaigns/${sequenceEmail.id}`, {
    subject: 'Bienvenue',
    html_content: '<p>Bonjour</p> {{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Désinscription</a>',
  });
  await owner.client.patch(`/api/marketing/sequences/${sequence.id}`, {
    steps: [
      { id: 'first', type: 'email', email_id: sequenceEmail.id },
      { id: 'wait', type: 'wait', amount: 1, unit: 'days' },
    ],
  });
  await owner.client.post(`/api/marketing/sequences/${sequence.id}/activate`, {});
  await owner.client.post(`/api/marketing/sequences/${sequence.id}/enrollments`, { lead_id: lead.id });
  await owner.client.post(`/api/marketing/email-campaigns/${sent.id}/send`, {});
  await owner.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'call', subject: 'Premier appel' });
  await owner.client.post(`/api/marketing/leads/${lead.id}/tasks`, { title: 'Rappeler Anne' });
  await owner.client.post('/api/marketing/saved-views', { name: 'Vue A', config: { columns: ['name'] } });
  await funnelFixture(t, owner);
  await webinarFixture(t, owner);
  await pageAbTestFixture(owner);
  await productFixture(owner);
  await testPaymentFixture(t, owner);
  await subscriptionFixture(t, owner);
  await orderFixture(t, owner);
  await adsFixture(t, owner);
  await aiFixture(owner);
  // Lead import: runs at t.drain(); its bad row lands in lead_import_failures.
  await uploadLeads(owner, 'E-mail;Prénom\nimport-a@example.com;Ida\nnot-an-email;Bad\n');
  await t.drain();
  const clicker = await clickFirstLink(t, owner, sent.id, lead.id);
  await mailgunWebhook(t, owner);
  // The reader who clicked is won: the campaign's conversion (email_conversions), attributed at this dispatch.
  await owner.client.patch(`/api/marketing/leads/${clicker}`, { status: 'won', estimated_value: 1200 });
  await t.drain();
  receiver.close();
  const outbox = (await owner.client.get('/api/workspace/outbox')).json() as { items: { to_address: string; text_body: string }[] };
  const mail = outbox.items.find((m) => m.to_address === inviteeEmail)!;
  const token = /\/invitations\/([\w-]+)/.exec(mail.text_body)![1];
  await new Client(t.app).post(`/api/invitations/${token}/accept`, { name: 'A member', password: PASSWORD });
  // An event after the drain stays in lead_event_outbox (nothing dispatches it).
  await owner.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'note', content: 'Rappelée' });
  // A second import stays queued (nothing drains after it): its file stays in lead_import_chunks.
  await uploadLeads(owner, 'E-mail\nqueued@example.com\n');
  return owner;
}

/**
 * Clicks the first tracked link of the campaign's message to `leadId`, as its recipient would (email_tracking_events);
 * returns that lead's id. Not any recipient: the order's buyer is already won, and winning them again is no conversion.
 */
async function clickFirstLink(t: TestContext, owner: SignedUp, campaignId: string, leadId: string): Promise<string> {
  const { messageToken } = await import('../src/modules/email/email-tracking-urls.js');
  const report = (await owner.client.get(`/api/marketing/email-campaigns/${campaignId}/report`)).json() as { links: { id: string }[] };
  const recipients = (await owner.client.get(`/api/marketing/email-campaigns/${campaignId}/report/recipients`)).json() as {
    items: { id: string; lead_id: string }[];
  };
  const [link] = report.links;
  const message = recipients.items.find((item) => item.lead_id === leadId);
  if (!link || !message) throw new Error('email fixture: the campaign sent nothing to the lead');
  // Sent a minute ago: a click within seconds of the send is taken for a link scanner's and records no click (and then
  // the lead won below would be no conversion), and the send may have run just now in the drain before this.
  await t.runtime.database.raw.query(`UPDATE email_sends SET sent_at = sent_at - interval '1 minute' WHERE campaign_id = $1`, [campaignId]);
  const url = `/e/c/${messageToken(t.runtime.secrets, message.id)}/${link.id}`;
  const res = await t.publicApp.inject({ method: 'GET', url, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' } });
  if (res.statusCode !== 302) throw new Error(`email fixture: click answered ${res.statusCode}`);
  return message.lead_id;
}

/** A signed Mailgun webhook (a `delivered` event: ignored, but its token is kept in email_webhook_tokens). */
async function mailgunWebhook(t: TestContext, owner: SignedUp): Promise<void> {
  const key = 'key-fixture-a';
  await owner.client.request({ method: 'PUT', url: '/api/workspace/credentials/mailgun', payload: { webhook_signing_key: key } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = `fixture-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const signature = createHmac('sha256', key).update(`${timestamp}${token}`).digest('hex');
  const url = `/e/webhooks/mailgun/${owner.workspaceId}`;
  const payload = { signature: { timestamp, token, signature }, 'event-data': { event: 'delivered', message: { headers: { 'message-id': 'x@a.example' } } } };
  const res = await t.publicApp.inject({ method: 'POST', url, payload });
  if (res.statusCode !== 200) throw new Error(`mailgun fixture: webhook answered ${res.statusCode}`);
}

/** A published funnel with an opt-in page, and a visitor's opt-in (funnel_events, funnel_firsts, a lead). */
async function funnelFixture(t: TestContext, owner: SignedUp): Promise<void> {
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Tunnel A', funnel_type: 'lead_magnet' })).json() as { id: string; slug: string };
  const html = '<form data-mk="optin-form"><input name="email" type="email" required><button>OK</button></form>';
  const page = (await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Opt-in', page_type: 'optin', html_content: html })).json() as {
    id: string;
  };
  await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Merci', page_type: 'thank_you' });
  const published = await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
  if (published.statusCode !== 200) throw new Error(`funnel fixture: publish answered ${published.statusCode}`);
  const res = await t.publicApp.inject({
    method: 'POST',
    url: `/p/${page.id}/form/0`,
    payload: { email: uniqueEmail('a-optin') },
    headers: { accept: 'application/json' },
  });
  if (res.statusCode !== 200) throw new Error(`funnel fixture: opt-in answered ${res.statusCode} ${res.body}`);
}

/** A webinar funnel from the template with a fixed session, and a registration (funnel_webinars, webinar_registrations). */
async function webinarFixture(t: TestContext, owner: SignedUp): Promise<void> {
  const funnel = (await owner.client.post('/api/marketing/funnels/from-template', { template_id: 'webinar-fr', name: 'Webinaire A' })).json() as { id: string };
  const session = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const put = await owner.client.request({
    method: 'PUT',
    url: `/api/marketing/funnels/${funnel.id}/webinar`,
    payload: { mode: 'fixed', sessions: [session] },
  });
  if (put.statusCode !== 200) throw new Error(`webinar fixture: settings answered ${put.statusCode} ${put.body}`);
  await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
  const pages = (await owner.client.get(`/api/marketing/funnels/${funnel.id}/pages`)).json() as { items: { id: string; page_type: string }[] };
  const res = await t.publicApp.inject({
    method: 'POST',
    url: `/p/${pages.items.find((p) => p.page_type === 'optin')!.id}/form/0`,
    payload: { email: uniqueEmail('a-webinar'), first_name: 'Wes', consent: 'on', session },
    headers: { accept: 'application/json' },
  });
  if (res.statusCode !== 200) throw new Error(`webinar fixture: registration answered ${res.statusCode} ${res.body}`);
}

/** A page with an A/B test and one variant (funnel_page_ab_tests, funnel_page_variants). */
async function pageAbTestFixture(owner: SignedUp): Promise<void> {
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Tunnel A/B', funnel_type: 'lead_magnet' })).json() as { id: string };
  const pages = `/api/marketing/funnels/${funnel.id}/pages`;
  const page = (await owner.client.post(pages, { name: 'Vente', page_type: 'sales', html_content: '<h1>A</h1>' })).json() as { id: string };
  const res = await owner.client.post(`${pages}/${page.id}/ab-test/variants`, { name: 'B', weight: 50 });
  if (res.statusCode !== 201) throw new Error(`page A/B test fixture: variant answered ${res.statusCode} ${res.body}`);
}

/** A product with a one-time and a monthly price (products, product_prices). */
async function productFixture(owner: SignedUp): Promise<void> {
  const res = await owner.client.post('/api/marketing/products', {
    name: 'Formation A',
    prices: [
      { kind: 'one_time', amount_cents: 19_700 },
      { kind: 'recurring', interval: 'month', amount_cents: 2_900 },
    ],
  });
  if (res.statusCode !== 201) throw new Error(`product fixture: create answered ${res.statusCode} ${res.body}`);
}

/** A payment to the built-in test provider, paid with the test card then partly refunded (test_payments). */
async function testPaymentFixture(t: TestContext, owner: SignedUp): Promise<void> {
  const { Tenant } = await import('../src/platform/db/tenant.js');
  const { testPaymentProviderFor, TEST_CARDS } = await import('../src/modules/commerce/index.js');
  const provider = await testPaymentProviderFor(t.runtime, new Tenant(t.runtime.db, owner.workspaceId));
  const customerId = await provider.ensureCustomer({ email: uniqueEmail('a-buyer'), leadId: crypto.randomUUID() });
  const started = await provider.startPayment({
    amount: 4_700,
    currency: 'eur',
    customerId,
    description: 'Fixture',
    metadata: {},
    savePaymentMethod: true,
    idempotencyKey: 'fixture-a',
  });
  await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.visa, exp_month: 12, exp_year: new Date().getUTCFullYear() + 1, cvc: '123' });
  await provider.refund({ paymentId: started.id, amount: 700, idempotencyKey: 'fixture-a-refund' });
}

/** An order of the product's monthly price paid with the test card (its test subscription), then one renewal (order_renewals). */
async function subscriptionFixture(t: TestContext, owner: SignedUp): Promise<void> {
  const { Tenant } = await import('../src/platform/db/tenant.js');
  const { confirmPaid, startOrder, testPaymentProviderFor, TEST_CARDS } = await import('../src/modules/commerce/index.js');
  const { recordRenewal } = await import('../src/modules/commerce/orders/order-subscriptions.js');
  const tenant = new Tenant(t.runtime.db, owner.workspaceId);
  const products = (await owner.client.get('/api/marketing/products')).json() as { items: { prices: { id: string; kind: string }[] }[] };
  const priceId = products.items[0]!.prices.find((price) => price.kind === 'recurring')!.id;
  const started = await startOrder(t.runtime, tenant, {
    price_id: priceId,
    buyer: { email: uniqueEmail('a-subscriber') },
    idempotency_key: 'fixture-subscription-a',
  });
  const provider = await testPaymentProviderFor(t.runtime, tenant);
  await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.visa, exp_month: 12, exp_year: new Date().getUTCFullYear() + 1, cvc: '123' });
  await confirmPaid(t.runtime, tenant, started.lines[0]!.payment_id!);
  await recordRenewal(t.runtime, tenant, { orderId: started.order.id, invoiceId: 'in_fixture_a', amountCents: 2_900, currency: 'eur', periodEnd: null });
}

/**
 * An order of the product above paid with the test card then refunded in full (orders, order_lines), then a Stripe
 * event of a payment of no order, signed with the workspace's webhook secret (payment_events). Stripe keys are saved
 * last: the order was paid with the built-in provider.
 */
async function orderFixture(t: TestContext, owner: SignedUp): Promise<void> {
  const { Tenant } = await import('../src/platform/db/tenant.js');
  const { confirmPaid, refundOrder, startOrder, testPaymentProviderFor, TEST_CARDS } = await import('../src/modules/commerce/index.js');
  const tenant = new Tenant(t.runtime.db, owner.workspaceId);
  const products = (await owner.client.get('/api/marketing/products')).json() as { items: { prices: { id: string; kind: string }[] }[] };
  const priceId = products.items[0]!.prices.find((price) => price.kind === 'one_time')!.id;
  // What a sales page sells (page_offers).
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Vente A', funnel_type: 'product' })).json() as { id: string };
  const page = (await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Vente', page_type: 'sales' })).json() as { id: string };
  const offer = await owner.client.put(`/api/marketing/funnels/${funnel.id}/pages/${page.id}/offer`, { price_id: priceId });
  if (offer.statusCode !== 200) throw new Error(`order fixture: offer answered ${offer.statusCode} ${offer.body}`);
  const started = await startOrder(t.runtime, tenant, {
    price_id: priceId,
    buyer: { email: uniqueEmail('a-order'), name: 'Olga' },
    idempotency_key: 'fixture-order-a',
  });
  const provider = await testPaymentProviderFor(t.runtime, tenant);
  await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.visa, exp_month: 12, exp_year: new Date().getUTCFullYear() + 1, cvc: '123' });
  await confirmPaid(t.runtime, tenant, started.lines[0]!.payment_id!);
  await refundOrder(t.runtime, tenant, started.order.id, {});
  await memberFixture(t, owner, priceId);
  const secret = 'whsec_fixture_a';
  await owner.client.put('/api/workspace/credentials/stripe', {
    secret_key: 'sk_test_fixture_a',
    publishable_key: 'pk_test_fixture_a',
    webhook_secret: secret,
  });
  const { default: Stripe } = await import('stripe');
  const payload = JSON.stringify({ id: 'evt_fixture_a', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_not_an_order' } } });
  const res = await t.publicApp.inject({
    method: 'POST',
    url: `/webhooks/stripe/${owner.workspaceId}`,
    payload,
    headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }) },
  });
  if (res.statusCode !== 200) throw new Error(`order fixture: Stripe webhook answered ${res.statusCode} ${res.body}`);
}

/** A membership funnel bought through the public checkout: its buyer becomes a member at the next drain (member_access). */
async function memberFixture(t: TestContext, owner: SignedUp, priceId: string): Promise<void> {
  const { TEST_CARDS } = await import('../src/modules/commerce/index.js');
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Club A', funnel_type: 'membership' })).json() as { id: string };
  const pages = `/api/marketing/funnels/${funnel.id}/pages`;
  const sales = (await owner.client.post(pages, { name: 'Commande', page_type: 'sales', html_content: '<div data-mk="order-form"></div>' })).json() as {
    id: string;
  };
  await owner.client.post(pages, { name: 'Espace', page_type: 'thank_you', members_only: true });
  await owner.client.put(`${pages}/${sales.id}/offer`, { price_id: priceId });
  await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
  const headers = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0', accept: 'application/json' };
  const started = await t.publicApp.inject({
    method: 'POST',
    url: `/p/${sales.id}/checkout`,
    headers,
    payload: { email: uniqueEmail('a-member'), idempotency_key: 'fixture-member-a' },
  });
  const card = { number: TEST_CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' };
  const paid = await t.publicApp.inject({
    method: 'POST',
    url: `/p/${sales.id}/pay/test-card`,
    headers,
    payload: { client_secret: started.json().client_secret, card },
  });
  if (paid.statusCode !== 200) throw new Error(`member fixture: payment answered ${paid.statusCode} ${paid.body}`);
}

/** Uploads a CSV of leads (column E-mail) for import, as the import wizard does. */
async function uploadLeads(owner: SignedUp, csv: string): Promise<void> {
  const body = multipartBody({ mapping: JSON.stringify({ 'E-mail': 'email' }), on_duplicate: 'skip' }, { fileName: 'leads.csv', content: csv });
  const res = await owner.client.request({ method: 'POST', url: '/api/marketing/leads/import', payload: body.payload, headers: body.headers });
  if (res.statusCode !== 202) throw new Error(`lead import fixture failed: ${res.statusCode} ${res.body}`);
}

/**
 * Ads: a Google Ads report import (ad_campaigns, ad_campaign_days, ad_report_imports); a Meta connection through the
 * OAuth round trip against the local MetaFake the isolation test starts (ad_connections) with one campaign linked;
 * a lead of that campaign's UTM, without consent, won: at the next drain its offline conversion is logged `skipped`
 * without calling Meta (ad_conversion_uploads).
 */
async function adsFixture(t: TestContext, owner: SignedUp): Promise<void> {
  const report = multipartBody({}, { fileName: 'google.csv', content: 'Day,Campaign,Campaign ID,Impr.,Clicks,Cost\n2026-11-01,Fixture A,777,100,5,2.50\n' });
  const adImport = await owner.client.request({ method: 'POST', url: '/api/marketing/ad-campaigns/imports', payload: report.payload, headers: report.headers });
  if (adImport.statusCode !== 201) throw new Error(`ad report fixture failed: ${adImport.statusCode} ${adImport.body}`);
  const { url: consentUrl } = (await owner.client.post('/api/marketing/ad-connections/meta/authorize', {})).json() as { url: string };
  const state = new URL(consentUrl).searchParams.get('state')!;
  const back = await t.app.inject({
    method: 'GET',
    url: `/api/marketing/ad-connections/meta/callback?code=good-code&state=${encodeURIComponent(state)}`,
    headers: { cookie: `mk_session=${owner.client.cookie}` },
  });
  const pendingId = new URL(back.headers.location as string, 'http://app').searchParams.get('connect')!;
  const pendingCookie = back.cookies.find((c) => c.name === 'mk_ads_pending')!.value;
  const connected = await t.app.inject({
    method: 'POST',
    url: `/api/marketing/ad-connections/pending/${pendingId}`,
    payload: { account_id: 'act_111' },
    headers: { cookie: `mk_session=${owner.client.cookie}; mk_ads_pending=${pendingCookie}`, 'x-csrf-token': owner.client.csrf! },
  });
  if (connected.statusCode !== 201) throw new Error(`ad connection fixture failed: ${connected.statusCode} ${connected.body}`);
  const connection = connected.json() as { id: string };
  const linked = (await owner.client.post(`/api/marketing/ad-connections/${connection.id}/campaigns/link`, { platform_campaign_id: '120001' })).json() as {
    campaign_id: string;
  };
  await owner.client.patch(`/api/marketing/ad-campaigns/${linked.campaign_id}`, { utm_campaign: 'fixture-a', start_date: '2026-01-01' });
  const adLead = (await owner.client.post('/api/marketing/leads', { email: uniqueEmail('a-ad-lead'), utm_campaign: 'fixture-a' })).json() as { id: string };
  await owner.client.patch(`/api/marketing/leads/${adLead.id}`, { status: 'won', estimated_value: 100 });
}

/**
 * AI: the brand kit (ai_brand_kits); a rewrite by the workspace's own model, a local OpenAI-compatible fake, which
 * records the month's usage (ai_usage_months); then, the provider removed, ad creatives by the built-in generator
 * (ai_generations, with its ad campaign and its three visuals in the media library).
 */
async function aiFixture(owner: SignedUp): Promise<void> {
  await owner.client.put('/api/marketing/ai/brand-kit', { brand_name: 'Marque A', words_to_avoid: ['pas cher'] });
  const model = new OpenAiFake();
  await model.start();
  model.reply = () => JSON.stringify({ text: 'Un texte réécrit par le modèle.' });
  await owner.client.put('/api/workspace/credentials/openai_compatible', { base_url: `${model.url}/v1`, api_key: model.apiKey, model: model.model });
  const rewritten = await owner.client.post('/api/marketing/ai/rewrite', { text: 'Un texte à réécrire.', action: 'rewrite' });
  await owner.client.delete('/api/workspace/credentials/openai_compatible');
  await model.stop();
  if (rewritten.statusCode !== 200) throw new Error(`AI rewrite fixture failed: ${rewritten.statusCode} ${rewritten.body}`);
  const creatives = await owner.client.post('/api/marketing/ads/generate', { platform: 'linkedin', product: 'Audit RH', objective: 'leads', budget: 900 });
  if (creatives.statusCode !== 201) throw new Error(`AI ad fixture failed: ${creatives.statusCode} ${creatives.body}`);
}
