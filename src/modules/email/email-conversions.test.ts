import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import { Tenant } from '../../platform/db/tenant.js';
import { confirmPaid, refundOrder, startOrder, TEST_CARDS, testPaymentProviderFor } from '../commerce/index.js';
import { conversionsOnLeadEvents } from './email-conversions.js';
import { messageToken } from './email-tracking-urls.js';

// Conversions per email: a lead won or an order paid within the window after a click is the last clicked email's
// conversion, once, worth its estimated value or the order's amount (refunds deducted); a lead won by its order counts
// once, as the order; in the campaign's and the sequence's reports.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const BASE = '/api/marketing/email-campaigns';
const HTML = `<p><a href="https://atelier.example.fr/offre">L'offre</a></p><p>{{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;

async function sentCampaign(ws: SignedUp, name: string) {
  const campaign = (await ws.client.post(BASE, { name, subject: name, html_content: HTML })).json() as { id: string };
  expect((await ws.client.post(`${BASE}/${campaign.id}/send`, {})).statusCode).toBe(202);
  await t.drain();
  // Sent a minute ago: a click now is a person's, past the link scanners' window.
  await t.runtime.database.raw.query(`UPDATE email_sends SET sent_at = now() - interval '1 minute' WHERE campaign_id = $1`, [campaign.id]);
  return campaign.id;
}

async function click(ws: SignedUp, campaignId: string, leadId: string) {
  const report = (await ws.client.get(`${BASE}/${campaignId}/report`)).json();
  const recipients = (await ws.client.get(`${BASE}/${campaignId}/report/recipients`)).json().items as { id: string; lead_id: string }[];
  const message = recipients.find((r) => r.lead_id === leadId)!;
  const res = await t.publicApp.inject({
    method: 'GET',
    url: `/e/c/${messageToken(t.runtime.secrets, message.id)}/${report.links[0].id}`,
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' },
  });
  expect(res.statusCode).toBe(302);
}

describe('conversions per email', () => {
  it('gives a won lead to the last email clicked within the window, once, with its value', async () => {
    const ws = await signUp(t.app);
    await ws.client.patch('/api/workspace', { postal_address: '12 rue des Lilas, 75011 Paris' });
    const tag = Date.now().toString(36);
    const ids: string[] = [];
    for (const name of ['ana', 'bob', 'cyd'])
      ids.push((await ws.client.post('/api/marketing/leads', { email: `${name}-${tag}@exemple.fr`, estimated_value: 1500 })).json().id);
    const [ana, bob, cyd] = ids as [string, string, string];
    const first = await sentCampaign(ws, 'Première');
    const second = await sentCampaign(ws, 'Seconde');
    // Ana clicks both (the second last), Bob clicks the first only, Cyd clicks nothing.
    await click(ws, first, ana);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await click(ws, second, ana);
    await click(ws, first, bob);
    // Bob's click is older than the window (set to 1 day): his win is no email's.
    await ws.client.patch('/api/marketing/email-settings', { conversion_window_days: 1 });
    await t.runtime.database.raw.query(`UPDATE email_sends SET clicked_at = now() - interval '2 days' WHERE lead_id = $1`, [bob]);
    for (const lead of [ana, bob, cyd]) expect((await ws.client.patch(`/api/marketing/leads/${lead}`, { status: 'won' })).statusCode).toBe(200);
    await t.drain();
    const conversions = async (id: string) => (await ws.client.get(`${BASE}/${id}/report`)).json().conversions;
    const none = { count: 0, revenue: 0, refunded: 0 };
    expect(await conversions(first)).toEqual({ count: 0, rate: 0, revenue: 0, leads_won: { count: 0, revenue: 0 }, orders: none });
    expect(await conversions(second)).toEqual({ count: 1, rate: 0.3333, revenue: 1500, leads_won: { count: 1, revenue: 1500 }, orders: none });
    // Lost then won again: a second conversion event, attributed again; a replayed dispatch changes nothing.
    await ws.client.patch(`/api/marketing/leads/${ana}`, { status: 'lost' });
    await ws.client.patch(`/api/marketing/leads/${ana}`, { status: 'won' });
    await t.drain();
    expect((await conversions(second)).count).toBe(2);
    const [event] = (
      await t.runtime.database.raw.query<{ id: string }>(
        `SELECT id FROM lead_events WHERE lead_id = $1 AND event_type = 'status_changed' ORDER BY created_at DESC LIMIT 1`,
        [ana],
      )
    ).rows;
    await conversionsOnLeadEvents(t.runtime, [
      { id: event!.id, workspaceId: ws.workspaceId, leadId: ana, type: 'status_changed', data: { from: 'lost', to: 'won' } },
    ]);
    expect((await conversions(second)).count).toBe(2);
    expect((await ws.client.patch('/api/marketing/email-settings', { conversion_window_days: 0 })).statusCode).toBe(400);
  });
});

/** Events of a lead, newest first, as the dispatcher hands them to subscribers. */
async function eventsOf(ws: SignedUp, leadId: string, type: string) {
  const rows = (
    await t.runtime.database.raw.query<{ id: string; data: Record<string, unknown> }>(
      `SELECT id, data FROM lead_events WHERE lead_id = $1 AND event_type = $2 ORDER BY occurred_at DESC, id DESC`,
      [leadId, type],
    )
  ).rows;
  return rows.map((r) => ({ id: r.id, workspaceId: ws.workspaceId, leadId, type, data: r.data }));
}

describe('orders as conversions', () => {
  it('gives an order to the last email clicked, once, with its amount; a refund lowers it; the won status is not a second conversion', async () => {
    const ws = await signUp(t.app);
    await ws.client.patch('/api/workspace', { legal_name: 'Atelier Léa SAS', postal_address: '12 rue des Lilas, 75011 Paris' });
    const tenant = new Tenant(t.runtime.db, ws.workspaceId);
    const tag = Date.now().toString(36);
    // Dan was worth 1,500 € in the pipeline: his order wins him, and only the order (124 €) is the email's revenue.
    const dan = (await ws.client.post('/api/marketing/leads', { email: `dan-${tag}@exemple.fr`, estimated_value: 1500 })).json().id as string;
    await ws.client.post('/api/marketing/leads', { email: `eve-${tag}@exemple.fr` });
    const campaign = await sentCampaign(ws, 'Offre de lancement');
    await click(ws, campaign, dan);
    const price = async (name: string, amount: number) =>
      (await ws.client.post('/api/marketing/products', { name, prices: [{ kind: 'one_time', amount_cents: amount }] })).json().prices[0].id as string;
    const main = await price('Formation Vidéo', 9_700);
    const bump = await price('Modèles', 2_700);
    const buy = async (email: string) => {
      const started = await startOrder(t.runtime, tenant, {
        price_id: main,
        bump_price_id: bump,
        buyer: { email, name: 'Dan Martin' },
        idempotency_key: `form-${email}`,
      });
      const provider = await testPaymentProviderFor(t.runtime, tenant);
      await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.visa, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123' });
      await confirmPaid(t.runtime, tenant, started.lines[0]!.payment_id!);
      return started.order.id;
    };
    const order = await buy(`dan-${tag}@exemple.fr`);
    // Eve never clicked: her order is no email's.
    await buy(`eve-${tag}@exemple.fr`);
    await t.drain();
    const conversions = async () => (await ws.client.get(`${BASE}/${campaign}/report`)).json().conversions;
    expect((await ws.client.get(`/api/marketing/leads/${dan}`)).json()).toMatchObject({ status: 'won', estimated_value: 1624 });
    expect(await conversions()).toEqual({
      count: 1,
      rate: 0.5,
      revenue: 124,
      leads_won: { count: 0, revenue: 0 },
      orders: { count: 1, revenue: 124, refunded: 0 },
    });
    const rows = async () =>
      (
        await t.runtime.database.raw.query<{ goal: string; revenue: string }>(
          `SELECT goal, revenue FROM email_conversions WHERE workspace_id = $1 ORDER BY id`,
          [ws.workspaceId],
        )
      ).rows;
    expect(await rows()).toEqual([{ goal: 'order_paid', revenue: '124.00' }]);

    // The dispatch replayed (the order's event and the won status again): nothing more.
    await conversionsOnLeadEvents(t.runtime, [...(await eventsOf(ws, dan, 'order_paid')), ...(await eventsOf(ws, dan, 'status_changed'))]);
    expect(await rows()).toHaveLength(1);

    // 20 € refunded, then the rest: the email's revenue goes down to 0, the order still counted (it happened).
    await refundOrder(t.runtime, tenant, order, { amount_cents: 2_000 });
    await t.drain();
    expect((await conversions()).orders).toEqual({ count: 1, revenue: 104, refunded: 20 });
    expect((await conversions()).revenue).toBe(104);
    await conversionsOnLeadEvents(t.runtime, await eventsOf(ws, dan, 'order_refunded'));
    expect((await conversions()).orders).toEqual({ count: 1, revenue: 104, refunded: 20 });
    // A refund never takes more than the order still brings the email: 500 € refunded (as a provider could report
    // money this email never got) takes its 104 €, and the real refund of the rest after it takes nothing more.
    await t.runtime.database.raw.query(`INSERT INTO lead_events (workspace_id, lead_id, event_type, data) VALUES ($1, $2, 'order_refunded', $3::jsonb)`, [
      ws.workspaceId,
      dan,
      JSON.stringify({ order_id: order, number: 1001, amount_cents: 50_000, currency: 'EUR' }),
    ]);
    await conversionsOnLeadEvents(t.runtime, (await eventsOf(ws, dan, 'order_refunded')).slice(0, 1));
    expect((await conversions()).orders).toEqual({ count: 1, revenue: 0, refunded: 124 });
    await refundOrder(t.runtime, tenant, order, {});
    await t.drain();
    expect(await conversions()).toMatchObject({ count: 1, revenue: 0, orders: { count: 1, revenue: 0, refunded: 124 } });
    expect(await rows()).toEqual([
      { goal: 'order_paid', revenue: '124.00' },
      { goal: 'order_refunded', revenue: '-20.00' },
      { goal: 'order_refunded', revenue: '-104.00' },
    ]);
  });

  it('gives an order’s later payments to the email of its first, whatever was clicked since', async () => {
    const ws = await signUp(t.app);
    await ws.client.patch('/api/workspace', { postal_address: '12 rue des Lilas, 75011 Paris' });
    const tag = Date.now().toString(36);
    const lead = (await ws.client.post('/api/marketing/leads', { email: `fay-${tag}@exemple.fr` })).json().id as string;
    const first = await sentCampaign(ws, 'Première');
    const second = await sentCampaign(ws, 'Seconde');
    await click(ws, first, lead);
    // The payments of one order, as commerce records them (the order, then an accepted upsell), a click in between.
    const record = async (amount: number, key: string) =>
      (
        await t.runtime.database.raw.query<{ id: string }>(
          `INSERT INTO lead_events (workspace_id, lead_id, event_type, data, dedupe_key) VALUES ($1, $2, 'order_paid', $3::jsonb, $4) RETURNING id`,
          [ws.workspaceId, lead, JSON.stringify({ order_id: 'order-1', number: 1001, amount_cents: amount, currency: 'EUR' }), key],
        )
      ).rows[0]!.id;
    const paid = await record(9_700, 'p1');
    await conversionsOnLeadEvents(t.runtime, [{ id: paid, workspaceId: ws.workspaceId, leadId: lead, type: 'order_paid', data: { amount_cents: 9_700 } }]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await click(ws, second, lead);
    const upsell = await record(19_700, 'p2');
    await conversionsOnLeadEvents(t.runtime, [{ id: upsell, workspaceId: ws.workspaceId, leadId: lead, type: 'order_paid', data: { amount_cents: 19_700 } }]);
    // A subscription's renewal, months later, is not the email's: not attributed.
    const renewal = await record(9_700, 'p3');
    await conversionsOnLeadEvents(t.runtime, [
      { id: renewal, workspaceId: ws.workspaceId, leadId: lead, type: 'order_paid', data: { amount_cents: 9_700, renewal: true } },
    ]);
    const conversions = async (id: string) => (await ws.client.get(`${BASE}/${id}/report`)).json().conversions;
    expect((await conversions(first)).orders).toEqual({ count: 1, revenue: 294, refunded: 0 });
    expect((await conversions(second)).count).toBe(0);
  });
});
