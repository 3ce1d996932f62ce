import { sql } from 'drizzle-orm';
import { AD_PLATFORMS, type TAdPlatform, type TAdStats } from '../../../contracts/ads.js';
import { rowsOf } from '../../../platform/db/rows.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { adCampaignDays, adCampaigns } from '../ads.tables.js';
import { NO_RESULTS, addResults, attributedResults, resultsOf, type TRawResults } from './ad-attribution.js';
import { attributionStart, attributionTarget, NO_TOTALS, workspaceContext, type TAdCampaignRow, type TDayTotals } from './ad-campaign-view.js';
import { todayIn } from './ad-dates.js';
import { metricsRange } from './ad-metrics.service.js';
import { adRatios, returnOn, round } from './ad-ratios.js';

// The workspace's ad figures over a range, per platform and overall (GET /ad-campaigns/stats, the dashboard's ad
// tile). Sums are in the workspace's currency only: a campaign spent in another currency is counted apart, never
// added (no exchange rate is applied).

type TLine = { campaigns: number; totals: TDayTotals; raw: TRawResults };

/** Totals per platform (those with a campaign in the workspace's currency) and overall; default: the last 30 days. */
export async function adStats(tenant: Tenant, query: { from?: string; to?: string }, now = new Date()): Promise<TAdStats> {
  const { timeZone, currency } = await workspaceContext(tenant);
  const { from, to } = metricsRange(query, todayIn(timeZone, now));
  const ws = tenant.workspaceId;
  const [campaigns, sums] = await Promise.all([
    // Each campaign's first day of figures: one probe of the days' primary key per campaign.
    tenant.db
      .select({
        row: adCampaigns,
        first_day: sql<string | null>`(SELECT to_char(min(d.date), 'YYYY-MM-DD') FROM ${adCampaignDays} d WHERE d.campaign_id = ${adCampaigns.id})`,
      })
      .from(adCampaigns)
      .where(tenant.where(adCampaigns)),
    tenant.db.execute(sql`
      SELECT campaign_id, sum(impressions)::float8 AS impressions, sum(clicks)::float8 AS clicks, sum(spend)::float8 AS spent,
        sum(conversions)::float8 AS conversions, sum(conversion_value)::float8 AS conversion_value
      FROM ${adCampaignDays} WHERE workspace_id = ${ws}::uuid AND date BETWEEN ${from}::date AND ${to}::date
      GROUP BY campaign_id`),
  ]);
  const byCampaign = new Map(rowsOf<TDayTotals & { campaign_id: string }>(sums).map((r) => [r.campaign_id, r]));
  const own = campaigns.filter((c) => c.row.currency.toUpperCase() === currency);
  const other = campaigns.filter((c) => c.row.currency.toUpperCase() !== currency && byCampaign.has(c.row.id)).length;
  const attributed = await attributedResults(
    tenant,
    own.map((c) => attributionTarget(c.row, attributionStart(c.row, c.first_day, timeZone))),
    { from, to, timeZone, workspaceCurrency: currency },
  );

  const lines = new Map<TAdPlatform, TLine>();
  const overall: TLine = { campaigns: 0, totals: NO_TOTALS, raw: NO_RESULTS };
  for (const { row } of own) add(lines, overall, row, byCampaign.get(row.id), attributed.get(row.id));
  return {
    from,
    to,
    currency,
    other_currency_campaigns: other,
    platforms: AD_PLATFORMS.filter((p) => lines.has(p)).map((platform) => ({ platform, ...lineOf(lines.get(platform)!) })),
    overall: lineOf(overall),
  };
}

function add(lines: Map<TAdPlatform, TLine>, overall: TLine, row: TAdCampaignRow, sums: TDayTotals | undefined, raw: TRawResults | undefined) {
  const line = lines.get(row.platform) ?? { campaigns: 0, totals: NO_TOTALS, raw: NO_RESULTS };
  lines.set(row.platform, line);
  // "campaigns": those with figures in the range; a platform's line shows as soon as it has a campaign.
  for (const target of [line, overall]) {
    if (sums) {
      target.campaigns += 1;
      target.totals = {
        impressions: target.totals.impressions + Number(sums.impressions),
        clicks: target.totals.clicks + Number(sums.clicks),
        spent: target.totals.spent + Number(sums.spent),
        conversions: target.totals.conversions + Number(sums.conversions),
        conversion_value: target.totals.conversion_value + Number(sums.conversion_value),
      };
    }
    if (raw) target.raw = addResults(target.raw, raw);
  }
}

function lineOf(line: TLine) {
  const totals = {
    impressions: line.totals.impressions,
    clicks: line.totals.clicks,
    spent: round(line.totals.spent, 2),
    conversions: round(line.totals.conversions, 2),
    conversion_value: round(line.totals.conversion_value, 2),
  };
  const results = resultsOf(line.raw, totals.spent);
  return {
    ...totals,
    ...adRatios({ ...totals, spend: totals.spent }),
    ...returnOn(results.revenue, totals.spent),
    campaigns: line.campaigns,
    results,
  };
}
