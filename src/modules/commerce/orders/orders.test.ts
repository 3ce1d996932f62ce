import { and, count, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { StripeFake } from '../../../../test/stripe-fake.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { outboxMessages } from '../../../platform/mail/outbox.tables.js';
import { leadEvents, leads } from '../../crm/index.js';
import { funnels } from '../../funnels/index.js';
import { testPaymentProviderFor } from '../payments/payment-providers.js';
import { stripeClient } from '../payments/stripe-client.js';
import { TEST_CARDS } from '../payments/test-cards.js';
import { testPayments } from '../payments/test-payments.tables.js';
import { acceptOffer } from './order-offers.js';
import { confirmPaid, failPayment } from './order-payments.js';
import { refundOrder } from './order-refunds.js';
import { orderLines, orders, paymentEvents } from './orders.tables.js';
import { getOrder, startOrder } from './orders.service.js';

// Orders through the service and HTTP, with the built-in test provider and with Stripe (the local fake of its API):
// paid once, fulfilled once whoever confirms and however often, offers charged once, refunds, the signed webhook.

let t: TestContext;
let fake: StripeFake;
const webhookSecret = 'whsec_orders_test_secret';
beforeAll(async () => {
  fake = new StripeFake();
  t = await startTestApp({ STRIPE_API_URL: await fake.start() });
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

type TShop = { owner: SignedUp; tenant: Tenant; main: string; bump: string; upsell: string; funnelId: string; pageId: string; offerPageId: string };

/** A workspace selling a course (97 €), a bump (27 €) and an upsell (197 €) through a funnel with an upsell page. */
async function shop(options: { stripe?: boolean } = {}): Promise<TShop> {
  const owner = await signUp(t.app);
  if (options.stripe) {
    const saved = await owner.client.put('/api/workspace/credentials/stripe', {
      secret_key: fake.secretKey,
      publishable_key: 'pk_test_orders',
      webhook_secret: webhookSecret,
    });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
  }
  const price = async (name: string, amount: number) => {
    const res = await owner.client.post('/api/marketing/products', { name, prices: [{ kind: 'one_time', amount_cents: amount }] });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { prices: { id: string }[] }).prices[0]!.id;
  };
  await owner.client.patch('/api/workspace', { legal_name: 'Atelier Léa SAS', postal_address: '12 rue des Lilas, 69001 Lyon' });
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Tunnel de vente', funnel_type: 'lead_magnet' })).json() as { id: string };
  const page = (await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Commande', page_type: 'sales' })).json() as { id: string };
  const offer = (await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Offre', page_type: 'upsell' })).json() as { id: string };
  return {
    owner,
    tenant: new Tenant(t.runtime.db, owner.workspaceId),
    main: await price('Formation Vidéo', 9_700),
    bump: await price('Modèles', 2_700),
    upsell: await price('Coaching', 19_700),
    funnelId: funnel.id,
    pageId: page.id,
    offerPageId: offer.id,
  };
}

async function start(s: TShop, email = uniqueEmail('buyer'), bump = true) {
  return startOrder(t.runtime, s.tenant, {
    price_id: s.main,
    ...(bump ? { bump_price_id: s.bump } : {}),
    buyer: { email, name: 'Anne Martin' },
    funnel_id: s.funnelId,
    page_id: s.pageId,
    utm: { utm_source: 'facebook' },
    idempotency_key: `form-${email}`,
  });
}

const card = (number: string) => ({ number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123' });

/** The buyer pays on the test provider's page with this card (3-D Secure approved when it asks). */
async function payWithTestCard(s: TShop, clientSecret: string, number: string = TEST_CARDS.visa) {
  const provider = await testPaymentProviderFor(t.runtime, s.tenant);
  const paid = await provider.confirmCard(clientSecret, card(number));
  if (paid.status === 'requires_action') await provider.authenticate(clientSecret, true);
}

/** What a funnel's sales look like in the database: the one-time effects counted. */
async function effects(s: TShop, orderId: string, email: string) {
  const db = t.runtime.db;
  const [receipts] = await db
    .select({ n: count() })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.workspace_id, s.owner.workspaceId), eq(outboxMessages.category, 'order_receipt'), eq(outboxMessages.to_address, email)));
  const { order } = await getOrder(s.tenant, orderId);
  const [lead] = await db.select().from(leads).where(eq(leads.id, order.lead_id!));
  const [paidEvents] = await db
    .select({ n: count() })
    .from(leadEvents)
    .where(and(eq(leadEvents.lead_id, order.lead_id!), eq(leadEvents.event_type, 'order_paid')));
  const [funnel] = await db.select().from(funnels).where(eq(funnels.id, s.funnelId));
  return { order, receipts: receipts!.n, paidEvents: paidEvents!.n, lead: lead!, funnel: funnel! };
}

function shuffled<T>(items: T[]): T[] {
  return items
    .map((item) => ({ item, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

/** A Stripe event for this workspace, signed as Stripe signs it (or with another secret). */
function stripeEvent(s: TShop, type: string, object: Record<string, unknown>, options: { id?: string; secret?: string } = {}) {
  const payload = JSON.stringify({
    id: options.id ?? `evt_${crypto.randomUUID().replace(/-/g, '')}`,
    object: 'event',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? webhookSecret });
  return () =>
    t.publicApp.inject({
      method: 'POST',
      url: `/webhooks/stripe/${s.owner.workspaceId}`,
      payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    });
}

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

describe('an order with the built-in test provider', () => {
  it('starts one pending order for a double submit, with the bump in the same payment, and numbers orders from 1001', async () => {
    const s = await shop();
    const email = uniqueEmail('double');
    const [first, second] = await Promise.all([start(s, email), start(s, email)]);
    expect(second.order.id).toBe(first.order.id);
    expect(first.order).toMatchObject({ number: 1001, status: 'pending', total_cents: 12_400, currency: 'EUR', provider: 'test', utm_source: 'facebook' });
    expect(first.lines.map((line) => [line.kind, line.amount_cents])).toEqual([
      ['main', 9_700],
      ['bump', 2_700],
    ]);
    expect(first.lines[0]!.payment_id).toBe(first.lines[1]!.payment_id);
    expect(first.clientSecret).toBe(second.clientSecret);
    const [payments] = await t.runtime.db.select({ n: count() }).from(testPayments).where(eq(testPayments.workspace_id, s.owner.workspaceId));
    expect(payments!.n).toBe(1);
    expect((await start(s)).order.number).toBe(1002);
  });

  it('is paid once and fulfilled once, however many times it is confirmed', async () => {
    const s = await shop();
    const email = uniqueEmail('paid');
    const started = await start(s, email);
    const paymentId = started.lines[0]!.payment_id!;
    // Before the buyer paid, a confirmation changes nothing.
    expect((await confirmPaid(t.runtime, s.tenant, paymentId))!.order.status).toBe('pending');
    await payWithTestCard(s, started.clientSecret);
    await Promise.all(Array.from({ length: 10 }, () => confirmPaid(t.runtime, s.tenant, paymentId)));
    const after = await effects(s, started.order.id, email);
    expect(after.order).toMatchObject({ status: 'paid', total_cents: 12_400 });
    expect(after.order.fulfilled_at).not.toBeNull();
    expect(after.receipts).toBe(1);
    expect(after.paidEvents).toBe(1);
    expect(after.lead).toMatchObject({ status: 'won', estimated_value: 124, first_name: 'Anne', last_name: 'Martin' });
    expect(after.lead.tags).toEqual(expect.arrayContaining(['Formation Vidéo', 'Modèles']));
    expect(after.funnel).toMatchObject({ total_sales: 1, total_revenue: 12_400 });
    const [receipt] = await t.runtime.db.select().from(outboxMessages).where(eq(outboxMessages.to_address, email));
    expect(receipt!.text_body).toContain('Formation Vidéo');
    expect(receipt!.text_body).toContain('124,00');
    expect(receipt!.subject).toContain('1001');
    expect(receipt!.text_body).toContain('Atelier Léa SAS – 12 rue des Lilas, 69001 Lyon');
  });

  it('captures the buyer again when their lead was deleted before the payment was confirmed', async () => {
    const s = await shop();
    const email = uniqueEmail('deleted');
    const started = await start(s, email, false);
    expect((await s.owner.client.delete(`/api/marketing/leads/${started.order.lead_id}`)).statusCode).toBe(204);
    expect((await getOrder(s.tenant, started.order.id)).order.lead_id).toBeNull();
    await payWithTestCard(s, started.clientSecret);
    const paid = await confirmPaid(t.runtime, s.tenant, started.lines[0]!.payment_id!);
    expect(paid!.order.lead_id).not.toBeNull();
    expect(paid!.order.lead_id).not.toBe(started.order.lead_id);
    const after = await effects(s, started.order.id, email);
    expect(after.lead).toMatchObject({ email, status: 'won', estimated_value: 97 });
    expect(after.paidEvents).toBe(1);
  });

  it('is described in the OpenAPI document', async () => {
    const s = await shop();
    const doc = (await s.owner.client.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/marketing/orders']!)).toContain('get');
    expect(Object.keys(doc.paths['/api/marketing/orders/{id}']!)).toContain('get');
    expect(Object.keys(doc.paths['/api/marketing/orders/{id}/refund']!)).toContain('post');
  });

  it('charges an accepted upsell once, however often it is accepted, and fulfils its line once', async () => {
    const s = await shop();
    const email = uniqueEmail('upsell');
    const started = await start(s, email);
    const offer = { order_id: started.order.id, offer_page_id: s.offerPageId, price_id: s.upsell, idempotency_key: 'offer-click-1' };
    expect(await reason(acceptOffer(t.runtime, s.tenant, offer))).toBe('order_not_paid');
    await payWithTestCard(s, started.clientSecret);
    await confirmPaid(t.runtime, s.tenant, started.lines[0]!.payment_id!);
    const results = await Promise.all([acceptOffer(t.runtime, s.tenant, offer), acceptOffer(t.runtime, s.tenant, offer)]);
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const again = await acceptOffer(t.runtime, s.tenant, { ...offer, idempotency_key: 'offer-click-2' });
    expect(again.status).toBe('succeeded');
    const [charges] = await t.runtime.db
      .select({ n: count() })
      .from(testPayments)
      .where(and(eq(testPayments.workspace_id, s.owner.workspaceId), eq(testPayments.amount, 19_700)));
    expect(charges!.n).toBe(1);
    const after = await effects(s, started.order.id, email);
    expect(after.order).toMatchObject({ status: 'paid', total_cents: 32_100 });
    expect(again.order.lines.map((line) => [line.kind, line.status])).toEqual([
      ['main', 'paid'],
      ['bump', 'paid'],
      ['upsell', 'paid'],
    ]);
    expect(after.receipts).toBe(2);
    expect(after.paidEvents).toBe(2);
    expect(after.lead.estimated_value).toBe(321);
    expect(after.lead.tags).toContain('Coaching');
    expect(after.funnel).toMatchObject({ total_sales: 1, total_revenue: 32_100 });
  });

  it('asks for 3-D Secure on an upsell paid with a card that requires it, then pays it once authenticated', async () => {
    const s = await shop();
    const email = uniqueEmail('3ds');
    const started = await start(s, email, false);
    await payWithTestCard(s, started.clientSecret, TEST_CARDS.authentication);
    await confirmPaid(t.runtime, s.tenant, started.lines[0]!.payment_id!);
    const offer = { order_id: started.order.id, offer_page_id: s.offerPageId, price_id: s.upsell, idempotency_key: 'offer-3ds' };
    const result = await acceptOffer(t.runtime, s.tenant, offer);
    if (result.status !== 'requires_action') throw new Error(`expected requires_action, got ${result.status}`);
    expect(result.order.lines.at(-1)).toMatchObject({ kind: 'upsell', status: 'pending', payment_id: result.paymentId });
    const repeated = await acceptOffer(t.runtime, s.tenant, offer);
    expect(repeated).toMatchObject({ status: 'requires_action', paymentId: result.paymentId });
    const provider = await testPaymentProviderFor(t.runtime, s.tenant);
    await provider.authenticate(result.clientSecret, true);
    const paid = await confirmPaid(t.runtime, s.tenant, result.paymentId);
    expect(paid!.order).toMatchObject({ status: 'paid', total_cents: 9_700 + 19_700 });
    expect((await effects(s, started.order.id, email)).paidEvents).toBe(2);
  });

  it('fails an order whose card was declined, and pays it when the buyer tries another card', async () => {
    const s = await shop();
    const email = uniqueEmail('declined');
    const started = await start(s, email);
    const paymentId = started.lines[0]!.payment_id!;
    await payWithTestCard(s, started.clientSecret, TEST_CARDS.declined);
    await failPayment(s.tenant, paymentId);
    const failed = await getOrder(s.tenant, started.order.id);
    expect(failed.order.status).toBe('failed');
    expect(failed.lines.map((line) => line.status)).toEqual(['failed', 'failed']);
    expect(failed.order.fulfilled_at).toBeNull();
    await payWithTestCard(s, started.clientSecret, TEST_CARDS.visa);
    expect((await confirmPaid(t.runtime, s.tenant, paymentId))!.order.status).toBe('paid');
  });

  it('refunds part of an order then the rest, through HTTP, and keeps the funnel revenue net', async () => {
    const s = await shop();
    const email = uniqueEmail('refund');
    const started = await start(s, email);
    await payWithTestCard(s, started.clientSecret);
    await confirmPaid(t.runtime, s.tenant, started.lines[0]!.payment_id!);
    const url = `/api/marketing/orders/${started.order.id}/refund`;
    expect((await s.owner.client.post(url, { amount_cents: 20_000 })).json()).toMatchObject({ reason: 'refund_too_large' });
    const partial = await s.owner.client.post(url, { amount_cents: 10_000 });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json()).toMatchObject({ status: 'partially_refunded', refunded_cents: 10_000 });
    // The main line (97 €) is refunded in full, the bump for 3 €.
    expect((partial.json() as { lines: { refunded_cents: number; status: string }[] }).lines.map((l) => [l.refunded_cents, l.status])).toEqual([
      [9_700, 'refunded'],
      [300, 'paid'],
    ]);
    const whole = await s.owner.client.post(url, {});
    expect(whole.json()).toMatchObject({ status: 'refunded', refunded_cents: 12_400 });
    expect((await s.owner.client.post(url, {})).json()).toMatchObject({ reason: 'order_not_refundable' });
    const after = await effects(s, started.order.id, email);
    expect(after.funnel).toMatchObject({ total_sales: 1, total_revenue: 0 });
    const refundedEvents = await t.runtime.db
      .select({ data: leadEvents.data })
      .from(leadEvents)
      .where(and(eq(leadEvents.lead_id, after.order.lead_id!), eq(leadEvents.event_type, 'order_refunded')));
    expect(refundedEvents.map((e) => (e.data as { amount_cents: number }).amount_cents).sort()).toEqual([10_000, 2_400].sort());
    const [refunds] = await t.runtime.db
      .select({ n: count() })
      .from(testPayments)
      .where(and(eq(testPayments.workspace_id, s.owner.workspaceId), eq(testPayments.kind, 'refund')));
    expect(refunds!.n).toBe(2);
  });

  it('keeps each workspace’s orders to itself', async () => {
    const a = await shop();
    const started = await start(a);
    const b = await signUp(t.app);
    const bTenant = new Tenant(t.runtime.db, b.workspaceId);
    expect((await b.client.get(`/api/marketing/orders/${started.order.id}`)).statusCode).toBe(404);
    expect((await b.client.post(`/api/marketing/orders/${started.order.id}/refund`, {})).statusCode).toBe(404);
    expect((await b.client.get('/api/marketing/orders')).json()).toEqual({ items: [], next_cursor: null });
    expect(await confirmPaid(t.runtime, bTenant, started.lines[0]!.payment_id!)).toBeUndefined();
    expect(await reason(startOrder(t.runtime, bTenant, { price_id: a.main, buyer: { email: uniqueEmail('b') }, idempotency_key: 'b-order-1' }))).toBe(
      'price_unavailable',
    );
    // Another workspace's funnel, page or offer page is not found from here.
    const bShop = await shop();
    expect(
      await reason(
        startOrder(t.runtime, a.tenant, { price_id: a.main, buyer: { email: uniqueEmail('x') }, funnel_id: bShop.funnelId, idempotency_key: 'cross-funnel' }),
      ),
    ).toBe('not_found');
    expect(
      await reason(
        startOrder(t.runtime, a.tenant, { price_id: a.main, buyer: { email: uniqueEmail('x') }, page_id: bShop.pageId, idempotency_key: 'cross-page' }),
      ),
    ).toBe('not_found');
    const list = (await a.owner.client.get(`/api/marketing/orders?status=pending&funnel_id=${a.funnelId}`)).json() as { items: { id: string }[] };
    expect(list.items.map((o) => o.id)).toEqual([started.order.id]);
    // A sold product cannot be deleted (archive it instead).
    const products = (await a.owner.client.get('/api/marketing/products')).json() as { items: { id: string; name: string }[] };
    const sold = products.items.find((p) => p.name === 'Formation Vidéo')!;
    expect((await a.owner.client.delete(`/api/marketing/products/${sold.id}`)).json()).toMatchObject({ reason: 'product_sold' });
  });
});

describe('an order paid with Stripe', () => {
  /** What Stripe.js does in the buyer's browser: confirms the PaymentIntent with a test card. */
  const confirmInBrowser = (paymentId: string, paymentMethod: string) =>
    stripeClient({ stripeApi: t.runtime.config.stripeApi }, fake.secretKey)
      .paymentIntents.confirm(paymentId, { payment_method: paymentMethod })
      .catch((error: unknown) => (error as { payment_intent: Stripe.PaymentIntent }).payment_intent);

  it('is fulfilled once when the return and the webhook (replayed) confirm it, shuffled', async () => {
    const s = await shop({ stripe: true });
    const email = uniqueEmail('stripe');
    const started = await start(s, email);
    expect(started.order.provider).toBe('stripe');
    const paymentId = started.lines[0]!.payment_id!;
    expect(paymentId).toMatch(/^pi_/);
    await confirmInBrowser(paymentId, 'pm_card_visa');
    const webhook = stripeEvent(s, 'payment_intent.succeeded', { id: paymentId, object: 'payment_intent', status: 'succeeded' });
    const calls = shuffled([
      ...Array.from({ length: 10 }, () => () => confirmPaid(t.runtime, s.tenant, paymentId)),
      ...Array.from({ length: 10 }, () => async () => {
        const res = await webhook();
        expect(res.statusCode, res.body).toBe(200);
      }),
    ]);
    await Promise.all(calls.map((call) => call()));
    const after = await effects(s, started.order.id, email);
    expect(after.order).toMatchObject({ status: 'paid', total_cents: 12_400 });
    expect(after.receipts).toBe(1);
    expect(after.paidEvents).toBe(1);
    expect(after.funnel).toMatchObject({ total_sales: 1, total_revenue: 12_400 });
    const events = await t.runtime.db.select().from(paymentEvents).where(eq(paymentEvents.workspace_id, s.owner.workspaceId));
    expect(events).toHaveLength(1);
    expect(events[0]!.processed_at).not.toBeNull();

    // A one-click upsell on the card Stripe saved: charged once for two accepts at the same time.
    const offer = { order_id: started.order.id, offer_page_id: s.offerPageId, price_id: s.upsell, idempotency_key: 'stripe-offer' };
    const before = fake.paymentIntents().length;
    const results = await Promise.all([acceptOffer(t.runtime, s.tenant, offer), acceptOffer(t.runtime, s.tenant, offer)]);
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(fake.paymentIntents().length).toBe(before + 1);
    expect((await effects(s, started.order.id, email)).funnel).toMatchObject({ total_sales: 1, total_revenue: 32_100 });
  });

  it('follows refunds (here and from charge.refunded, counted once) and disputes; unknown payments are acknowledged', async () => {
    const s = await shop({ stripe: true });
    const email = uniqueEmail('stripe-refund');
    const started = await start(s, email);
    const paymentId = started.lines[0]!.payment_id!;
    await confirmInBrowser(paymentId, 'pm_card_visa');
    expect((await stripeEvent(s, 'payment_intent.succeeded', { id: paymentId, object: 'payment_intent' })()).statusCode).toBe(200);
    const refunded = await refundOrder(t.runtime, s.tenant, started.order.id, { amount_cents: 2_000 });
    expect(refunded.order).toMatchObject({ status: 'partially_refunded', refunded_cents: 2_000 });
    // Stripe tells the same refund, then one made in its dashboard (5 € more): 20 € then 25 € in all.
    const charge = (amount: number) => stripeEvent(s, 'charge.refunded', { id: 'ch_x', object: 'charge', payment_intent: paymentId, amount_refunded: amount });
    expect((await charge(2_000)()).statusCode).toBe(200);
    expect((await getOrder(s.tenant, started.order.id)).order.refunded_cents).toBe(2_000);
    expect((await charge(2_500)()).statusCode).toBe(200);
    expect((await getOrder(s.tenant, started.order.id)).order).toMatchObject({ refunded_cents: 2_500, status: 'partially_refunded' });
    expect((await effects(s, started.order.id, email)).funnel.total_revenue).toBe(12_400 - 2_500);
    expect((await stripeEvent(s, 'charge.dispute.created', { id: 'dp_x', object: 'dispute', payment_intent: paymentId })()).statusCode).toBe(200);
    expect((await getOrder(s.tenant, started.order.id)).order.status).toBe('disputed');
    const unknown = await stripeEvent(s, 'payment_intent.succeeded', { id: 'pi_of_another_app', object: 'payment_intent' })();
    expect(unknown.statusCode).toBe(200);
    const [stored] = await t.runtime.db.select({ n: count() }).from(paymentEvents).where(eq(paymentEvents.workspace_id, s.owner.workspaceId));
    expect(stored!.n).toBe(5);
  });

  it('fails an order on payment_intent.payment_failed (a declined card)', async () => {
    const s = await shop({ stripe: true });
    const started = await start(s);
    const paymentId = started.lines[0]!.payment_id!;
    await confirmInBrowser(paymentId, 'pm_card_chargeDeclined');
    expect((await stripeEvent(s, 'payment_intent.payment_failed', { id: paymentId, object: 'payment_intent' })()).statusCode).toBe(200);
    expect((await getOrder(s.tenant, started.order.id)).order).toMatchObject({ status: 'failed', fulfilled_at: null });
    // The return page asking again changes nothing: the payment did not succeed.
    expect((await confirmPaid(t.runtime, s.tenant, paymentId))!.order.status).toBe('failed');
  });

  it('refuses a webhook with a wrong signature (400) and changes nothing', async () => {
    const s = await shop({ stripe: true });
    const started = await start(s);
    const paymentId = started.lines[0]!.payment_id!;
    await confirmInBrowser(paymentId, 'pm_card_visa');
    const forged = await stripeEvent(s, 'payment_intent.succeeded', { id: paymentId, object: 'payment_intent' }, { secret: 'whsec_attacker' })();
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ reason: 'webhook_signature_invalid' });
    const unsigned = await t.publicApp.inject({ method: 'POST', url: `/webhooks/stripe/${s.owner.workspaceId}`, payload: { id: 'evt_1', type: 'x' } });
    expect(unsigned.statusCode).toBe(400);
    const [stored] = await t.runtime.db.select({ n: count() }).from(paymentEvents).where(eq(paymentEvents.workspace_id, s.owner.workspaceId));
    expect(stored!.n).toBe(0);
    expect((await getOrder(s.tenant, started.order.id)).order.status).toBe('pending');
    const [lines] = await t.runtime.db
      .select({ n: count() })
      .from(orderLines)
      .where(and(eq(orderLines.order_id, started.order.id), eq(orderLines.status, 'paid')));
    expect(lines!.n).toBe(0);
    const [rows] = await t.runtime.db.select({ n: count() }).from(orders).where(eq(orders.workspace_id, s.owner.workspaceId));
    expect(rows!.n).toBe(1);
  });
});
