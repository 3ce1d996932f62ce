import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { MAX_AD_METRICS_DAYS, type TAdCampaign, type TAdDay, type TAdMetrics, type TAdStats } from '../../../contracts/ads.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { adStats } from '../index.js';
import { addDays, todayIn } from './ad-dates.js';

const BASE = '/api/marketing/ad-campaigns';
let t: TestContext;
let owner: SignedUp;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

async function create(client: Client, body: Record<string, unknown>): Promise<TAdCampaign> {
  const res = await client.post(BASE, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function putDay(client: Client, id: string, date: string, body: Record<string, unknown>): Promise<TAdDay> {
  const res = await client.put(`${BASE}/${id}/metrics/${date}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('ad campaign figures', () => {
  it('replaces a day whole (idempotent), with ratios null where their denominator is 0', async () => {
    const campaign = await create(owner.client, { name: 'Grille', platform: 'facebook' });
    const first = await putDay(owner.client, campaign.id, '2025-05-01', { impressions: 1000, clicks: 25, spend: 50, conversions: 4, conversion_value: 200 });
    expect(first).toEqual({
      date: '2025-05-01',
      impressions: 1000,
      clicks: 25,
      spend: 50,
      conversions: 4,
      conversion_value: 200,
      source: 'manual',
      ctr: 0.025,
      cpc: 2,
      cpa: 12.5,
      leads: 0,
      sales: 0,
      revenue: 0,
    });
    // The same day again: one row, the last figures (conversions and value default to 0).
    const second = await putDay(owner.client, campaign.id, '2025-05-01', { impressions: 0, clicks: 0, spend: 10 });
    expect(second).toMatchObject({ impressions: 0, clicks: 0, spend: 10, conversions: 0, conversion_value: 0, ctr: null, cpc: null, cpa: null });
    await putDay(owner.client, campaign.id, '2025-05-01', { impressions: 0, clicks: 0, spend: 10 });
    const { rows } = await t.runtime.database.raw.query('SELECT count(*)::int AS n FROM ad_campaign_days WHERE campaign_id = $1', [campaign.id]);
    expect(rows[0]).toEqual({ n: 1 });
    const card = (await owner.client.get(`${BASE}/${campaign.id}`)).json() as TAdCampaign;
    expect(card).toMatchObject({
      impressions: 0,
      clicks: 0,
      spent: 10,
      conversions: 0,
      ctr: null,
      cpc: null,
      cpa: null,
      roas: 0,
      roi: -1,
      last_day: '2025-05-01',
    });
  });

  it('refuses bad days and bodies, and a day more than one day ahead', async () => {
    const campaign = await create(owner.client, { name: 'Dates', platform: 'google' });
    const today = todayIn('Europe/Paris');
    await putDay(owner.client, campaign.id, addDays(today, 1), { impressions: 1, clicks: 0, spend: 0 });
    const ahead = await owner.client.put(`${BASE}/${campaign.id}/metrics/${addDays(today, 2)}`, { impressions: 1, clicks: 0, spend: 0 });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().errors[0]).toMatchObject({ path: 'params.date', code: 'date_in_future' });
    const cases: [string, Record<string, unknown>, string][] = [
      ['2025-02-30', { impressions: 1, clicks: 0, spend: 0 }, 'params.date'],
      ['2025-2-3', { impressions: 1, clicks: 0, spend: 0 }, 'params.date'],
      ['2025-02-03', { impressions: -1, clicks: 0, spend: 0 }, 'body.impressions'],
      ['2025-02-03', { impressions: 1.5, clicks: 0, spend: 0 }, 'body.impressions'],
      ['2025-02-03', { impressions: 1, clicks: 0 }, 'body.spend'],
      ['2025-02-03', { impressions: 1, clicks: 0, spend: 1_000_000_001 }, 'body.spend'],
      ['2025-02-03', { impressions: 1, clicks: 0, spend: 1, ctr: 0.1 }, 'body'],
    ];
    for (const [date, body, path] of cases) {
      const res = await owner.client.put(`${BASE}/${campaign.id}/metrics/${date}`, body);
      expect(res.statusCode, `${date} ${JSON.stringify(body)}`).toBe(400);
      expect((res.json().errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
  });

  it('removes a day, and reads a range: by default the 30 days ending at the last day with figures', async () => {
    const campaign = await create(owner.client, { name: 'Série', platform: 'linkedin' });
    for (const [date, spend] of [
      ['2025-01-10', 5],
      ['2025-02-01', 10],
      ['2025-02-20', 20],
      ['2025-03-01', 30],
    ] as const)
      await putDay(owner.client, campaign.id, date, { impressions: 100, clicks: 10, spend, conversions: 1 });
    const byDefault = (await owner.client.get(`${BASE}/${campaign.id}/metrics`)).json() as TAdMetrics;
    expect(byDefault).toMatchObject({ campaign_id: campaign.id, from: '2025-01-31', to: '2025-03-01', currency: 'EUR' });
    expect(byDefault.days.map((d) => d.date)).toEqual(['2025-02-01', '2025-02-20', '2025-03-01']);
    expect(byDefault.totals).toEqual({
      impressions: 300,
      clicks: 30,
      spent: 60,
      conversions: 3,
      conversion_value: 0,
      ctr: 0.1,
      cpc: 2,
      cpa: 20,
      roas: 0,
      roi: -1,
    });
    const ranged = (await owner.client.get(`${BASE}/${campaign.id}/metrics?from=2025-01-01&to=2025-02-01`)).json() as TAdMetrics;
    expect(ranged.days.map((d) => d.date)).toEqual(['2025-01-10', '2025-02-01']);
    expect((await owner.client.get(`${BASE}/${campaign.id}/metrics?from=2025-02-20`)).json()).toMatchObject({ from: '2025-02-20', to: '2025-03-21' });
    expect((await owner.client.delete(`${BASE}/${campaign.id}/metrics/2025-03-01`)).statusCode).toBe(204);
    expect((await owner.client.delete(`${BASE}/${campaign.id}/metrics/2025-03-01`)).statusCode).toBe(204);
    const after = (await owner.client.get(`${BASE}/${campaign.id}/metrics`)).json() as TAdMetrics;
    expect(after).toMatchObject({ from: '2025-01-22', to: '2025-02-20' });
    expect((await owner.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ spent: 35, conversions: 3, cpa: 11.67, last_day: '2025-02-20' });
    const tooLong = await owner.client.get(`${BASE}/${campaign.id}/metrics?from=2020-01-01&to=2025-01-01`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0]).toMatchObject({ path: 'querystring.from', code: 'ad_date_range', params: { max: MAX_AD_METRICS_DAYS } });
    const reversed = await owner.client.get(`${BASE}/${campaign.id}/metrics?from=2025-02-01&to=2025-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ path: 'querystring.from', code: 'range' });
    expect((await owner.client.get(`${BASE}/${campaign.id}/metrics?from=2025-13-01`)).statusCode).toBe(400);
  });

  it('sums per platform and overall in the workspace currency, leaving other currencies out', async () => {
    const { client, workspaceId } = await signUp(t.app);
    const fb = await create(client, { name: 'FB', platform: 'facebook' });
    const ig = await create(client, { name: 'IG', platform: 'instagram' });
    const google = await create(client, { name: 'Google', platform: 'google' });
    const usd = await create(client, { name: 'US', platform: 'google', currency: 'USD' });
    await create(client, { name: 'Sans chiffres', platform: 'linkedin' });
    await putDay(client, fb.id, '2025-06-01', { impressions: 1000, clicks: 10, spend: 20, conversions: 2 });
    await putDay(client, fb.id, '2025-06-02', { impressions: 1000, clicks: 30, spend: 40, conversions: 0 });
    await putDay(client, fb.id, '2025-05-01', { impressions: 9999, clicks: 99, spend: 999 });
    await putDay(client, ig.id, '2025-06-02', { impressions: 0, clicks: 0, spend: 0 });
    await putDay(client, google.id, '2025-06-03', { impressions: 2000, clicks: 60, spend: 90, conversions: 3, conversion_value: 300 });
    await putDay(client, usd.id, '2025-06-03', { impressions: 5000, clicks: 50, spend: 500, conversions: 5 });
    const res = await client.get(`${BASE}/stats?from=2025-06-01&to=2025-06-30`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json() as TAdStats;
    expect(stats).toMatchObject({ from: '2025-06-01', to: '2025-06-30', currency: 'EUR', other_currency_campaigns: 1 });
    expect(stats.platforms.map((p) => [p.platform, p.campaigns, p.impressions, p.clicks, p.spent, p.conversions, p.ctr, p.cpc, p.cpa])).toEqual([
      ['facebook', 1, 2000, 40, 60, 2, 0.02, 1.5, 30],
      ['instagram', 1, 0, 0, 0, 0, null, null, null],
      ['google', 1, 2000, 60, 90, 3, 0.03, 1.5, 30],
      ['linkedin', 0, 0, 0, 0, 0, null, null, null],
    ]);
    expect(stats.overall).toMatchObject({ campaigns: 3, impressions: 4000, clicks: 100, spent: 150, conversions: 5, conversion_value: 300, cpa: 30 });
    expect(stats.overall.results).toEqual({ leads: 0, won_deals: 0, sales: 0, revenue: 0, cost_per_lead: null, real_cpa: null, real_roas: 0 });
    // The same function the dashboard calls.
    expect(await adStats(new Tenant(t.runtime.db, workspaceId), { from: '2025-06-01', to: '2025-06-30' })).toEqual(stats);
    // The workspace's currency decides what is summed.
    await client.patch('/api/workspace', { currency: 'USD' });
    const inUsd = (await client.get(`${BASE}/stats?from=2025-06-01&to=2025-06-30`)).json() as TAdStats;
    expect(inUsd).toMatchObject({ currency: 'USD', other_currency_campaigns: 3, overall: { campaigns: 1, spent: 500 } });
    // By default the last 30 days, empty here.
    const recent = (await client.get(`${BASE}/stats`)).json() as TAdStats;
    expect(recent.to).toBe(todayIn('Europe/Paris'));
    expect(recent.from).toBe(addDays(recent.to, -29));
    expect(recent.overall).toMatchObject({ campaigns: 0, spent: 0, ctr: null, roas: null });
    expect((await client.get(`${BASE}/stats?from=2020-01-01&to=2025-01-01`)).statusCode).toBe(400);
    expect((await client.get(`${BASE}/stats?from=2025-02-01&to=2025-01-01`)).statusCode).toBe(400);
    const { client: empty } = await signUp(t.app);
    expect((await empty.get(`${BASE}/stats`)).json()).toMatchObject({ platforms: [], other_currency_campaigns: 0, overall: { campaigns: 0 } });
  });

  it('shows budget pacing and a CPA alert on the card, from the days in the workspace time zone', async () => {
    const today = todayIn('Europe/Paris');
    const campaign = await create(owner.client, {
      name: 'Rythme',
      platform: 'facebook',
      total_budget: 3000,
      start_date: addDays(today, -9),
      end_date: addDays(today, 20),
    });
    for (let i = 9; i >= 2; i--) await putDay(owner.client, campaign.id, addDays(today, -i), { impressions: 1000, clicks: 10, spend: 100, conversions: 5 });
    await putDay(owner.client, campaign.id, addDays(today, -1), { impressions: 1000, clicks: 10, spend: 90, conversions: 3 });
    const card = (await owner.client.get(`${BASE}/${campaign.id}`)).json() as TAdCampaign;
    // 890 spent over 9 days of 30: 2966.67 projected against 3000.
    expect(card.pacing).toEqual({ basis: 'total', budget: 3000, spent: 890, projected: 2966.67, state: 'on_track' });
    // Yesterday: 30 per conversion against 20 over the 7 days before (+50 % > 30 %).
    expect(card.cpa_alert).toEqual({ date: addDays(today, -1), cpa: 30, average_cpa: 20, rise: 0.5, threshold: 0.3 });
    const calmer = (await owner.client.patch(`${BASE}/${campaign.id}`, { cpa_alert_rise: 0.6, total_budget: null, daily_budget: 60 })).json() as TAdCampaign;
    expect(calmer.cpa_alert).toBeNull();
    expect(calmer.pacing).toEqual({ basis: 'daily', budget: 60, spent: 90, projected: 90, state: 'over' });
    const listed = (await owner.client.get(`${BASE}?q=Rythme`)).json().items[0] as TAdCampaign;
    expect(listed).toMatchObject({ pacing: calmer.pacing, cpa_alert: null, last_day: addDays(today, -1) });
  });

  it("answers 404 for another workspace's campaign day, and writes nothing", async () => {
    const campaign = await create(owner.client, { name: 'À moi', platform: 'google' });
    await putDay(owner.client, campaign.id, '2025-01-01', { impressions: 10, clicks: 1, spend: 1 });
    const { client } = await signUp(t.app);
    expect((await client.put(`${BASE}/${campaign.id}/metrics/2025-01-01`, { impressions: 0, clicks: 0, spend: 0 })).statusCode).toBe(404);
    expect((await client.put(`${BASE}/${campaign.id}/metrics/2025-01-02`, { impressions: 0, clicks: 0, spend: 0 })).statusCode).toBe(404);
    expect((await client.delete(`${BASE}/${campaign.id}/metrics/2025-01-01`)).statusCode).toBe(404);
    expect((await client.get(`${BASE}/${campaign.id}/metrics`)).statusCode).toBe(404);
    expect((await owner.client.get(`${BASE}/${campaign.id}/metrics`)).json().days).toHaveLength(1);
    expect((await owner.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ impressions: 10, spent: 1 });
  });
});
