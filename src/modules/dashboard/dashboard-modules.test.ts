import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDashboard } from '../../contracts/dashboard.js';
import { outboxMessages } from '../../platform/mail/outbox.tables.js';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';
import { orders } from '../commerce/index.js';
import { emailSends } from '../email/index.js';
import { funnelEvents } from '../funnels/index.js';
import { dayIn } from '../../contracts/calendar-days.js';
import { periodBounds } from './dashboard-period.js';

// The dashboard's funnels, email and ads blocks, filled the way users fill them: pages visited and forms sent through
// the public server, a campaign sent and its messages opened and clicked there, ad campaigns with daily figures and
// UTM-tagged leads and orders. What must land in the previous period is moved there in the tables afterwards (the
// API stamps everything "now").

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: 'https://pages.example.test' });
});
afterAll(() => t.close());

const H = 3_600_000;
const D = 24 * H;
const ZONE = 'Europe/Paris';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const PHONE = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
const OPTIN_HTML = `<section><h1>Le guide</h1>
<form data-mk="optin-form">
  <label>E-mail <input name="email" type="email" required></label>
  <label><input type="checkbox" name="consent" required> <span data-mk-consent-text>J'accepte de recevoir vos e-mails.</span></label>
  <button type="submit">Je le veux</button>
</form></section>`;

async function read(ws: SignedUp, period = '7d'): Promise<TDashboard> {
  const res = await ws.client.get(`/api/marketing/dashboard?period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TDashboard;
}

let orderNumber = 5000;
/** An order as the orders module leaves it once paid (the checkout is tested in commerce). */
function paidOrder(ws: SignedUp, values: { total: number; paidAt: Date; funnelId?: string; utmCampaign?: string }) {
  orderNumber += 1;
  return t.runtime.db.insert(orders).values({
    workspace_id: ws.workspaceId,
    number: orderNumber,
    buyer_email: uniqueEmail('buyer'),
    currency: 'EUR',
    subtotal_cents: values.total,
    tax_cents: 0,
    total_cents: values.total,
    provider: 'test',
    idempotency_key: `dash-order-${orderNumber}-${Date.now()}`,
    status: 'paid',
    paid_at: values.paidAt,
    created_at: values.paidAt,
    funnel_id: values.funnelId ?? null,
    utm_campaign: values.utmCampaign ?? null,
  });
}

describe('dashboard: funnels', () => {
  it('counts unique visitors and opt-ins from the public server and funnel sales, against the previous period', async () => {
    const ws = await signUp(t.app);
    const funnel = (await ws.client.post('/api/marketing/funnels', { name: 'Guide gratuit', funnel_type: 'lead_magnet' })).json() as {
      id: string;
      slug: string;
    };
    const page = await ws.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: 'Inscription', page_type: 'optin', html_content: OPTIN_HTML });
    expect(page.statusCode, page.body).toBe(201);
    const pageId = page.json().id as string;
    expect((await ws.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {})).statusCode).toBe(200);

    const visit = (ua: string) => t.publicApp.inject({ method: 'GET', url: `/${funnel.slug}/inscription`, headers: { 'user-agent': ua, accept: 'text/html' } });
    expect((await visit(BROWSER)).statusCode).toBe(200);
    await visit(BROWSER); // the same visitor again: one visitor
    await visit(PHONE);
    const optin = await t.publicApp.inject({
      method: 'POST',
      url: `/p/${pageId}/form/0`,
      payload: { email: uniqueEmail('optin'), consent: 'on' },
      headers: { 'user-agent': BROWSER, accept: 'application/json' },
    });
    expect(optin.statusCode, optin.body).toBeLessThan(300);
    await t.publicApp.flushFunnelEvents();

    // A visitor of the previous period, and orders from the funnel in both periods (plus one not from a funnel).
    const p = periodBounds('7d', new Date(), ZONE);
    await t.runtime.db.insert(funnelEvents).values({
      workspace_id: ws.workspaceId,
      funnel_id: funnel.id,
      page_id: pageId,
      kind: 'view',
      visitor_id: 'visitor-of-last-week',
      occurred_at: new Date(p.previousStart.getTime() + H),
    });
    await paidOrder(ws, { total: 4_900, paidAt: new Date(), funnelId: funnel.id });
    await paidOrder(ws, { total: 4_900, paidAt: new Date(p.previousStart.getTime() + D), funnelId: funnel.id });
    await paidOrder(ws, { total: 4_900, paidAt: new Date(p.previousStart.getTime() + D), funnelId: funnel.id });
    await paidOrder(ws, { total: 9_900, paidAt: new Date() });

    const body = await read(ws);
    expect(body.funnels).toEqual({
      visitors: { current: 2, previous: 1 },
      optins: { current: 1, previous: 0 },
      optin_rate: { current: 0.5, previous: 0 },
      sales: { current: 1, previous: 2 },
    });
    expect(body.onboarding.funnel_published).toBe(true);
    // Per bucket: everything happened today, the last bucket.
    expect(body.series.at(-1)).toMatchObject({ visitors: 2, optins: 1 });
    expect(body.series.reduce((n, s) => n + s.visitors, 0)).toBe(2);

    // Another workspace sees none of it.
    const other = await signUp(t.app);
    expect((await read(other)).funnels.visitors).toEqual({ current: 0, previous: 0 });
  });
});

describe('dashboard: email', () => {
  it('counts the period’s messages and the people who opened and clicked them, with rates over those delivered', async () => {
    const ws = await signUp(t.app);
    expect((await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
    const people = ['ada', 'bea', 'cyd'].map((n) => `${n}-${Date.now().toString(36)}@exemple.fr`);
    for (const email of people) expect((await ws.client.post('/api/marketing/leads', { email })).statusCode).toBe(201);
    const campaign = await ws.client.post('/api/marketing/email-campaigns', {
      name: 'Newsletter',
      subject: 'Bonjour',
      html_content:
        '<p><a href="https://atelier.example.fr/offre">Voir</a></p><p>{{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>',
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    expect((await ws.client.post(`/api/marketing/email-campaigns/${campaign.json().id}/send`, {})).statusCode).toBe(202);
    await t.drain();

    // Sent an hour ago (clicks right after a send are link scanners'), the third one in the previous period.
    const db = t.runtime.db;
    await db
      .update(emailSends)
      .set({ sent_at: new Date(Date.now() - H) })
      .where(eq(emailSends.workspace_id, ws.workspaceId));
    const p = periodBounds('7d', new Date(), ZONE);
    await db
      .update(emailSends)
      .set({ sent_at: new Date(p.previousStart.getTime() + D) })
      .where(and(eq(emailSends.workspace_id, ws.workspaceId), eq(emailSends.email, people[2]!)));

    const person = { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)' };
    const urls = async (address: string) => {
      const [message] = await db
        .select({ html: outboxMessages.html_body })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.workspace_id, ws.workspaceId), eq(outboxMessages.to_address, address)));
      const html = message?.html ?? '';
      const path = (re: RegExp) => new URL(re.exec(html)![1]!.replace(/&amp;/g, '&')).pathname;
      return { pixel: path(/<img src="([^"]+\/e\/o\/[^"]+)"/), click: path(/href="([^"]+\/e\/c\/[^"]+)"/) };
    };
    const ada = await urls(people[0]!);
    const bea = await urls(people[1]!);
    const cyd = await urls(people[2]!);
    for (const url of [ada.pixel, ada.pixel, bea.pixel]) expect((await t.publicApp.inject({ method: 'GET', url, headers: person })).statusCode).toBe(200);
    expect((await t.publicApp.inject({ method: 'GET', url: ada.click, headers: person })).statusCode).toBe(302);
    // A privacy prefetch of the last week's message: a machine, not an open.
    await t.publicApp.inject({ method: 'GET', url: cyd.pixel, headers: { 'user-agent': 'Mozilla/5.0' } });

    const body = await read(ws);
    expect(body.email).toEqual({
      sent: { current: 2, previous: 1 },
      delivered: { current: 2, previous: 1 },
      opens: { current: 2, previous: 0 },
      clicks: { current: 1, previous: 0 },
      open_rate: { current: 1, previous: 0 },
      click_rate: { current: 0.5, previous: 0 },
    });
    expect(body.onboarding.campaign_sent).toBe(true);
    // Last month's messages are out of both 7-day periods.
    await db
      .update(emailSends)
      .set({ sent_at: sql`${emailSends.sent_at} - interval '40 days'` })
      .where(eq(emailSends.workspace_id, ws.workspaceId));
    expect((await read(ws)).email).toMatchObject({ sent: { current: 0, previous: 0 }, open_rate: { current: null, previous: null } });
  });
});

describe('dashboard: ads', () => {
  it('sums spend, platform conversions, real revenue and ROAS over the period’s days, with spend per day', async () => {
    const ws = await signUp(t.app);
    const now = new Date();
    const p = periodBounds('7d', now, ZONE);
    const today = dayIn(ZONE, now);
    const yesterday = dayIn(ZONE, new Date(p.todayStart.getTime() - 12 * H));
    const lastWeek = dayIn(ZONE, new Date(p.previousStart.getTime() + 2 * D + 12 * H));
    const campaign = async (body: Record<string, unknown>) => {
      const res = await ws.client.post('/api/marketing/ad-campaigns', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const day = async (id: string, date: string, figures: { spend: number; conversions: number }) => {
      const res = await ws.client.put(`/api/marketing/ad-campaigns/${id}/metrics/${date}`, { impressions: 2000, clicks: 40, conversion_value: 0, ...figures });
      expect(res.statusCode, res.body).toBe(200);
    };
    const spring = await campaign({ name: 'Printemps', platform: 'facebook', utm_campaign: 'printemps' });
    await day(spring, today, { spend: 100, conversions: 3 });
    await day(spring, yesterday, { spend: 50.5, conversions: 1 });
    await day(spring, lastWeek, { spend: 40, conversions: 2 });
    // A campaign spent in dollars: counted apart, never added.
    const dollars = await campaign({ name: 'US', platform: 'google', currency: 'USD' });
    await day(dollars, today, { spend: 999, conversions: 9 });

    // What the campaign really brought: a lead and a paid order with its UTM this week, an order last week.
    expect((await ws.client.post('/api/marketing/leads', { email: uniqueEmail('ad'), utm_source: 'facebook', utm_campaign: 'printemps' })).statusCode).toBe(
      201,
    );
    await paidOrder(ws, { total: 30_000, paidAt: now, utmCampaign: 'printemps' });
    await paidOrder(ws, { total: 2_000, paidAt: new Date(p.previousStart.getTime() + 2 * D + 12 * H), utmCampaign: 'printemps' });

    const body = await read(ws);
    expect(body.ads).toEqual({
      campaigns: 2,
      other_currency_campaigns: 1,
      spend: { current: 150.5, previous: 40 },
      conversions: { current: 4, previous: 2 },
      revenue: { current: 300, previous: 20 },
      roas: { current: round(300 / 150.5), previous: 0.5 },
    });
    // Spend per day, on the day's bucket, summing to the period's spend.
    expect(body.series.at(-1)!.ad_spend).toBe(100);
    expect(body.series.at(-2)!.ad_spend).toBe(50.5);
    expect(body.series.reduce((n, s) => n + s.ad_spend, 0)).toBe(150.5);
    // The same numbers as the ads module's own statistics over those days.
    const stats = (await ws.client.get(`/api/marketing/ad-campaigns/stats?from=${dayIn(ZONE, p.start)}&to=${today}`)).json();
    expect(stats.overall).toMatchObject({ spent: 150.5, roas: body.ads.roas.current });

    // Weeks of a quarter: the days fall in their Monday-started buckets, same total.
    const quarter = await read(ws, 'quarter');
    expect(round(quarter.series.reduce((n, s) => n + s.ad_spend, 0))).toBe(round(quarter.ads.spend.current));

    expect((await read(await signUp(t.app))).ads).toMatchObject({ campaigns: 0, spend: { current: 0, previous: 0 }, roas: { current: null } });
  });
});

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
