import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../../test/harness.js';
import type { TAdCampaignList } from '../../../contracts/ads.js';
import { seedAdsDemo } from './ads.demo.js';
import { DEMO_ANCHOR_END, DEMO_FILES, DEMO_REPORTS, type TDemoNetwork } from './demo-reports.js';

let t: TestContext;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const query = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.runtime.database.raw.query(text, params)).rows as T[];

describe('ads demo', () => {
  it('ships the export files its script writes (regenerate them after changing demo-reports.ts)', () => {
    for (const network of Object.keys(DEMO_FILES) as TDemoNetwork[]) {
      const shipped = readFileSync(new URL(`./${DEMO_FILES[network]}`, import.meta.url));
      expect(shipped.equals(DEMO_REPORTS[network]()), DEMO_FILES[network]).toBe(true);
    }
  });

  it('imports three campaigns with 60 days ending yesterday, and UTM-attributed leads so the real ROAS shows', async () => {
    const owner = await signUp(t.app);
    // A "today" far from the files' window: every date must move, in each file's own format.
    const now = new Date('2027-07-15T09:30:00Z');
    await seedAdsDemo(t.runtime, owner.workspaceId, owner.userId, now);

    const imports = await query<{ network: string; language: string; rows: number; days_written: number; campaigns_created: number; errors: unknown[] }>(
      'SELECT network, language, rows, days_written, campaigns_created, errors FROM ad_report_imports WHERE workspace_id = $1 ORDER BY network',
      [owner.workspaceId],
    );
    expect(imports).toEqual([
      { network: 'google', language: 'en', rows: 60, days_written: 60, campaigns_created: 1, errors: [] },
      { network: 'linkedin', language: 'en', rows: 60, days_written: 60, campaigns_created: 1, errors: [] },
      // Two ad sets a day, summed per day.
      { network: 'meta', language: 'fr', rows: 120, days_written: 60, campaigns_created: 1, errors: [] },
    ]);

    const campaigns = await query<{
      platform: string;
      utm_campaign: string;
      utm_source: string;
      first: string;
      last: string;
      days: number;
      spend: number;
      headline: string;
      daily_budget: number;
    }>(
      `SELECT c.platform, c.utm_campaign, c.utm_source, c.headline, c.daily_budget::float AS daily_budget,
              min(d.date)::text AS first, max(d.date)::text AS last, count(d.*)::int AS days, sum(d.spend)::float AS spend
         FROM ad_campaigns c JOIN ad_campaign_days d ON d.campaign_id = c.id
        WHERE c.workspace_id = $1 GROUP BY c.id ORDER BY c.platform`,
      [owner.workspaceId],
    );
    expect(campaigns.map((c) => [c.platform, c.utm_source, c.utm_campaign, c.first, c.last, c.days])).toEqual([
      ['facebook', 'facebook', 'soldes-hiver', '2027-05-16', '2027-07-14', 60],
      ['google', 'google', 'search-marque', '2027-05-16', '2027-07-14', 60],
      ['linkedin', 'linkedin', 'decideurs-pme', '2027-05-16', '2027-07-14', 60],
    ]);
    for (const c of campaigns) {
      expect(c.spend, c.platform).toBeGreaterThan(1000);
      expect(c.headline.length, c.platform).toBeGreaterThan(10);
      expect(c.daily_budget, c.platform).toBeGreaterThan(0);
    }

    const leads = await query<{ utm_campaign: string; leads: number; won: number; value: number; first: string; last: string; consented: number }>(
      `SELECT utm_campaign, count(*)::int AS leads, (count(*) FILTER (WHERE status = 'won'))::int AS won,
              coalesce(sum(estimated_value) FILTER (WHERE status = 'won'), 0)::float AS value,
              min(created_at)::date::text AS first, max(created_at)::date::text AS last, (count(*) FILTER (WHERE consent_at IS NOT NULL))::int AS consented
         FROM leads WHERE workspace_id = $1 AND utm_campaign IS NOT NULL GROUP BY utm_campaign ORDER BY utm_campaign`,
      [owner.workspaceId],
    );
    expect(leads.map((l) => [l.utm_campaign, l.leads, l.won, l.consented])).toEqual([
      ['decideurs-pme', 10, 2, 10],
      ['search-marque', 18, 7, 18],
      ['soldes-hiver', 24, 8, 24],
    ]);
    for (const l of leads) {
      expect(l.first >= '2027-05-16' && l.last <= '2027-07-14', l.utm_campaign).toBe(true);
      expect(l.value).toBeGreaterThan(0);
    }

    // Through the campaigns' API: real results beside the platform's figures, some campaigns paying for themselves.
    const list = (await owner.client.get('/api/marketing/ad-campaigns')).json() as TAdCampaignList;
    expect(list.items).toHaveLength(3);
    for (const campaign of list.items) {
      expect(campaign.results.leads, campaign.name).toBeGreaterThan(0);
      expect(campaign.results.real_roas, campaign.name).not.toBeNull();
      expect(campaign.last_day).toBe('2027-07-14');
    }
    const roas = Object.fromEntries(list.items.map((c) => [c.platform, c.results.real_roas!]));
    // Search pays best, the sale pays, LinkedIn's B2B leads do not yet (its cards show red).
    expect(roas.google, JSON.stringify(roas)).toBeGreaterThan(1.5);
    expect(roas.facebook, JSON.stringify(roas)).toBeGreaterThan(1);
    expect(roas.linkedin, JSON.stringify(roas)).toBeLessThan(1);
  });

  it('leaves the files as shipped when yesterday is their last day', async () => {
    const owner = await signUp(t.app);
    // The files' own window: nothing moves.
    await seedAdsDemo(t.runtime, owner.workspaceId, null, new Date('2026-02-01T06:00:00Z'));
    const [range] = await query<{ first: string; last: string }>(
      'SELECT min(date)::text AS first, max(date)::text AS last FROM ad_campaign_days WHERE workspace_id = $1',
      [owner.workspaceId],
    );
    expect(range).toEqual({ first: '2025-12-03', last: DEMO_ANCHOR_END });
  });
});
