import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { multipartBody } from '../../../test/multipart.js';
import { adCampaignDays, adCampaigns, adReportImports } from './ads.tables.js';

// Real concurrency on the ads' writes (PostgreSQL only: PGlite runs requests one after the other, so a race there
// proves nothing): the same report imported twice at once (a double click on "Importer", or two tabs), the same day
// typed in twice at once. Each must give one campaign and one row per day, with the figures of the file.

const onPostgres = process.env.TEST_DB === 'postgres';
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const report = [
  'Day,Campaign,Campaign ID,Impr.,Clicks,Cost,Conversions',
  '2026-11-01,Black Friday,9001,1000,20,12.50,2',
  '2026-11-02,Black Friday,9001,1500,30,15.00,3',
  '2026-11-02,Retargeting,9002,500,10,5.00,1',
].join('\n');

describe.runIf(onPostgres)('ads races (PostgreSQL)', () => {
  it('creates each campaign once and writes each day once when one report is imported twice at once', async () => {
    const owner = await signUp(t.app);
    const upload = () => {
      const body = multipartBody({}, { fileName: 'google.csv', content: report });
      return owner.client.request({ method: 'POST', url: '/api/marketing/ad-campaigns/imports', payload: body.payload, headers: body.headers });
    };
    const answers = await Promise.all([upload(), upload(), upload()]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const campaigns = await t.runtime.db.select().from(adCampaigns).where(eq(adCampaigns.workspace_id, owner.workspaceId));
    expect(campaigns.map((c) => c.platform_campaign_id).sort()).toEqual(['9001', '9002']);
    const days = await t.runtime.db.select().from(adCampaignDays).where(eq(adCampaignDays.workspace_id, owner.workspaceId));
    expect(days).toHaveLength(3);
    expect(days.reduce((n, d) => n + d.spend, 0)).toBeCloseTo(32.5, 2);
    const imports = await t.runtime.db.select().from(adReportImports).where(eq(adReportImports.workspace_id, owner.workspaceId));
    expect(imports).toHaveLength(3);
    // One import created both campaigns, the others matched them.
    expect(imports.reduce((n, i) => n + i.campaigns_created, 0)).toBe(2);
  });

  it('keeps one row per day when the same day is typed in twice at once, with one of the two figures whole', async () => {
    const owner = await signUp(t.app);
    const campaign = (await owner.client.post('/api/marketing/ad-campaigns', { name: 'Saisie', platform: 'other' })).json() as { id: string };
    const url = `/api/marketing/ad-campaigns/${campaign.id}/metrics/2026-11-05`;
    const bodies = [
      { impressions: 100, clicks: 1, spend: 1, conversions: 1, conversion_value: 10 },
      { impressions: 200, clicks: 2, spend: 2, conversions: 2, conversion_value: 20 },
    ];
    const answers = await Promise.all(bodies.map((body) => owner.client.put(url, body)));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const rows = await t.runtime.db
      .select()
      .from(adCampaignDays)
      .where(and(eq(adCampaignDays.campaign_id, campaign.id), eq(adCampaignDays.date, '2026-11-05')));
    expect(rows).toHaveLength(1);
    const kept = bodies.find((b) => b.impressions === rows[0]!.impressions)!;
    expect(rows[0]).toMatchObject({ clicks: kept.clicks, spend: kept.spend, conversions: kept.conversions, conversion_value: kept.conversion_value });
  });
});
