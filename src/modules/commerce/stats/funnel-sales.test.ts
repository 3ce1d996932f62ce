import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import type { TFunnelSales } from '../../../contracts/commerce-stats.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { testPaymentProviderFor } from '../payments/payment-providers.js';
import { TEST_CARDS } from '../payments/test-cards.js';
import { acceptOffer } from '../orders/order-offers.js';
import { confirmPaid } from '../orders/order-payments.js';
import { refundOrder } from '../orders/order-refunds.js';
import { startOrder } from '../orders/orders.service.js';
import { mainCurrency } from './funnel-sales.service.js';

// A funnel's sales statistics through HTTP, from orders paid with the built-in test provider: totals equal the sum of
// the orders, refunds lower the revenue, take rates of the order bump and the offers, per step, UTM source and day.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type TShop = {
  owner: SignedUp;
  tenant: Tenant;
  funnelId: string;
  prices: { main: string; bump: string; upsell: string; downsell: string; dollars: string };
  pages: { order: string; upsell: string; downsell: string; thanks: string };
};

/** A course (97 €), a bump (27 €), an upsell (197 €), a downsell (47 €) and a course sold in dollars (50 $). */
async function shop(): Promise<TShop> {
  const owner = await signUp(t.app);
  const price = async (name: string, amount: number, currency = 'EUR') => {
    const res = await owner.client.post('/api/marketing/products', { name, prices: [{ kind: 'one_time', amount_cents: amount, currency }] });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { prices: { id: string }[] }).prices[0]!.id;
  };
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Tunnel de vente', funnel_type: 'lead_magnet' })).json() as { id: string };
  const page = async (name: string, page_type: string) =>
    ((await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name, page_type })).json() as { id: string }).id;
  return {
    owner,
    tenant: new Tenant(t.runtime.db, owner.workspaceId),
    funnelId: funnel.id,
    prices: {
      main: await price('Formation Vidéo', 9_700),
      bump: await price('Modèles', 2_700),
      upsell: await price('Coaching', 19_700),
      downsell: await price('Coaching court', 4_700),
      dollars: await price('Course', 5_000, 'USD'),
    },
    pages: {
      order: await page('Commande', 'sales'),
      upsell: await page('Offre', 'upsell'),
      downsell: await page('Seconde offre', 'downsell'),
      thanks: await page('Merci', 'thank_you'),
    },
  };
}

/** A buyer pays on the order page (test card), with or without the bump; returns the order's id. */
async function buy(s: TShop, options: { bump?: boolean; utm_source?: string; price?: string } = {}): Promise<string> {
  const email = uniqueEmail('buyer');
  const started = await startOrder(t.runtime, s.tenant, {
    price_id: options.price ?? s.prices.main,
    ...(options.bump ? { bump_price_id: s.prices.bump } : {}),
    buyer: { email },
    funnel_id: s.funnelId,
    page_id: s.pages.order,
    ...(options.utm_source ? { utm: { utm_source: options.utm_source } } : {}),
    idempotency_key: `form-${email}`,
  });
  const provider = await testPaymentProviderFor(t.runtime, s.tenant);
  await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.visa, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123' });
  await confirmPaid(t.runtime, s.tenant, started.lines[0]!.payment_id!);
  return started.order.id;
}

async function accept(s: TShop, orderId: string, kind: 'upsell' | 'downsell') {
  const result = await acceptOffer(t.runtime, s.tenant, {
    order_id: orderId,
    offer_page_id: kind === 'upsell' ? s.pages.upsell : s.pages.downsell,
    price_id: kind === 'upsell' ? s.prices.upsell : s.prices.downsell,
    kind,
    idempotency_key: `offer-${orderId}-${kind}`,
  });
  expect(result.status).toBe('succeeded');
}

/** Page views of distinct visitors today (the public server records them; written directly here). */
async function views(s: TShop, pageId: string, visitors: string[]) {
  for (const visitor of visitors) {
    await t.runtime.database.raw.query(`INSERT INTO funnel_events (workspace_id, funnel_id, page_id, kind, visitor_id) VALUES ($1, $2, $3, 'view', $4)`, [
      s.owner.workspaceId,
      s.funnelId,
      pageId,
      visitor,
    ]);
  }
}

async function sales(s: TShop, query = '', client = s.owner.client): Promise<TFunnelSales> {
  const res = await client.get(`/api/marketing/funnels/${s.funnelId}/sales${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TFunnelSales;
}

describe("a funnel's sales statistics", () => {
  it('adds up the orders paid in the range, net of refunds, with take rates per bump and offer, per step, UTM source and day', async () => {
    const s = await shop();
    const visitors = Array.from({ length: 10 }, (_, i) => `visitor-${i}`);
    await views(s, s.pages.order, visitors);
    await views(s, s.pages.upsell, visitors.slice(0, 4));
    await views(s, s.pages.downsell, visitors.slice(4, 6));

    const a = await buy(s, { bump: true, utm_source: 'facebook' });
    await accept(s, a, 'upsell'); // 97 + 27 + 197 = 321 €
    const b = await buy(s, { utm_source: 'google' });
    await accept(s, b, 'downsell'); // upsell declined: 97 + 47 = 144 €
    const c = await buy(s, { bump: true });
    await refundOrder(t.runtime, s.tenant, c, {}); // 124 € refunded in full
    const d = await buy(s);
    await refundOrder(t.runtime, s.tenant, d, { amount_cents: 1_000 }); // 97 € - 10 €
    // Started and never paid: no sale.
    await startOrder(t.runtime, s.tenant, {
      price_id: s.prices.main,
      buyer: { email: uniqueEmail('pending') },
      funnel_id: s.funnelId,
      page_id: s.pages.order,
      idempotency_key: 'form-pending-order',
    });
    await buy(s, { price: s.prices.dollars, utm_source: 'facebook' });

    const stats = await sales(s);
    const gross = 32_100 + 14_400 + 12_400 + 9_700;
    expect(stats).toMatchObject({
      currency: 'EUR',
      sales: 4,
      refunded_orders: 1,
      gross_revenue_cents: gross,
      refunded_cents: 12_400 + 1_000,
      revenue_cents: gross - 13_400,
      average_order_value_cents: (gross - 13_400) / 4,
      unique_visitors: 10,
      earnings_per_visitor_cents: (gross - 13_400) / 10,
      bump_orders: 2,
      bump_take_rate: 0.5,
      other_currencies: [{ currency: 'USD', sales: 1, revenue_cents: 5_000 }],
    });
    // The totals are the sum of the orders as the orders API shows them.
    const listed = (await s.owner.client.get(`/api/marketing/orders?funnel_id=${s.funnelId}`)).json() as {
      items: { status: string; currency: string; total_cents: number; refunded_cents: number }[];
    };
    const paid = listed.items.filter((o) => o.status !== 'pending' && o.currency === 'EUR');
    expect(paid).toHaveLength(stats.sales);
    expect(paid.reduce((n, o) => n + o.total_cents - o.refunded_cents, 0)).toBe(stats.revenue_cents);

    expect(stats.offers).toEqual([
      { page_id: s.pages.upsell, name: 'Offre', page_type: 'upsell', shown: 4, accepted: 1, take_rate: 0.25, revenue_cents: 19_700 },
      { page_id: s.pages.downsell, name: 'Seconde offre', page_type: 'downsell', shown: 2, accepted: 1, take_rate: 0.5, revenue_cents: 4_700 },
    ]);
    expect(stats.steps.map((step) => [step.page_id, step.sales, step.revenue_cents])).toEqual([
      [s.pages.order, 4, 12_400 + 9_700 + 0 + 8_700],
      [s.pages.upsell, 1, 19_700],
      [s.pages.downsell, 1, 4_700],
      [s.pages.thanks, 0, 0],
    ]);
    expect(stats.steps.reduce((n, step) => n + step.revenue_cents, 0)).toBe(stats.revenue_cents);
    expect(stats.utm).toEqual([
      { utm_source: 'facebook', sales: 1, revenue_cents: 32_100, average_order_value_cents: 32_100 },
      { utm_source: 'google', sales: 1, revenue_cents: 14_400, average_order_value_cents: 14_400 },
      { utm_source: null, sales: 2, revenue_cents: 8_700, average_order_value_cents: 4_350 },
    ]);
    expect(stats.days).toHaveLength(30);
    expect(stats.days.at(-1)).toEqual({ date: stats.to, sales: 4, revenue_cents: stats.revenue_cents });
    expect(stats.days.slice(0, -1).every((day) => day.sales === 0 && day.revenue_cents === 0)).toBe(true);
  });

  it('counts an order on the day it was paid in the workspace time zone, and refuses a range too long', async () => {
    const s = await shop();
    const orderId = await buy(s);
    // 23:30 UTC on 9 March is 00:30 on 10 March in Paris (the workspace's zone by default).
    await t.runtime.database.raw.query(`UPDATE orders SET paid_at = '2026-03-09T23:30:00Z' WHERE id = $1`, [orderId]);
    expect((await sales(s, '?from=2026-03-10&to=2026-03-10')).days).toEqual([{ date: '2026-03-10', sales: 1, revenue_cents: 9_700 }]);
    expect((await sales(s, '?from=2026-03-09&to=2026-03-09')).sales).toBe(0);
    expect((await s.owner.client.get(`/api/marketing/funnels/${s.funnelId}/sales?from=2020-01-01&to=2026-01-01`)).statusCode).toBe(400);
  });

  it('adds a subscription renewal to the revenue of the day it was paid, not to the sales nor the average order', async () => {
    const s = await shop();
    const orderId = await buy(s, { bump: false });
    // A renewal as the Stripe webhook records it (order-subscriptions.ts): one row per paid invoice.
    await t.runtime.database.raw.query(
      `INSERT INTO order_renewals (workspace_id, order_id, invoice_id, amount_cents, currency, paid_at) VALUES ($1, $2, 'in_renewal_1', 9700, 'EUR', now())`,
      [s.owner.workspaceId, orderId],
    );
    const report = await sales(s);
    expect(report).toMatchObject({ sales: 1, renewals: 1, renewal_revenue_cents: 9_700, revenue_cents: 19_400, average_order_value_cents: 9_700 });
    expect(report.days.reduce((n, d) => n + d.revenue_cents, 0)).toBe(19_400);
    const dashboard = (await s.owner.client.get('/api/marketing/dashboard?period=30d')).json() as { sales: { current: number }; revenue: { current: number } };
    expect(dashboard).toMatchObject({ sales: { current: 1 }, revenue: { current: 194 } });
  });

  it('answers zeros for a funnel without sale, and 404 for a funnel of another workspace', async () => {
    const s = await shop();
    const empty = await sales(s);
    expect(empty).toMatchObject({
      currency: 'EUR',
      sales: 0,
      revenue_cents: 0,
      gross_revenue_cents: 0,
      average_order_value_cents: null,
      earnings_per_visitor_cents: null,
      bump_take_rate: null,
      utm: [],
      other_currencies: [],
    });
    expect(empty.offers.map((o) => [o.accepted, o.take_rate])).toEqual([
      [0, null],
      [0, null],
    ]);
    expect(empty.days.every((day) => day.sales === 0)).toBe(true);
    const stranger = await signUp(t.app);
    const res = await stranger.client.get(`/api/marketing/funnels/${s.funnelId}/sales`);
    expect(res.statusCode).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const owner = await signUp(t.app);
    const doc = (await owner.client.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/marketing/funnels/{funnelId}/sales']!)).toContain('get');
  });
});

describe('the currency of the figures', () => {
  it('is the one with the most sales, the workspace’s on a tie, the workspace’s without sales', () => {
    expect(mainCurrency([], 'EUR')).toBe('EUR');
    expect(
      mainCurrency(
        [
          { currency: 'USD', sales: 3 },
          { currency: 'EUR', sales: 1 },
        ],
        'EUR',
      ),
    ).toBe('USD');
    expect(
      mainCurrency(
        [
          { currency: 'USD', sales: 2 },
          { currency: 'EUR', sales: 2 },
        ],
        'EUR',
      ),
    ).toBe('EUR');
  });
});
