import { sql, type SQL } from 'drizzle-orm';
import type { TAdResults } from '../../../contracts/ads.js';
import { rowsOf } from '../../../platform/db/rows.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { orderRenewals, orders } from '../../commerce/index.js';
import { leads } from '../../crm/tables.js';
import { ratio, round } from './ad-ratios.js';

// Real results of ad campaigns, attributed by UTM (ARCHITECTURE.md, "Attribution"). A lead belongs to a campaign
// when lower(utm_campaign) matches (and lower(utm_source) too when the campaign sets one); an order the same way on
// the order's own UTM. Only what happened since the campaign started counts (`since`): a UTM value such as
// "promo" is reused from one year to the next. Revenue is in the campaign's currency: orders in another currency are
// left out, and won leads' estimated values (in the workspace's currency) count only for campaigns in that currency.

/** A campaign to attribute to. */
export type TAttributionTarget = {
  id: string;
  utm_campaign: string | null;
  utm_source: string | null;
  currency: string;
  /** First day results may count from (the campaign's start). */
  since: string;
};

/** What was attributed to a campaign (over a range, or one day of it). */
export type TRawResults = {
  leads: number;
  won_deals: number;
  /** Won leads without a paid order: deals closed by hand, counted as sales at their estimated value. */
  won_without_order: number;
  sales: number;
  revenue: number;
};

export type TAttributionRange = {
  /** YYYY-MM-DD, both included; null: since each campaign's start, and up to now. */
  from: string | null;
  to: string | null;
  timeZone: string;
  workspaceCurrency: string;
};

export const NO_RESULTS: TRawResults = { leads: 0, won_deals: 0, won_without_order: 0, sales: 0, revenue: 0 };

/** Results per campaign over the range (a campaign without utm_campaign, or with nothing attributed, is absent). */
export async function attributedResults(tenant: Tenant, targets: TAttributionTarget[], range: TAttributionRange): Promise<Map<string, TRawResults>> {
  const rows = await attribute(tenant, targets, range, false);
  return new Map(rows.map((r) => [r.id, r.results]));
}

/** Results of one campaign per day of the range (leads by their creation day, orders and renewals by payment day). */
export async function attributedDays(tenant: Tenant, target: TAttributionTarget, range: TAttributionRange): Promise<Map<string, TRawResults>> {
  const rows = await attribute(tenant, [target], range, true);
  return new Map(rows.map((r) => [r.day!, r.results]));
}

/** Adds results up (a platform's campaigns, the workspace's). */
export function addResults(a: TRawResults, b: TRawResults): TRawResults {
  return {
    leads: a.leads + b.leads,
    won_deals: a.won_deals + b.won_deals,
    won_without_order: a.won_without_order + b.won_without_order,
    sales: a.sales + b.sales,
    revenue: round(a.revenue + b.revenue, 2),
  };
}

/** The wire's results: what was attributed, and what it cost given the spend of the same range. */
export function resultsOf(raw: TRawResults, spend: number): TAdResults {
  const revenue = round(raw.revenue, 2);
  return {
    leads: raw.leads,
    won_deals: raw.won_deals,
    sales: raw.sales,
    revenue,
    cost_per_lead: ratio(spend, raw.leads, 2),
    real_cpa: ratio(spend, raw.sales + raw.won_without_order, 2),
    real_roas: ratio(revenue, spend, 4),
  };
}

type TRow = { id: string; day: string | null; results: TRawResults };

async function attribute(tenant: Tenant, targets: TAttributionTarget[], range: TAttributionRange, perDay: boolean): Promise<TRow[]> {
  const matched = targets.filter((t) => t.utm_campaign);
  if (matched.length === 0) return [];
  // The campaigns travel as one JSON parameter, joined like a table: a fixed number of queries for any page size.
  const campaigns = JSON.stringify(
    matched.map((t) => ({
      id: t.id,
      utm: t.utm_campaign!.toLowerCase(),
      src: t.utm_source?.toLowerCase() ?? null,
      cur: t.currency.toUpperCase(),
      own: t.currency.toUpperCase() === range.workspaceCurrency.toUpperCase(),
      since: t.since,
    })),
  );
  const tz = range.timeZone;
  const c = sql`(SELECT * FROM jsonb_to_recordset(${campaigns}::jsonb) AS x(id uuid, utm text, src text, cur text, own boolean, since date))`;
  // [from, to + 1) in the workspace's zone; the lower bound is also the campaign's start.
  const within = (at: SQL) =>
    sql`${at} >= (greatest(c.since, ${range.from}::date)::timestamp AT TIME ZONE ${tz})
      AND (${range.to}::date IS NULL OR ${at} < ((${range.to}::date + 1)::timestamp AT TIME ZONE ${tz}))`;
  const dayOf = (at: SQL) => (perDay ? sql`to_char((${at} AT TIME ZONE ${tz})::date, 'YYYY-MM-DD')` : sql`NULL::text`);
  const matches = (utmCampaign: SQL, utmSource: SQL) => sql`lower(${utmCampaign}) = c.utm AND (c.src IS NULL OR lower(${utmSource}) = c.src)`;
  const ws = tenant.workspaceId;
  const wonWithoutOrder = sql`l.status = 'won' AND NOT EXISTS (
    SELECT 1 FROM ${orders} o WHERE o.workspace_id = ${ws}::uuid AND o.lead_id = l.id AND o.paid_at IS NOT NULL)`;

  const [leadRows, orderRows, renewalRows] = await Promise.all([
    tenant.db.execute(sql`
      SELECT c.id, ${dayOf(sql`l.created_at`)} AS day, count(*)::int AS leads,
        (count(*) FILTER (WHERE l.status = 'won'))::int AS won,
        (count(*) FILTER (WHERE ${wonWithoutOrder}))::int AS won_no_order,
        (coalesce(sum(l.estimated_value) FILTER (WHERE c.own AND ${wonWithoutOrder}), 0))::float8 AS value
      FROM ${c} c JOIN ${leads} l ON l.workspace_id = ${ws}::uuid AND ${matches(sql`l.utm_campaign`, sql`l.utm_source`)}
      WHERE ${within(sql`l.created_at`)}
      GROUP BY 1, 2`),
    tenant.db.execute(sql`
      SELECT c.id, ${dayOf(sql`o.paid_at`)} AS day, (count(*) FILTER (WHERE o.status <> 'refunded'))::int AS sales,
        (coalesce(sum(o.total_cents - o.refunded_cents), 0) / 100.0)::float8 AS value
      FROM ${c} c JOIN ${orders} o ON o.workspace_id = ${ws}::uuid AND ${matches(sql`o.utm_campaign`, sql`o.utm_source`)}
      WHERE o.paid_at IS NOT NULL AND upper(o.currency) = c.cur AND ${within(sql`o.paid_at`)}
      GROUP BY 1, 2`),
    // Renewals are revenue of the day they are paid, of an order the campaign brought (paid since its start).
    tenant.db.execute(sql`
      SELECT c.id, ${dayOf(sql`r.paid_at`)} AS day, (coalesce(sum(r.amount_cents), 0) / 100.0)::float8 AS value
      FROM ${c} c JOIN ${orders} o ON o.workspace_id = ${ws}::uuid AND ${matches(sql`o.utm_campaign`, sql`o.utm_source`)}
        JOIN ${orderRenewals} r ON r.workspace_id = ${ws}::uuid AND r.order_id = o.id
      WHERE o.paid_at IS NOT NULL AND o.paid_at >= (c.since::timestamp AT TIME ZONE ${tz})
        AND upper(r.currency) = c.cur AND ${within(sql`r.paid_at`)}
      GROUP BY 1, 2`),
  ]);

  const byKey = new Map<string, TRow>();
  const rowFor = (id: string, day: string | null): TRow => {
    const key = `${id}|${day ?? ''}`;
    let row = byKey.get(key);
    if (!row) byKey.set(key, (row = { id, day, results: { ...NO_RESULTS } }));
    return row;
  };
  type TAny = Record<string, unknown> & { id: string; day: string | null };
  for (const r of rowsOf<TAny>(leadRows)) {
    const row = rowFor(r.id, r.day);
    row.results.leads += Number(r.leads);
    row.results.won_deals += Number(r.won);
    row.results.won_without_order += Number(r.won_no_order);
    row.results.revenue += Number(r.value);
  }
  for (const r of rowsOf<TAny>(orderRows)) {
    const row = rowFor(r.id, r.day);
    row.results.sales += Number(r.sales);
    row.results.revenue += Number(r.value);
  }
  for (const r of rowsOf<TAny>(renewalRows)) rowFor(r.id, r.day).results.revenue += Number(r.value);
  for (const row of byKey.values()) row.results.revenue = round(row.results.revenue, 2);
  return [...byKey.values()];
}
