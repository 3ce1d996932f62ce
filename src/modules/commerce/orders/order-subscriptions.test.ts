import { and, count, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { StripeFake } from '../../../../test/stripe-fake.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { leadEvents, leads } from '../../crm/index.js';
import { funnels } from '../../funnels/index.js';
import { testPaymentProviderFor } from '../payments/payment-providers.js';
import { stripeClient } from '../payments/stripe-client.js';
import { TEST_CARDS } from '../payments/test-cards.js';
import { testPayments } from '../payments/test-payments.tables.js';
import { acceptOffer } from './order-offers.js';
import { confirmPaid } from './order-payments.js';
import { firstRenewalAt } from './order-subscriptions.js';
import { orderRenewals, paymentEvents } from './orders.tables.js';
import { getOrder, startOrder } from './orders.service.js';

// Subscriptions sold by funnels: the order's payment is the first period; the provider's subscription is created
// once after it (whoever confirms, however often, even when the first try is refused), renewals are counted once
// per invoice, and cancellations (admin or Stripe) end it once. With the built-in test provider and with Stripe
// (the local fake of its API, real signed webhooks).

let t: TestContext;
let fake: StripeFake;
const webhookSecret = 'whsec_subscriptions_test';
beforeAll(async () => {
  fake = new StripeFake();
  t = await startTestApp({ STRIPE_API_URL: await fake.start() });
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

type TShop = { owner: SignedUp; tenant: Tenant; monthly: string; yearly: string; bump: string; course: string; funnelId: string; offerPageId: string };

/** A workspace selling a club (29 € a month, or 290 € a year), a one-time bump (27 €) and a course (97 €). */
async function shop(options: { stripe?: boolean } = {}): Promise<TShop> {
  const owner = await signUp(t.app);
  if (options.stripe) {
    const saved = await owner.client.put('/api/workspace/credentials/stripe', {
      secret_key: fake.secretKey,
      publishable_key: 'pk_test_subscriptions',
      webhook_secret: webhookSecret,
    });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
  }
  const product = async (name: string, prices: Record<string, unknown>[]) => {
    const res = await owner.client.post('/api/marketing/products', { name, prices });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { prices: { id: string }[] }).prices.map((p) => p.id);
  };
  const [monthly, yearly] = await product('Club Atelier', [
    { kind: 'recurring', interval: 'month', amount_cents: 2_900 },
    { kind: 'recurring', interval: 'year', amount_cents: 29_000 },
  ]);
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Club', funnel_type: 'product' })).json() as { id: string };
  const offer = (await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Offre', page_type: 'upsell' })).json() as { id: string };
  return {
    owner,
    tenant: new Tenant(t.runtime.db, owner.workspaceId),
    monthly: monthly!,
    yearly: yearly!,
    bump: (await product('Modèles', [{ kind: 'one_time', amount_cents: 2_700 }]))[0]!,
    course: (await product('Formation', [{ kind: 'one_time', amount_cents: 9_700 }]))[0]!,
    funnelId: funnel.id,
    offerPageId: offer.id,
  };
}

async function start(s: TShop, options: { price?: string; bump?: boolean; email?: string } = {}) {
  const email = options.email ?? uniqueEmail('subscriber');
  return startOrder(t.runtime, s.tenant, {
    price_id: options.price ?? s.monthly,
    ...(options.bump ? { bump_price_id: s.bump } : {}),
    buyer: { email, name: 'Anne Martin' },
    funnel_id: s.funnelId,
    idempotency_key: `form-${email}`,
  });
}

async function payWithTestCard(s: TShop, clientSecret: string) {
  const provider = await testPaymentProviderFor(t.runtime, s.tenant);
  await provider.confirmCard(clientSecret, { number: TEST_CARDS.visa, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123' });
}

async function leadEventsOf(leadId: string, type: string) {
  return t.runtime.db
    .select({ data: leadEvents.data })
    .from(leadEvents)
    .where(and(eq(leadEvents.lead_id, leadId), eq(leadEvents.event_type, type)));
}

async function funnelOf(s: TShop) {
  const [funnel] = await t.runtime.db.select().from(funnels).where(eq(funnels.id, s.funnelId));
  return funnel!;
}

/** A Stripe event for this workspace, signed as Stripe signs it; the same `id` is a replay. */
function stripeEvent(s: TShop, type: string, object: Record<string, unknown>, id = `evt_${crypto.randomUUID().replace(/-/g, '')}`) {
  const payload = JSON.stringify({ id, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), type, data: { object } });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
  return () =>
    t.publicApp.inject({
      method: 'POST',
      url: `/webhooks/stripe/${s.owner.workspaceId}`,
      payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    });
}

/** A paid invoice of a subscription as Stripe's 2025+ API shapes it (the subscription under parent.subscription_details). */
function invoice(subscriptionId: string, amount: number, billingReason: string, periodEnd = Math.floor(Date.now() / 1000) + 60 * 86_400) {
  return {
    id: `in_${crypto.randomUUID().replace(/-/g, '').slice(0, 24)}`,
    object: 'invoice',
    amount_paid: amount,
    currency: 'eur',
    billing_reason: billingReason,
    status: 'paid',
    parent: { type: 'subscription_details', subscription_details: { subscription: subscriptionId, metadata: {} } },
    lines: { object: 'list', data: [{ id: 'il_1', object: 'line_item', amount, period: { start: periodEnd - 30 * 86_400, end: periodEnd } }] },
  };
}

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

describe('the first renewal', () => {
  it('comes one calendar period after the payment (the 31st becomes the month’s last day), never in the past', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(firstRenewalAt(new Date('2026-01-31T09:30:00Z'), 'month', now).toISOString()).toBe('2026-02-28T09:30:00.000Z');
    expect(firstRenewalAt(new Date('2026-03-15T09:30:00Z'), 'month', now).toISOString()).toBe('2026-04-15T09:30:00.000Z');
    expect(firstRenewalAt(new Date('2028-02-29T12:00:00Z'), 'year', now).toISOString()).toBe('2029-02-28T12:00:00.000Z');
    // Created late (it failed for a whole period): five minutes from now, the provider then bills the period due.
    expect(firstRenewalAt(new Date('2025-10-01T00:00:00Z'), 'month', now).toISOString()).toBe('2026-01-01T00:05:00.000Z');
  });
});

describe('a subscription with the built-in test provider', () => {
  it('is created once after the first payment, however often it is confirmed, and shows on the order', async () => {
    const s = await shop();
    const started = await start(s, { bump: true });
    expect(started.order).toMatchObject({ subscription_interval: 'month', subscription_status: null, total_cents: 5_600 });
    await payWithTestCard(s, started.clientSecret);
    await Promise.all(Array.from({ length: 6 }, () => confirmPaid(t.runtime, s.tenant, started.lines[0]!.payment_id!)));
    const { order } = await getOrder(s.tenant, started.order.id);
    expect(order).toMatchObject({ status: 'paid', subscription_status: 'active', subscription_error: null, renewals: 0, renewed_cents: 0 });
    expect(order.current_period_end!.getTime()).toBe(firstRenewalAt(order.paid_at!, 'month', order.paid_at!).getTime());
    const subscriptions = await t.runtime.db
      .select()
      .from(testPayments)
      .where(and(eq(testPayments.workspace_id, s.owner.workspaceId), eq(testPayments.kind, 'subscription')));
    // The renewal charges the main product only (29 €), not the bump of the first payment.
    expect(subscriptions.map((row) => [row.id, row.amount, row.interval, row.status])).toEqual([[order.subscription_id, 2_900, 'month', 'active']]);
    expect(await leadEventsOf(order.lead_id!, 'order_paid')).toHaveLength(1);
    const detail = (await s.owner.client.get(`/api/marketing/orders/${order.id}`)).json() as Record<string, unknown>;
    expect(detail).toMatchObject({ subscription_status: 'active', subscription_interval: 'month', renewals: 0, renewed_cents: 0 });
    expect(detail).not.toHaveProperty('subscription_id');
    expect(typeof detail.current_period_end).toBe('string');
  });

  it('is canceled once through the admin API (a refund stays separate), with a subscription_canceled lead event', async () => {
    const s = await shop();
    const started = await start(s, { price: s.yearly });
    await payWithTestCard(s, started.clientSecret);
    await confirmPaid(t.runtime, s.tenant, started.lines[0]!.payment_id!);
    const url = `/api/marketing/orders/${started.order.id}/cancel-subscription`;
    const [first, second] = await Promise.all([s.owner.client.post(url, {}), s.owner.client.post(url, {})]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'paid', subscription_status: 'canceled', subscription_interval: 'year', refunded_cents: 0 });
    const { order } = await getOrder(s.tenant, started.order.id);
    const [row] = await t.runtime.db.select().from(testPayments).where(eq(testPayments.id, order.subscription_id!));
    expect(row!.status).toBe('canceled');
    expect(await leadEventsOf(order.lead_id!, 'subscription_canceled')).toHaveLength(1);
    // A one-time order has nothing to cancel; another workspace does not see the order.
    const once = await start(s, { price: s.course });
    expect((await s.owner.client.post(`/api/marketing/orders/${once.order.id}/cancel-subscription`, {})).json()).toMatchObject({
      reason: 'order_not_subscription',
    });
    const other = await signUp(t.app);
    expect((await other.client.post(url, {})).statusCode).toBe(404);
    const doc = (await s.owner.client.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/marketing/orders/{id}/cancel-subscription']!)).toContain('post');
  });

  it('sells a subscription as the main product only: not as a bump nor as a one-click offer', async () => {
    const s = await shop();
    expect(
      await reason(
        startOrder(t.runtime, s.tenant, { price_id: s.course, bump_price_id: s.monthly, buyer: { email: uniqueEmail('b') }, idempotency_key: 'bump-monthly' }),
      ),
    ).toBe('price_unavailable');
    const started = await start(s, { price: s.course });
    await payWithTestCard(s, started.clientSecret);
    await confirmPaid(t.runtime, s.tenant, started.lines[0]!.payment_id!);
    const offer = { order_id: started.order.id, offer_page_id: s.offerPageId, price_id: s.monthly, idempotency_key: 'offer-monthly' };
    expect(await reason(acceptOffer(t.runtime, s.tenant, offer))).toBe('price_unavailable');
    expect((await getOrder(s.tenant, started.order.id)).order.subscription_status).toBeNull();
  });
});

describe('a subscription sold on a published order form', () => {
  it('shows the period to the buyer, takes the first one with the bump, then starts the subscription', async () => {
    const s = await shop();
    const headers = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36', accept: 'application/json' };
    const pages = `/api/marketing/funnels/${s.funnelId}/pages`;
    const sales = (await s.owner.client.post(pages, { name: 'Vente', page_type: 'sales', html_content: '<div data-mk="order-form"></div>' })).json() as {
      id: string;
    };
    const put = (pageId: string, body: unknown) => s.owner.client.put(`${pages}/${pageId}/offer`, body);
    expect((await put(sales.id, { price_id: s.monthly, bump_price_id: s.bump })).statusCode).toBe(200);
    // Not as the bump, nor on a one-click offer page.
    expect((await put(sales.id, { price_id: s.course, bump_price_id: s.yearly })).json()).toMatchObject({ reason: 'recurring_main_only' });
    expect((await put(s.offerPageId, { price_id: s.monthly })).json()).toMatchObject({ reason: 'recurring_main_only' });
    const offers = (await s.owner.client.get(`/api/marketing/funnels/${s.funnelId}/offers`)).json() as { items: { price: { sellable: boolean } }[] };
    expect(offers.items.map((o) => o.price.sellable)).toEqual([true]);
    expect((await s.owner.client.post(`/api/marketing/funnels/${s.funnelId}/publish`, {})).statusCode).toBe(200);
    const offer = await t.publicApp.inject({ method: 'GET', url: `/p/${sales.id}/offer`, headers });
    expect(offer.json()).toMatchObject({ kind: 'order', price: { amount_cents: 2_900, interval: 'month' }, bump: { amount_cents: 2_700 } });
    const started = await t.publicApp.inject({
      method: 'POST',
      url: `/p/${sales.id}/checkout`,
      headers,
      payload: { email: uniqueEmail('club'), bump: true, idempotency_key: `club-${Date.now()}-form-key` },
    });
    expect(started.statusCode, started.body).toBe(200);
    const card = { number: TEST_CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' };
    const paid = await t.publicApp.inject({
      method: 'POST',
      url: `/p/${sales.id}/pay/test-card`,
      headers,
      payload: { client_secret: (started.json() as { client_secret: string }).client_secret, card },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const list = (await s.owner.client.get('/api/marketing/orders')).json() as { items: Record<string, unknown>[] };
    expect(list.items[0]).toMatchObject({ status: 'paid', total_cents: 5_600, subscription_status: 'active', subscription_interval: 'month' });
  });
});

describe('a subscription paid with Stripe', () => {
  const confirmInBrowser = (paymentId: string) =>
    stripeClient({ stripeApi: t.runtime.config.stripeApi }, fake.secretKey).paymentIntents.confirm(paymentId, { payment_method: 'pm_card_visa' });

  /** A monthly order paid in the browser and confirmed by the return page: its Stripe subscription exists. */
  async function subscribed(s: TShop) {
    const started = await start(s);
    const paymentId = started.lines[0]!.payment_id!;
    await confirmInBrowser(paymentId);
    await confirmPaid(t.runtime, s.tenant, paymentId);
    const { order } = await getOrder(s.tenant, started.order.id);
    expect(order.subscription_id).toMatch(/^sub_/);
    return { order, paymentId };
  }

  it('creates one Stripe subscription billed from one period later, whether the return or the webhook (replayed) confirms', async () => {
    const s = await shop({ stripe: true });
    const started = await start(s);
    const paymentId = started.lines[0]!.payment_id!;
    await confirmInBrowser(paymentId);
    const webhook = stripeEvent(s, 'payment_intent.succeeded', { id: paymentId, object: 'payment_intent', status: 'succeeded' });
    await Promise.all([
      ...Array.from({ length: 5 }, () => confirmPaid(t.runtime, s.tenant, paymentId)),
      ...Array.from({ length: 5 }, async () => expect((await webhook()).statusCode).toBe(200)),
    ]);
    const { order } = await getOrder(s.tenant, started.order.id);
    expect(order).toMatchObject({ status: 'paid', subscription_status: 'active', subscription_error: null });
    const creations = fake.callsTo('POST', '/v1/subscriptions').filter((call) => call.idempotencyKey === `subscription-${order.id}`);
    expect(creations).toHaveLength(1);
    const trialEnd = firstRenewalAt(order.paid_at!, 'month', order.paid_at!);
    expect(creations[0]!.params).toMatchObject({
      trial_end: String(Math.floor(trialEnd.getTime() / 1000)),
      off_session: 'true',
      metadata: { order_id: order.id },
    });
    const stripeSubscription = fake.subscriptionList().find((sub) => sub.id === order.subscription_id)!;
    expect(stripeSubscription).toMatchObject({ status: 'trialing', default_payment_method: order.provider_payment_method_id });
    expect(order.current_period_end!.getTime()).toBe(Math.floor(trialEnd.getTime() / 1000) * 1000);
    // Its first invoice (0 €, at the creation) is no renewal.
    expect((await stripeEvent(s, 'invoice.paid', invoice(order.subscription_id!, 0, 'subscription_create'))()).statusCode).toBe(200);
    expect((await getOrder(s.tenant, order.id)).order.renewals).toBe(0);
  });

  it('keeps the order paid when Stripe refuses the subscription, and creates it when the webhook comes again', async () => {
    const s = await shop({ stripe: true });
    const started = await start(s);
    const paymentId = started.lines[0]!.payment_id!;
    await confirmInBrowser(paymentId);
    fake.refuseNext('POST', '/v1/prices', 2);
    // The return page: paid, the refusal recorded (not the buyer's problem).
    expect((await confirmPaid(t.runtime, s.tenant, paymentId))!.order).toMatchObject({ status: 'paid', subscription_status: 'pending', subscription_id: null });
    expect((await getOrder(s.tenant, started.order.id)).order.subscription_error).toContain('Refused by the test');
    // The webhook fails (500: Stripe sends it again), its event stays unprocessed; the retry creates the subscription.
    const webhook = stripeEvent(s, 'payment_intent.succeeded', { id: paymentId, object: 'payment_intent' });
    expect((await webhook()).statusCode).toBe(500);
    const [stored] = await t.runtime.db.select().from(paymentEvents).where(eq(paymentEvents.workspace_id, s.owner.workspaceId));
    expect(stored!.processed_at).toBeNull();
    expect((await webhook()).statusCode).toBe(200);
    const { order } = await getOrder(s.tenant, started.order.id);
    expect(order).toMatchObject({ status: 'paid', subscription_status: 'active', subscription_error: null });
    expect(order.subscription_id).toMatch(/^sub_/);
    expect(await leadEventsOf(order.lead_id!, 'order_paid')).toHaveLength(1);
  });

  it('records a renewal once per invoice (webhook replayed 3 times): funnel revenue, the lead’s value and an order_paid renewal event', async () => {
    const s = await shop({ stripe: true });
    const { order } = await subscribed(s);
    const periodEnd = Math.floor(Date.now() / 1000) + 61 * 86_400;
    const renewal = invoice(order.subscription_id!, 2_900, 'subscription_cycle', periodEnd);
    const replay = stripeEvent(s, 'invoice.paid', renewal);
    // The same event three times, and the same invoice under another event id: one renewal.
    const answers = await Promise.all([replay(), replay(), replay(), stripeEvent(s, 'invoice.paid', renewal)()]);
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200, 200]);
    const after = (await getOrder(s.tenant, order.id)).order;
    expect(after).toMatchObject({ status: 'paid', total_cents: 2_900, renewals: 1, renewed_cents: 2_900, subscription_status: 'active' });
    expect(after.current_period_end!.getTime()).toBe(periodEnd * 1000);
    const [renewals] = await t.runtime.db.select({ n: count() }).from(orderRenewals).where(eq(orderRenewals.order_id, order.id));
    expect(renewals!.n).toBe(1);
    expect(await funnelOf(s)).toMatchObject({ total_sales: 1, total_revenue: 5_800 });
    const paid = await leadEventsOf(order.lead_id!, 'order_paid');
    expect(paid.map((e) => (e.data as { renewal?: boolean; amount_cents: number }).renewal ?? false).sort()).toEqual([false, true]);
    const [lead] = await t.runtime.db.select().from(leads).where(eq(leads.id, order.lead_id!));
    expect(lead!.estimated_value).toBe(58);
    // A second month: another invoice, another renewal.
    expect((await stripeEvent(s, 'invoice.paid', invoice(order.subscription_id!, 2_900, 'subscription_cycle'))()).statusCode).toBe(200);
    expect((await getOrder(s.tenant, order.id)).order).toMatchObject({ renewals: 2, renewed_cents: 5_800 });
    expect((await funnelOf(s)).total_revenue).toBe(8_700);
  });

  it('follows a failed renewal (past_due), a recovery, then the cancellation at Stripe once; canceled stays canceled', async () => {
    const s = await shop({ stripe: true });
    const { order } = await subscribed(s);
    const sub = order.subscription_id!;
    expect(
      (await stripeEvent(s, 'invoice.payment_failed', { ...invoice(sub, 2_900, 'subscription_cycle'), status: 'open', amount_paid: 0 })()).statusCode,
    ).toBe(200);
    expect((await getOrder(s.tenant, order.id)).order.subscription_status).toBe('past_due');
    const subscription = (status: string) => ({
      id: sub,
      object: 'subscription',
      status,
      metadata: { order_id: order.id },
      items: { object: 'list', data: [] },
    });
    expect((await stripeEvent(s, 'customer.subscription.updated', subscription('active'))()).statusCode).toBe(200);
    expect((await getOrder(s.tenant, order.id)).order.subscription_status).toBe('active');
    const deleted = stripeEvent(s, 'customer.subscription.deleted', subscription('canceled'));
    expect((await deleted()).statusCode).toBe(200);
    expect((await stripeEvent(s, 'customer.subscription.deleted', subscription('canceled'))()).statusCode).toBe(200);
    // A late update does not bring it back.
    expect((await stripeEvent(s, 'customer.subscription.updated', subscription('active'))()).statusCode).toBe(200);
    expect((await getOrder(s.tenant, order.id)).order).toMatchObject({ status: 'paid', subscription_status: 'canceled' });
    expect(await leadEventsOf(order.lead_id!, 'subscription_canceled')).toHaveLength(1);
  });

  it('is canceled at Stripe from the admin API, once', async () => {
    const s = await shop({ stripe: true });
    const { order } = await subscribed(s);
    const url = `/api/marketing/orders/${order.id}/cancel-subscription`;
    const res = await s.owner.client.post(url, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'paid', subscription_status: 'canceled' });
    expect(fake.subscriptionList().find((sub) => sub.id === order.subscription_id)).toMatchObject({ status: 'canceled' });
    expect((await s.owner.client.post(url, {})).statusCode).toBe(200);
    expect(fake.callsTo('DELETE', `/v1/subscriptions/${order.subscription_id}`)).toHaveLength(1);
    // Stripe then tells the deletion: nothing more.
    const deleted = {
      id: order.subscription_id,
      object: 'subscription',
      status: 'canceled',
      metadata: { order_id: order.id },
      items: { object: 'list', data: [] },
    };
    expect((await stripeEvent(s, 'customer.subscription.deleted', deleted)()).statusCode).toBe(200);
    expect(await leadEventsOf(order.lead_id!, 'subscription_canceled')).toHaveLength(1);
  });
});
