import { sql } from 'drizzle-orm';
import type { TAdResults, TAdPacing } from '../../../contracts/ads.js';
import { rowsOf } from '../../../platform/db/rows.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { getWorkspace } from '../../workspaces/index.js';
import { adCampaignDays, adCampaigns } from '../ads.tables.js';
import { NO_RESULTS, attributedResults, resultsOf, type TAttributionTarget } from './ad-attribution.js';
import { addDays, dayIn, earliest, todayIn } from './ad-dates.js';
import { cpaAlertOf, pacingOf, type TCpaAlert, type TSpendDay } from './ad-pacing.js';

// What a campaign card shows beside the campaign's own fields: all-time totals of its days, its real results, its
// pacing and CPA alert. Computed for a whole page of campaigns in a fixed number of queries (grouped by campaign).

export type TAdCampaignRow = typeof adCampaigns.$inferSelect;

export type TDayTotals = { impressions: number; clicks: number; spent: number; conversions: number; conversion_value: number };
export const NO_TOTALS: TDayTotals = { impressions: 0, clicks: 0, spent: 0, conversions: 0, conversion_value: 0 };

export type TAdCampaignView = {
  row: TAdCampaignRow;
  totals: TDayTotals;
  results: TAdResults;
  pacing: TAdPacing | null;
  cpa_alert: TCpaAlert | null;
  first_day: string | null;
  last_day: string | null;
};

/** The workspace's zone and currency, which days and sums are read in. */
export async function workspaceContext(tenant: Tenant): Promise<{ timeZone: string; currency: string }> {
  const workspace = await getWorkspace(tenant.db, tenant.workspaceId);
  return { timeZone: workspace.timezone, currency: workspace.currency.toUpperCase() };
}

/** The first day attribution counts from: the start date, or the first day of figures, else the day it was created. */
export function attributionStart(row: TAdCampaignRow, firstDay: string | null, timeZone: string): string {
  return earliest(row.start_date, firstDay) ?? dayIn(timeZone, row.created_at);
}

export function attributionTarget(row: TAdCampaignRow, since: string): TAttributionTarget {
  return { id: row.id, utm_campaign: row.utm_campaign, utm_source: row.utm_source, currency: row.currency, since };
}

/** Cards of these campaigns, in the same order. */
export async function describeCampaigns(tenant: Tenant, rows: TAdCampaignRow[], now = new Date()): Promise<TAdCampaignView[]> {
  if (rows.length === 0) return [];
  const { timeZone, currency } = await workspaceContext(tenant);
  const ids = rows.map((r) => r.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const today = todayIn(timeZone, now);
  const yesterday = addDays(today, -1);
  const ws = tenant.workspaceId;
  const [totalRows, recentRows] = await Promise.all([
    tenant.db.execute(sql`
      SELECT d.campaign_id, sum(d.impressions)::float8 AS impressions, sum(d.clicks)::float8 AS clicks,
        sum(d.spend)::float8 AS spent, sum(d.conversions)::float8 AS conversions,
        sum(d.conversion_value)::float8 AS conversion_value,
        to_char(min(d.date), 'YYYY-MM-DD') AS first_day, to_char(max(d.date), 'YYYY-MM-DD') AS last_day,
        coalesce(sum(d.spend) FILTER (WHERE d.date >= c.start_date AND d.date <= c.end_date), 0)::float8 AS spent_in_period
      FROM ${adCampaignDays} d JOIN ${adCampaigns} c ON c.workspace_id = d.workspace_id AND c.id = d.campaign_id
      WHERE d.workspace_id = ${ws}::uuid AND d.campaign_id IN (${idList})
      GROUP BY d.campaign_id`),
    // The last day of each campaign and the 7 before it (CPA alert), and yesterday (daily pacing).
    tenant.db.execute(sql`
      SELECT campaign_id, to_char(date, 'YYYY-MM-DD') AS date, spend::float8 AS spend, conversions::float8 AS conversions
      FROM (SELECT d.*, max(d.date) OVER (PARTITION BY d.campaign_id) AS last
            FROM ${adCampaignDays} d WHERE d.workspace_id = ${ws}::uuid AND d.campaign_id IN (${idList})) x
      WHERE date >= last - 7 OR date = ${yesterday}::date`),
  ]);
  type TTotalsRow = Record<keyof TDayTotals | 'spent_in_period', number> & { campaign_id: string; first_day: string; last_day: string };
  const totals = new Map(rowsOf<TTotalsRow>(totalRows).map((r) => [r.campaign_id, r]));
  const recent = new Map<string, TSpendDay[]>();
  for (const r of rowsOf<TSpendDay & { campaign_id: string }>(recentRows)) {
    const day = { date: r.date, spend: Number(r.spend), conversions: Number(r.conversions) };
    recent.set(r.campaign_id, [...(recent.get(r.campaign_id) ?? []), day]);
  }
  const targets = rows.map((row) => attributionTarget(row, attributionStart(row, totals.get(row.id)?.first_day ?? null, timeZone)));
  const attributed = await attributedResults(tenant, targets, { from: null, to: null, timeZone, workspaceCurrency: currency });

  return rows.map((row) => {
    const t = totals.get(row.id);
    const sums: TDayTotals = t
      ? {
          impressions: Number(t.impressions),
          clicks: Number(t.clicks),
          spent: Number(t.spent),
          conversions: Number(t.conversions),
          conversion_value: Number(t.conversion_value),
        }
      : NO_TOTALS;
    const days = recent.get(row.id) ?? [];
    const lastDay = t?.last_day ?? null;
    return {
      row,
      totals: sums,
      results: resultsOf(attributed.get(row.id) ?? NO_RESULTS, sums.spent),
      pacing: pacingOf({
        daily_budget: row.daily_budget,
        total_budget: row.total_budget,
        start_date: row.start_date,
        end_date: row.end_date,
        spentInPeriod: Number(t?.spent_in_period ?? 0),
        yesterday: days.find((d) => d.date === yesterday) ?? null,
        lastDay,
        today,
      }),
      cpa_alert: cpaAlertOf(days, lastDay, row.cpa_alert_rise),
      first_day: t?.first_day ?? null,
      last_day: lastDay,
    };
  });
}
