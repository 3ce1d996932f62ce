import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDashboard } from '../../contracts/dashboard.js';
import { Client, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';
import { orders } from '../commerce/index.js';
import { leadEvents, leadInteractions, leads, leadTasks } from '../crm/tables.js';
import { periodBounds } from './dashboard-period.js';

let t: TestContext;
beforeAll(async () => {
  // The public address the messages' tracking pixels and links point at (the public server answers them).
  t = await startTestApp({ PUBLIC_URL: 'https://pages.example.test' });
});
afterAll(() => t.close());

const H = 3_600_000;
// A new workspace's zone (sign-up without a browser zone): days are cut there.
const ZONE = 'Europe/Paris';
const D = 24 * H;

describe('periodBounds', () => {
  const now = new Date('2026-03-31T09:30:00Z');

  it('rolling days: today and the days before, compared with as long a span just before', () => {
    const p = periodBounds('7d', now, 'UTC');
    expect(p.start.toISOString()).toBe('2026-03-25T00:00:00.000Z');
    expect(p.end).toEqual(now);
    expect(p.previousStart.toISOString()).toBe('2026-03-18T00:00:00.000Z');
    expect(p.previousEnd.toISOString()).toBe('2026-03-24T09:30:00.000Z');
    expect(p.bucket).toBe('day');
    expect(p.buckets.map((b) => b.toISOString().slice(0, 10))).toEqual([
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
    expect(p.todayStart.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(p.tomorrowStart.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('this month so far against the same days of last month (clamped to its last day)', () => {
    const p = periodBounds('month', now, 'UTC');
    expect(p.start.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(p.previousStart.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(p.previousEnd.toISOString()).toBe('2026-02-28T09:30:00.000Z');
    expect(p.buckets).toHaveLength(31);
  });

  it('quarter and 90 days count in weeks starting on Monday', () => {
    const p = periodBounds('quarter', now, 'UTC');
    expect(p.start.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(p.previousStart.toISOString()).toBe('2025-10-01T00:00:00.000Z');
    expect(p.bucket).toBe('week');
    // 1 January 2026 is a Thursday: the second bucket starts on Monday 5 January.
    expect(p.buckets.slice(0, 2).map((b) => b.toISOString().slice(0, 10))).toEqual(['2026-01-01', '2026-01-05']);
    expect(periodBounds('90d', now, 'UTC').buckets.length).toBe(14);
  });

  it('cuts days in the time zone it is given', () => {
    // 23:30 UTC on 31 March is already 1 April in Paris (UTC+2 in summer time).
    const p = periodBounds('month', new Date('2026-03-31T23:30:00Z'), 'Europe/Paris');
    expect(p.start.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(p.todayStart.toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });
});

type TSeed = { ws: SignedUp; expected: Partial<TDashboard> };

/**
 * Seeds a workspace with rows at known times around the current and previous 7-day periods
 * (straight into the tables: the API would stamp everything "now").
 */
async function seed(): Promise<TSeed> {
  const ws = await signUp(t.app);
  const p = periodBounds('7d', new Date(), ZONE);
  const cur = (offset: number) => new Date(p.start.getTime() + offset);
  const prev = (offset: number) => new Date(p.previousStart.getTime() + offset);
  const db = t.runtime.db;
  const lead = async (values: Partial<typeof leads.$inferInsert>) =>
    (
      await db
        .insert(leads)
        .values({ workspace_id: ws.workspaceId, email: uniqueEmail('dash'), ...values })
        .returning()
    )[0]!;
  const event = (leadId: string, type: string, at: Date, data: Record<string, unknown> = {}) =>
    db.insert(leadEvents).values({ workspace_id: ws.workspaceId, lead_id: leadId, event_type: type, data, actor_user_id: ws.userId, occurred_at: at });
  const statusChange = (leadId: string, to: string, at: Date) => event(leadId, 'status_changed', at, { field: 'status', from: 'proposal', to });

  // New leads: 3 this period (2 from facebook, 1 without source), 2 in the previous one, 1 older.
  const a = await lead({ first_name: 'Anne', last_name: 'Petit', source: 'facebook', status: 'won', estimated_value: 1000, created_at: cur(H) });
  const b = await lead({ source: 'facebook', status: 'lost', estimated_value: 300, created_at: cur(2 * D) });
  const c = await lead({ source: null, status: 'new', estimated_value: 200, created_at: cur(3 * H) });
  const d = await lead({ source: 'salon', status: 'won', estimated_value: 500, created_at: prev(H) });
  const e = await lead({ source: 'salon', status: 'qualified', estimated_value: 800, created_at: prev(2 * D) });
  const f = await lead({ source: 'google', status: 'proposal', estimated_value: 1500, created_at: new Date(p.previousStart.getTime() - 3 * D) });
  // Created already won this period (an import): closed at its creation.
  await lead({ source: 'import', status: 'won', estimated_value: 250, created_at: cur(5 * H) });

  await statusChange(a.id, 'won', cur(4 * H)); // won this period
  await statusChange(b.id, 'lost', cur(2 * D + H)); // lost this period
  await statusChange(d.id, 'won', prev(D)); // won in the previous period
  // Won this period then reopened: not a win any more.
  await statusChange(f.id, 'won', cur(H));
  await statusChange(f.id, 'proposal', cur(2 * H));

  // Interactions: 2 this period, 1 in the previous one.
  for (const at of [cur(H), cur(D), prev(H)]) {
    await db
      .insert(leadInteractions)
      .values({ workspace_id: ws.workspaceId, lead_id: e.id, interaction_type: 'call', subject: 'Appel', occurred_at: at, author_id: ws.userId });
  }
  await event(e.id, 'interaction_added', cur(D), { interaction_type: 'call', subject: 'Appel' });
  await event(e.id, 'score_changed', new Date(), { score: 5 }); // never in recent activity

  // Orders (written as the orders module leaves them): paid this period, one of them half refunded and one refunded in
  // full (a sale of 0); paid in the previous period; older; started and never paid; paid in dollars (counted apart).
  let number = 1001;
  const order = (values: { total: number; refunded?: number; paidAt: Date | null; status?: 'paid' | 'pending' | 'refunded'; currency?: string }) =>
    db.insert(orders).values({
      workspace_id: ws.workspaceId,
      number: number++,
      buyer_email: uniqueEmail('buyer'),
      currency: values.currency ?? 'EUR',
      subtotal_cents: values.total,
      tax_cents: 0,
      total_cents: values.total,
      refunded_cents: values.refunded ?? 0,
      provider: 'test',
      idempotency_key: `order-${number}`,
      status: values.status ?? 'paid',
      paid_at: values.paidAt,
      created_at: values.paidAt ?? new Date(),
    });
  await order({ total: 12_400, paidAt: cur(H) });
  await order({ total: 9_700, refunded: 4_850, paidAt: cur(2 * D) });
  await order({ total: 2_700, refunded: 2_700, status: 'refunded', paidAt: cur(2 * D + H) });
  await order({ total: 32_100, paidAt: prev(D) });
  await order({ total: 50_000, paidAt: new Date(p.previousStart.getTime() - 3 * D) });
  await order({ total: 9_700, status: 'pending', paidAt: null });
  await order({ total: 5_000, paidAt: cur(H), currency: 'USD' });

  // Tasks: mine overdue, team overdue (no assignee), mine due later today, upcoming, done, no due date.
  const now = Date.now();
  const task = (due: Date | null, mine: boolean, done = false) =>
    db.insert(leadTasks).values({
      workspace_id: ws.workspaceId,
      lead_id: c.id,
      title: 'Rappeler',
      due_at: due,
      assignee_id: mine ? ws.userId : null,
      done_at: done ? new Date() : null,
    });
  await task(new Date(now - H), true);
  await task(new Date(now - 2 * D), false);
  await task(new Date(now + (p.tomorrowStart.getTime() - now) / 2), true);
  await task(new Date(p.tomorrowStart.getTime() + 2 * D), false);
  await task(new Date(now - 3 * D), true, true);
  await task(null, true);

  const expected: Partial<TDashboard> = {
    new_leads: { current: 4, previous: 2 }, // a, b, c, g | d, e
    sources: [
      { source: 'facebook', count: 2 },
      { source: 'import', count: 1 },
      { source: null, count: 1 },
    ],
    won_count: { current: 2, previous: 1 }, // a, g | d
    won_revenue: { current: 1250, previous: 500 },
    sales: { current: 3, previous: 1 },
    revenue: { current: 124 + 48.5 + 0, previous: 321 },
    other_currency_sales: 1,
    win_rate: { current: round(2 / 3), previous: 1 },
    interactions: { current: 2, previous: 1 },
    pipeline: [
      { status: 'new', count: 1, value: 200, probability: 0.1 },
      { status: 'contacted', count: 0, value: 0, probability: 0.2 },
      { status: 'qualified', count: 1, value: 800, probability: 0.4 },
      { status: 'proposal', count: 1, value: 1500, probability: 0.6 },
      { status: 'negotiation', count: 0, value: 0, probability: 0.8 },
    ],
    pipeline_value: 2500,
    weighted_pipeline_value: 20 + 320 + 900,
    tasks: { mine: { overdue: 1, due_today: 1, upcoming: 0 }, team: { overdue: 2, due_today: 1, upcoming: 1 } },
  };
  return { ws, expected };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

const zero = { current: 0, previous: 0 };
const none = { current: null, previous: null };

describe('GET /api/marketing/dashboard', () => {
  it('computes the period, the previous period and the snapshot numbers from the seeded rows exactly', async () => {
    const { ws, expected } = await seed();
    const res = await ws.client.get('/api/marketing/dashboard?period=7d');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as TDashboard;
    expect(body).toMatchObject(expected);
    expect(body.period.key).toBe('7d');
    expect(body.period.time_zone).toBe(ZONE);

    // Seven daily buckets whose sums are the period's totals.
    expect(body.series).toHaveLength(7);
    expect(body.series.reduce((n, s) => n + s.new_leads, 0)).toBe(4);
    expect(body.series.reduce((n, s) => n + s.won_revenue, 0)).toBe(1250);
    expect(body.series.reduce((n, s) => n + s.lost_count, 0)).toBe(1);
    expect(body.series[0]).toMatchObject({ new_leads: 3, won_count: 2, won_revenue: 1250 }); // a, c, g on the first day
    expect(body.series[2]).toMatchObject({ new_leads: 1, lost_count: 1 }); // b two days later
    // Orders: revenue per day on the day each was paid, summing to the period's.
    expect(body.series.reduce((n, s) => n + s.revenue, 0)).toBe(172.5);
    expect(body.series.filter((s) => s.sales > 0).map((s) => [s.sales, s.revenue])).toEqual([
      [1, 124],
      [2, 48.5],
    ]);

    // Recent activity: newest first, no score changes, names resolved.
    expect(body.recent_activity.map((a) => a.event_type)).not.toContain('score_changed');
    expect(body.recent_activity).toHaveLength(6);
    const times = body.recent_activity.map((a) => a.occurred_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.recent_activity.find((a) => a.event_type === 'status_changed' && a.data.to === 'won' && a.lead_name === 'Anne Petit')?.actor_name).toBe(
      'Alice Test',
    );

    expect(body.onboarding).toEqual({ total_leads: 7, team_invited: false, campaign_sent: false, funnel_published: false });
  });

  it('counts the whole month so far against the same days of last month', async () => {
    const { ws } = await seed();
    const body = (await ws.client.get('/api/marketing/dashboard?period=month')).json() as TDashboard;
    const p = periodBounds('month', new Date(), ZONE);
    expect(body.period.start).toBe(p.start.toISOString());
    expect(body.period.previous_start).toBe(p.previousStart.toISOString());
    expect(body.series).toHaveLength(p.buckets.length);
    expect(body.series.reduce((n, s) => n + s.new_leads, 0)).toBe(body.new_leads.current);
  });

  it('gives a new workspace zeros, no rates and the onboarding state', async () => {
    const ws = await signUp(t.app);
    await ws.client.post('/api/workspace/invitations', { email: uniqueEmail('invitee'), role: 'member' });
    const body = (await ws.client.get('/api/marketing/dashboard')).json() as TDashboard;
    expect(body.period.key).toBe('30d');
    expect(body).toMatchObject({
      new_leads: { current: 0, previous: 0 },
      sources: [],
      won_revenue: { current: 0, previous: 0 },
      sales: { current: 0, previous: 0 },
      revenue: { current: 0, previous: 0 },
      other_currency_sales: 0,
      win_rate: { current: null, previous: null },
      pipeline_value: 0,
      recent_activity: [],
      onboarding: { total_leads: 0, team_invited: true, campaign_sent: false, funnel_published: false },
      // Every module's block: zeros where nothing happened, null rates (never a fake 0 %).
      funnels: { visitors: zero, optins: zero, optin_rate: none, sales: zero },
      email: { sent: zero, delivered: zero, opens: zero, clicks: zero, open_rate: none, click_rate: none },
      ads: { campaigns: 0, other_currency_campaigns: 0, spend: zero, conversions: zero, revenue: zero, roas: none },
    });
    expect(body.series).toHaveLength(30);
    expect(body.series.every((s) => s.visitors === 0 && s.optins === 0 && s.ad_spend === 0)).toBe(true);
  });

  it('lets a viewer read (an API key has no "mine") and shows another workspace nothing', async () => {
    const { ws, expected } = await seed();
    const key = await ws.client.post('/api/workspace/api-keys', { name: 'Lecture', role: 'viewer' });
    expect(key.statusCode, key.body).toBe(201);
    const viewer = new Client(t.app, { bearer: key.json().key });
    const res = await viewer.get('/api/marketing/dashboard?period=7d');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      new_leads: expected.new_leads,
      won_revenue: expected.won_revenue,
      revenue: expected.revenue,
      tasks: { mine: { overdue: 0, due_today: 0, upcoming: 0 }, team: expected.tasks!.team },
    });

    const other = await signUp(t.app);
    const theirs = (await other.client.get('/api/marketing/dashboard?period=7d')).json() as TDashboard;
    expect(theirs).toMatchObject({
      new_leads: { current: 0, previous: 0 },
      revenue: { current: 0, previous: 0 },
      pipeline_value: 0,
      recent_activity: [],
      tasks: { team: { overdue: 0, due_today: 0, upcoming: 0 } },
      onboarding: { total_leads: 0 },
    });
  });

  it("cuts days in the workspace's time zone", async () => {
    const ws = await signUp(t.app);
    // The 7-day period starts at a midnight in Paris and at another in UTC; a lead between the two counts in one
    // zone only. Which one depends on the hour: after 22:00 or 23:00 UTC, Paris is already on the next day.
    const now = new Date();
    const paris = periodBounds('7d', now, ZONE).start;
    const utcStart = periodBounds('7d', now, 'UTC').start;
    const between = new Date((paris.getTime() + utcStart.getTime()) / 2);
    const inParis = between >= paris ? 1 : 0;
    await t.runtime.db.insert(leads).values({ workspace_id: ws.workspaceId, email: uniqueEmail('tz'), created_at: between });
    const read = async () => (await ws.client.get('/api/marketing/dashboard?period=7d')).json() as TDashboard;
    expect(await read()).toMatchObject({ period: { time_zone: ZONE, start: paris.toISOString() }, new_leads: { current: inParis } });
    expect((await ws.client.patch('/api/workspace', { timezone: 'UTC' })).statusCode).toBe(200);
    expect(await read()).toMatchObject({ period: { time_zone: 'UTC', start: utcStart.toISOString() }, new_leads: { current: 1 - inParis } });
  });

  it('refuses an unknown period with a problem naming the field, and anonymous callers', async () => {
    const ws = await signUp(t.app);
    const res = await ws.client.get('/api/marketing/dashboard?period=week');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('querystring.period');
    expect((await new Client(t.app).get('/api/marketing/dashboard')).statusCode).toBe(401);
  });
});
