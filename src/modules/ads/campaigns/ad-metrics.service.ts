import { and, eq, sql } from 'drizzle-orm';
import { MAX_AD_METRICS_DAYS, type TAdDay, type TAdDayBody, type TAdMetrics } from '../../../contracts/ads.js';
import { rowsOf } from '../../../platform/db/rows.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { adCampaignDays } from '../ads.tables.js';
import { replaceAdDays } from './ad-days.service.js';
import { NO_RESULTS, attributedDays, addResults, resultsOf } from './ad-attribution.js';
import { attributionStart, attributionTarget, workspaceContext } from './ad-campaign-view.js';
import { adCampaignRow } from './ad-campaigns.service.js';
import { addDays, daysBetween, todayIn } from './ad-dates.js';
import { adRatios, returnOn, round } from './ad-ratios.js';

// A campaign's figures per day: typed in the grid (one day replaced whole), removed, and read over a range with each
// day's real results (leads created that day, orders paid that day).

const DEFAULT_DAYS = 30;

/** PUT /:id/metrics/:date: replaces the day's figures (source manual); a day after tomorrow is refused. */
export async function putAdDay(tenant: Tenant, id: string, date: string, body: TAdDayBody, now = new Date()): Promise<TAdDay> {
  const campaign = await adCampaignRow(tenant, id);
  const { timeZone } = await workspaceContext(tenant);
  // Tomorrow is allowed: the ad account's zone may already be there.
  if (date > addDays(todayIn(timeZone, now), 1)) {
    throw new AppError('bad_request', 'No figures for a day that has not come yet', {
      errors: [{ path: 'params.date', message: 'must not be more than 1 day in the future', code: 'date_in_future' }],
    });
  }
  await replaceAdDays(tenant, [{ campaign_id: campaign.id, date, ...body }], 'manual');
  const metrics = await adMetrics(tenant, id, { from: date, to: date }, now);
  return metrics.days[0]!;
}

/** DELETE /:id/metrics/:date: removes the day (no error when it had no figures: the outcome is the same). */
export async function deleteAdDay(tenant: Tenant, id: string, date: string): Promise<void> {
  const campaign = await adCampaignRow(tenant, id);
  await tenant.db
    .delete(adCampaignDays)
    .where(and(eq(adCampaignDays.workspace_id, tenant.workspaceId), eq(adCampaignDays.campaign_id, campaign.id), eq(adCampaignDays.date, date)));
}

/** The days of a range (default: the 30 days ending at the last day with figures, or today), totals and results. */
export async function adMetrics(tenant: Tenant, id: string, query: { from?: string; to?: string }, now = new Date()): Promise<TAdMetrics> {
  const campaign = await adCampaignRow(tenant, id);
  const { timeZone, currency } = await workspaceContext(tenant);
  const [bounds] = rowsOf<{ first: string | null; last: string | null }>(
    await tenant.db.execute(sql`
      SELECT to_char(min(date), 'YYYY-MM-DD') AS first, to_char(max(date), 'YYYY-MM-DD') AS last FROM ${adCampaignDays}
      WHERE workspace_id = ${tenant.workspaceId}::uuid AND campaign_id = ${campaign.id}::uuid`),
  );
  const { from, to } = metricsRange(query, bounds?.last ?? todayIn(timeZone, now));
  const rows = await tenant.db
    .select()
    .from(adCampaignDays)
    .where(
      and(
        eq(adCampaignDays.workspace_id, tenant.workspaceId),
        eq(adCampaignDays.campaign_id, campaign.id),
        sql`${adCampaignDays.date} BETWEEN ${from}::date AND ${to}::date`,
      ),
    )
    .orderBy(adCampaignDays.date);
  const target = attributionTarget(campaign, attributionStart(campaign, bounds?.first ?? null, timeZone));
  const perDay = await attributedDays(tenant, target, { from, to, timeZone, workspaceCurrency: currency });
  const days: TAdDay[] = rows.map((r) => {
    const day = perDay.get(r.date) ?? NO_RESULTS;
    return {
      date: r.date,
      impressions: Number(r.impressions),
      clicks: Number(r.clicks),
      spend: Number(r.spend),
      conversions: Number(r.conversions),
      conversion_value: Number(r.conversion_value),
      source: r.source,
      ...adRatios({ impressions: Number(r.impressions), clicks: Number(r.clicks), spend: Number(r.spend), conversions: Number(r.conversions) }),
      leads: day.leads,
      sales: day.sales,
      revenue: day.revenue,
    };
  });
  const totals = {
    impressions: days.reduce((s, d) => s + d.impressions, 0),
    clicks: days.reduce((s, d) => s + d.clicks, 0),
    spent: round(
      days.reduce((s, d) => s + d.spend, 0),
      2,
    ),
    conversions: round(
      days.reduce((s, d) => s + d.conversions, 0),
      2,
    ),
    conversion_value: round(
      days.reduce((s, d) => s + d.conversion_value, 0),
      2,
    ),
  };
  const raw = [...perDay.values()].reduce(addResults, NO_RESULTS);
  const results = resultsOf(raw, totals.spent);
  return {
    campaign_id: campaign.id,
    from,
    to,
    currency: campaign.currency,
    days,
    totals: { ...totals, ...adRatios({ ...totals, spend: totals.spent }), ...returnOn(results.revenue, totals.spent) },
    results,
  };
}

/**
 * A range of days from a query: both ends given, or one end and the 30 days from or to it, or the 30 days ending at
 * `defaultTo`. At most MAX_AD_METRICS_DAYS days (the stats share the rule).
 */
export function metricsRange(query: { from?: string; to?: string }, defaultTo: string): { from: string; to: string } {
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_DAYS - 1) : defaultTo);
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const span = daysBetween(from, to);
  if (span < 1 || span > MAX_AD_METRICS_DAYS) {
    throw new AppError('bad_request', `The range must be 1 to ${MAX_AD_METRICS_DAYS} days, from before to`, {
      errors: [{ path: 'querystring.from', message: `1 to ${MAX_AD_METRICS_DAYS} days`, code: 'ad_date_range', params: { max: MAX_AD_METRICS_DAYS } }],
    });
  }
  return { from, to };
}
