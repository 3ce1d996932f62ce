import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { MAX_AD_CAMPAIGNS_PER_WORKSPACE, type TAdCampaign } from '../../../contracts/ads.js';

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

describe('ad campaigns', () => {
  it('creates a campaign with every spec field, its totals zero and its ratios null (no fake 0)', async () => {
    const campaign = await create(owner.client, {
      name: '  Lancement ebook ',
      description: 'Prospection froide',
      platform: 'facebook',
      ad_copy: 'Téléchargez le guide',
      headline: 'Guide gratuit',
      image_url: 'https://cdn.example.com/ad.png',
      target_audience: { locations: ['France'], age_min: 25, age_max: 45, genders: ['female'], interests: ['marketing'] },
      daily_budget: 20,
      total_budget: 600,
      currency: 'eur',
      start_date: '2025-03-01',
      end_date: '2025-03-30',
      platform_campaign_id: '120210000000001',
      utm_campaign: 'ebook-mars',
      utm_source: 'facebook',
    });
    expect(campaign).toMatchObject({
      name: 'Lancement ebook',
      platform: 'facebook',
      status: 'draft',
      currency: 'EUR',
      daily_budget: 20,
      total_budget: 600,
      video_url: null,
      connection_id: null,
      cpa_alert_rise: 0.3,
      target_audience: { locations: ['France'], age_min: 25, age_max: 45, genders: ['female'], interests: ['marketing'], job_titles: [], keywords: [] },
      impressions: 0,
      clicks: 0,
      spent: 0,
      conversions: 0,
      ctr: null,
      cpc: null,
      cpa: null,
      revenue: 0,
      roas: null,
      roi: null,
      results: { leads: 0, won_deals: 0, sales: 0, revenue: 0, cost_per_lead: null, real_cpa: null, real_roas: null },
      pacing: null,
      cpa_alert: null,
      last_day: null,
    });
    expect((await owner.client.get(`${BASE}/${campaign.id}`)).json()).toEqual(campaign);
    const bare = await create(owner.client, { name: 'Recherche', platform: 'google' });
    expect(bare).toMatchObject({ currency: 'EUR', target_audience: { locations: [], age_min: null }, utm_campaign: null, start_date: null });
  });

  it('refuses bad input with field errors and codes, and writes nothing then', async () => {
    const { client, workspaceId } = await signUp(t.app);
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ platform: 'google' }, 'body.name', undefined],
      [{ name: ' ', platform: 'google' }, 'body.name', 'too_small'],
      [{ name: 'x'.repeat(201), platform: 'google' }, 'body.name', 'too_big'],
      [{ name: 'X', platform: 'snapchat' }, 'body.platform', 'invalid_value'],
      [{ name: 'X', platform: 'google', status: 'running' }, 'body.status', 'invalid_value'],
      [{ name: 'X', platform: 'google', start_date: '2025-03-10', end_date: '2025-03-01' }, 'body.end_date', 'end_before_start'],
      [{ name: 'X', platform: 'google', start_date: '2025-02-30' }, 'body.start_date', undefined],
      [{ name: 'X', platform: 'google', daily_budget: -1 }, 'body.daily_budget', 'too_small'],
      [{ name: 'X', platform: 'google', total_budget: 1_000_000_001 }, 'body.total_budget', 'too_big'],
      [{ name: 'X', platform: 'google', image_url: 'javascript:alert(1)' }, 'body.image_url', undefined],
      [{ name: 'X', platform: 'google', video_url: 'ftp://example.com/v.mp4' }, 'body.video_url', undefined],
      [{ name: 'X', platform: 'google', currency: 'XYZ' }, 'body.currency', 'currency'],
      [{ name: 'X', platform: 'google', utm_campaign: 'deux mots' }, 'body.utm_campaign', undefined],
      [{ name: 'X', platform: 'google', cpa_alert_rise: 0 }, 'body.cpa_alert_rise', 'too_small'],
      [{ name: 'X', platform: 'google', target_audience: { age_min: 10 } }, 'body.target_audience.age_min', 'too_small'],
      [{ name: 'X', platform: 'google', target_audience: { genders: ['other'] } }, 'body.target_audience.genders.0', 'invalid_value'],
      [{ name: 'X', platform: 'google', spent: 10 }, 'body', 'unrecognized_keys'],
      [{ name: 'X', platform: 'google', connection_id: '00000000-0000-4000-8000-000000000000' }, 'body', 'unrecognized_keys'],
    ];
    for (const [body, path, code] of cases) {
      const res = await client.post(BASE, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const error = (res.json().errors as { path: string; code?: string }[]).find((e) => e.path === path);
      expect(error, `${path} in ${res.body}`).toBeDefined();
      if (code) expect(error?.code, res.body).toBe(code);
    }
    const { rows } = await t.runtime.database.raw.query('SELECT count(*)::int AS n FROM ad_campaigns WHERE workspace_id = $1', [workspaceId]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('changes fields, checks a date changed alone against the stored one, and never changes platform or currency', async () => {
    const campaign = await create(owner.client, { name: 'Webinar', platform: 'linkedin', start_date: '2025-04-01', end_date: '2025-04-30' });
    const res = await owner.client.patch(`${BASE}/${campaign.id}`, {
      name: 'Webinar B2B',
      status: 'active',
      target_audience: { job_titles: ['DRH'] },
      daily_budget: 50,
      image_url: null,
      cpa_alert_rise: 0.5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Webinar B2B',
      status: 'active',
      daily_budget: 50,
      cpa_alert_rise: 0.5,
      target_audience: { job_titles: ['DRH'] },
    });
    const early = await owner.client.patch(`${BASE}/${campaign.id}`, { end_date: '2025-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ path: 'body.end_date', code: 'end_before_start' });
    for (const body of [{ platform: 'google' }, { currency: 'USD' }]) {
      const refused = await owner.client.patch(`${BASE}/${campaign.id}`, body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].code).toBe('unrecognized_keys');
    }
    expect((await owner.client.patch(`${BASE}/${campaign.id}`, {})).json()).toMatchObject({ name: 'Webinar B2B' });
  });

  it('pauses and resumes with the shortcuts (a campaign no connection syncs changes locally only)', async () => {
    const campaign = await create(owner.client, { name: 'Retargeting', platform: 'instagram', status: 'active' });
    const paused = await owner.client.post(`${BASE}/${campaign.id}/pause`);
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json().status).toBe('paused');
    expect((await owner.client.post(`${BASE}/${campaign.id}/resume`)).json().status).toBe('active');
    expect((await owner.client.post(`${BASE}/${campaign.id}/pause`, { extra: 1 })).statusCode).toBe(400);
  });

  it('keeps the platform campaign id unique per platform with a clear 409', async () => {
    const { client } = await signUp(t.app);
    const first = await create(client, { name: 'A', platform: 'google', platform_campaign_id: '987' });
    const taken = await client.post(BASE, { name: 'B', platform: 'google', platform_campaign_id: '987' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ reason: 'ad_campaign_id_taken' });
    // Same id on another platform, or in another workspace: no clash.
    await create(client, { name: 'C', platform: 'linkedin', platform_campaign_id: '987' });
    await create(owner.client, { name: 'D', platform: 'google', platform_campaign_id: '987' });
    const other = await create(client, { name: 'E', platform: 'google' });
    const patched = await client.patch(`${BASE}/${other.id}`, { platform_campaign_id: '987' });
    expect(patched.statusCode).toBe(409);
    expect((await client.patch(`${BASE}/${first.id}`, { platform_campaign_id: null })).statusCode).toBe(200);
    expect((await client.patch(`${BASE}/${other.id}`, { platform_campaign_id: '987' })).statusCode).toBe(200);
  });

  it('stops at the workspace cap with a clear 409', async () => {
    const { client, workspaceId } = await signUp(t.app);
    // The campaigns up to the cap, written in one statement (creating them one by one would only be slower).
    await t.runtime.database.raw.query(
      `INSERT INTO ad_campaigns (workspace_id, name, platform, target_audience)
       SELECT $1, 'C' || n, 'other', '{}'::jsonb FROM generate_series(1, $2::int - 1) AS n`,
      [workspaceId, MAX_AD_CAMPAIGNS_PER_WORKSPACE],
    );
    await create(client, { name: 'La dernière', platform: 'google' });
    const refused = await client.post(BASE, { name: 'Une de trop', platform: 'google' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'ad_campaigns_limit', params: { limit: MAX_AD_CAMPAIGNS_PER_WORKSPACE } });
  });

  it('lists newest first with a cursor, filters by platform and status, and finds by name', async () => {
    const { client } = await signUp(t.app);
    for (const [name, platform, status] of [
      ['Promo 100%', 'facebook', 'active'],
      ['Search_brand', 'google', 'paused'],
      ['Leads B2B', 'linkedin', 'active'],
    ] as const)
      await create(client, { name, platform, status });
    const first = (await client.get(`${BASE}?limit=2`)).json();
    expect(first.items.map((c: TAdCampaign) => c.name)).toEqual(['Leads B2B', 'Search_brand']);
    const second = (await client.get(`${BASE}?limit=2&cursor=${first.next_cursor}`)).json();
    expect(second.items.map((c: TAdCampaign) => c.name)).toEqual(['Promo 100%']);
    expect(second.next_cursor).toBeNull();
    expect((await client.get(`${BASE}?platform=google`)).json().items.map((c: TAdCampaign) => c.name)).toEqual(['Search_brand']);
    expect((await client.get(`${BASE}?status=active`)).json().items).toHaveLength(2);
    expect((await client.get(`${BASE}?q=${encodeURIComponent('100%')}`)).json().items.map((c: TAdCampaign) => c.name)).toEqual(['Promo 100%']);
    expect((await client.get(`${BASE}?q=_`)).json().items.map((c: TAdCampaign) => c.name)).toEqual(['Search_brand']);
    for (const bad of ['cursor=nope', 'platform=snapchat', 'status=running', 'limit=101'])
      expect((await client.get(`${BASE}?${bad}`)).statusCode, bad).toBe(400);
  });

  it('lists a page of campaigns with their totals in a fixed number of queries', async () => {
    const { client } = await signUp(t.app);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await create(client, { name: `C${i}`, platform: 'google', utm_campaign: `c${i}` })).id);
    for (const id of ids) await client.put(`${BASE}/${id}/metrics/2025-01-01`, { impressions: 100, clicks: 2, spend: 1 });
    // Statements counted at the PGlite client (the test database; PostgreSQL runs skip the count).
    const pglite = (t.runtime.database as unknown as { pglite?: { query: (...args: unknown[]) => Promise<unknown> } }).pglite;
    if (!pglite) return;
    const original = pglite.query;
    let statements = 0;
    pglite.query = function (this: unknown, ...args: unknown[]) {
      statements += 1;
      return original.apply(this, args);
    };
    const count = async (limit: number) => {
      const before = statements;
      const res = await client.get(`${BASE}?limit=${limit}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(limit);
      expect(res.json().items.every((c: TAdCampaign) => c.impressions === 100)).toBe(true);
      return statements - before;
    };
    try {
      const small = await count(2);
      expect(small).toBeGreaterThan(3);
      expect(await count(12)).toBe(small);
    } finally {
      pglite.query = original;
    }
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        BASE,
        `${BASE}/stats`,
        `${BASE}/{id}`,
        `${BASE}/{id}/pause`,
        `${BASE}/{id}/resume`,
        `${BASE}/{id}/metrics`,
        `${BASE}/{id}/metrics/{date}`,
      ]),
    );
    const create = doc.paths[BASE].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['name', 'platform']));
    expect(Object.keys(doc.paths[`${BASE}/{id}`].patch.requestBody.content['application/json'].schema.properties)).not.toContain('platform');
    expect(Object.keys(doc.paths[`${BASE}/{id}/metrics/{date}`].put.requestBody.content['application/json'].schema.properties).sort()).toEqual([
      'clicks',
      'conversion_value',
      'conversions',
      'impressions',
      'spend',
    ]);
  });

  it('lets viewers read and members write, and deletes a campaign with its days', async () => {
    const campaign = await create(owner.client, { name: 'À supprimer', platform: 'tiktok' });
    const viewer = new Client(t.app, { bearer: (await owner.client.post('/api/workspace/api-keys', { name: 'v', role: 'viewer' })).json().key });
    expect((await viewer.get(BASE)).statusCode).toBe(200);
    expect((await viewer.get(`${BASE}/${campaign.id}`)).statusCode).toBe(200);
    expect((await viewer.post(BASE, { name: 'Non', platform: 'google' })).statusCode).toBe(403);
    expect((await viewer.patch(`${BASE}/${campaign.id}`, { name: 'Non' })).statusCode).toBe(403);
    expect((await viewer.post(`${BASE}/${campaign.id}/pause`)).statusCode).toBe(403);
    expect((await viewer.put(`${BASE}/${campaign.id}/metrics/2025-01-01`, { impressions: 1, clicks: 0, spend: 0 })).statusCode).toBe(403);
    expect((await viewer.delete(`${BASE}/${campaign.id}`)).statusCode).toBe(403);
    await owner.client.put(`${BASE}/${campaign.id}/metrics/2025-01-01`, { impressions: 1, clicks: 0, spend: 0 });
    expect((await owner.client.delete(`${BASE}/${campaign.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`${BASE}/${campaign.id}`)).statusCode).toBe(404);
    const { rows } = await t.runtime.database.raw.query('SELECT count(*)::int AS n FROM ad_campaign_days WHERE campaign_id = $1', [campaign.id]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("answers 404 for another workspace's campaign on every route, and changes nothing", async () => {
    const campaign = await create(owner.client, { name: 'Privée', platform: 'google', status: 'active' });
    await owner.client.put(`${BASE}/${campaign.id}/metrics/2025-01-02`, { impressions: 10, clicks: 1, spend: 2 });
    const { client: other } = await signUp(t.app);
    const url = `${BASE}/${campaign.id}`;
    for (const res of [
      await other.get(url),
      await other.patch(url, { name: 'Volée' }),
      await other.post(`${url}/pause`),
      await other.post(`${url}/resume`),
      await other.get(`${url}/metrics`),
      await other.put(`${url}/metrics/2025-01-02`, { impressions: 0, clicks: 0, spend: 0 }),
      await other.delete(`${url}/metrics/2025-01-02`),
      await other.delete(url),
    ])
      expect(res.statusCode, res.body).toBe(404);
    expect((await other.get(BASE)).json().items).toEqual([]);
    const after = (await owner.client.get(url)).json();
    expect(after).toMatchObject({ name: 'Privée', status: 'active', impressions: 10, spent: 2 });
    expect((await owner.client.get(`${BASE}/not-a-uuid`)).statusCode).toBe(404);
  });
});
