import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import type { TAdCampaign, TAdMetrics, TAdStats } from '../../../contracts/ads.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { confirmPaid, orderRenewals, refundOrder, startOrder, testPaymentProviderFor, TEST_CARDS } from '../../commerce/index.js';
import { addDays, todayIn } from './ad-dates.js';

// Real results by UTM: leads created through the CRM's API with their UTM fields, orders paid with the built-in test
// provider carrying the UTM the checkout captured.

const BASE = '/api/marketing/ad-campaigns';
let t: TestContext;
let owner: SignedUp;
let tenant: Tenant;
let today: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
  tenant = new Tenant(t.runtime.db, owner.workspaceId);
  today = todayIn('Europe/Paris');
});
afterAll(() => t.close());

async function create(body: Record<string, unknown>): Promise<TAdCampaign> {
  const res = await owner.client.post(BASE, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function lead(fields: Record<string, unknown>): Promise<string> {
  const res = await owner.client.post('/api/marketing/leads', { email: uniqueEmail('ad-lead'), ...fields });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** An order of `priceId` paid with the test card, with the UTM the checkout captured. */
async function paidOrder(priceId: string, utm: { utm_source?: string; utm_campaign?: string }): Promise<string> {
  const email = uniqueEmail('ad-buyer');
  const started = await startOrder(t.runtime, tenant, { price_id: priceId, buyer: { email }, utm, idempotency_key: `ad-${email}` });
  const provider = await testPaymentProviderFor(t.runtime, tenant);
  await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.visa, exp_month: 12, exp_year: new Date().getUTCFullYear() + 1, cvc: '123' });
  await confirmPaid(t.runtime, tenant, started.lines[0]!.payment_id!);
  return started.order.id;
}

describe('attribution by UTM', () => {
  it('counts leads, won deals, orders net of refunds and renewals of the matching UTM since the campaign started', async () => {
    const product = (
      await owner.client.post('/api/marketing/products', {
        name: 'Formation',
        prices: [
          { kind: 'one_time', amount_cents: 4_900 },
          { kind: 'recurring', interval: 'month', amount_cents: 2_900 },
        ],
      })
    ).json() as { prices: { id: string; kind: string }[] };
    const oneTime = product.prices.find((p) => p.kind === 'one_time')!.id;
    const monthly = product.prices.find((p) => p.kind === 'recurring')!.id;
    const start = addDays(today, -2);
    const facebook = await create({ name: 'Printemps FB', platform: 'facebook', utm_campaign: 'Spring-Sale', utm_source: 'facebook', start_date: start });
    const anySource = await create({ name: 'Printemps', platform: 'instagram', utm_campaign: 'spring-sale', start_date: start });
    const noUtm = await create({ name: 'Sans UTM', platform: 'google', start_date: start });
    const later = await create({ name: 'Plus tard', platform: 'linkedin', utm_campaign: 'spring-sale', start_date: addDays(today, 1) });
    const dollars = await create({ name: 'US', platform: 'google', utm_campaign: 'spring-sale', currency: 'USD', start_date: start });

    await lead({ utm_campaign: 'spring-sale', utm_source: 'Facebook' });
    await lead({ utm_campaign: 'SPRING-SALE', utm_source: 'google' });
    await lead({ utm_campaign: 'summer', utm_source: 'facebook' });
    await lead({ utm_source: 'facebook' });
    // Closed by hand: no order, its estimated value is revenue.
    const won = await lead({ utm_campaign: 'spring-sale', utm_source: 'facebook' });
    expect((await owner.client.patch(`/api/marketing/leads/${won}`, { status: 'won', estimated_value: 500 })).statusCode).toBe(200);
    // Orders: their buyers become leads of the same UTM, won with a paid order (not counted twice).
    const refunded = await paidOrder(oneTime, { utm_source: 'facebook', utm_campaign: 'spring-sale' });
    await refundOrder(t.runtime, tenant, refunded, { amount_cents: 900 });
    const subscription = await paidOrder(monthly, { utm_source: 'facebook', utm_campaign: 'Spring-Sale' });
    // A renewal as Stripe's invoice.paid writes it (its writer, recordRenewal, is not on commerce's public surface).
    await t.runtime.db.insert(orderRenewals).values({
      workspace_id: owner.workspaceId,
      order_id: subscription,
      invoice_id: `in_${subscription}`,
      amount_cents: 2_900,
      currency: 'EUR',
    });
    await paidOrder(oneTime, { utm_source: 'facebook', utm_campaign: 'autre' });
    await paidOrder(oneTime, { utm_source: 'newsletter', utm_campaign: 'spring-sale' });
    await owner.client.put(`${BASE}/${facebook.id}/metrics/${today}`, { impressions: 10_000, clicks: 200, spend: 100, conversions: 5 });

    // facebook: leads 1 + won + 2 buyers = 4; revenue 40 + 29 + 29 + 500 = 598; sales 2 + 1 deal closed by hand.
    const card = (await owner.client.get(`${BASE}/${facebook.id}`)).json() as TAdCampaign;
    expect(card.results).toEqual({ leads: 4, won_deals: 3, sales: 2, revenue: 598, cost_per_lead: 25, real_cpa: 33.33, real_roas: 5.98 });
    expect(card).toMatchObject({ revenue: 598, spent: 100, roas: 5.98, roi: 4.98, cpa: 20 });
    // Any source: + the google lead and the newsletter buyer (lead and order).
    const any = (await owner.client.get(`${BASE}/${anySource.id}`)).json() as TAdCampaign;
    expect(any.results).toMatchObject({ leads: 6, won_deals: 4, sales: 3, revenue: 647, cost_per_lead: 0, real_cpa: 0, real_roas: null });
    expect((await owner.client.get(`${BASE}/${noUtm.id}`)).json().results).toMatchObject({ leads: 0, sales: 0, revenue: 0 });
    expect((await owner.client.get(`${BASE}/${later.id}`)).json().results).toMatchObject({ leads: 0, sales: 0, revenue: 0 });
    // A campaign in dollars: the leads count, the euro orders and the euro lead values do not.
    expect((await owner.client.get(`${BASE}/${dollars.id}`)).json().results).toMatchObject({ leads: 6, won_deals: 4, sales: 0, revenue: 0 });

    // Per day: everything happened today.
    const metrics = (await owner.client.get(`${BASE}/${facebook.id}/metrics`)).json() as TAdMetrics;
    expect(metrics.days).toEqual([expect.objectContaining({ date: today, spend: 100, leads: 4, sales: 2, revenue: 598 })]);
    expect(metrics.results).toEqual(card.results);
    expect(metrics.totals).toMatchObject({ roas: 5.98, roi: 4.98 });
    const yesterday = (await owner.client.get(`${BASE}/${facebook.id}/metrics?from=${addDays(today, -3)}&to=${addDays(today, -1)}`)).json() as TAdMetrics;
    expect(yesterday.results).toMatchObject({ leads: 0, sales: 0, revenue: 0 });

    // The stats add up the campaigns in the workspace's currency (the same UTM on two campaigns counts on each).
    const stats = (await owner.client.get(`${BASE}/stats?from=${addDays(today, -6)}&to=${today}`)).json() as TAdStats;
    expect(stats.platforms.find((p) => p.platform === 'facebook')!.results).toEqual(card.results);
    expect(stats.overall.results).toMatchObject({ leads: 10, sales: 5, revenue: 1245, real_roas: 12.45 });
  });
});
