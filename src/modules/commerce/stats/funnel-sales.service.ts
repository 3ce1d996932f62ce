import { sql } from 'drizzle-orm';
import type { TFunnelSales, TFunnelSalesQuery } from '../../../contracts/commerce-stats.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { funnelStats } from '../../funnels/index.js';
import { getWorkspace } from '../../workspaces/index.js';
import { orderLines, orderRenewals, orders } from '../orders/orders.tables.js';

// A funnel's sales over a range of days (the rules are in contracts/commerce-stats.ts): one query per section (totals,
// lines per page, UTM sources, days), each reading the funnel's orders through (workspace_id, funnel_id) and their
// lines through order_id, grouped by currency so they run at once and the currency is chosen afterwards. Visitors,
// pages, the range and its checks (404 for another workspace's funnel, 400 for a range too long) come from the
// funnel's own statistics, so the two reports count the same visitors over the same days.

const UTM_ROWS = 50;
const OFFER_KINDS = new Set(['upsell', 'downsell']);

type TTotalRow = { currency: string; sales: number; refunded_orders: number; gross: number; refunded: number };
type TLineRow = { currency: string; page_id: string | null; kind: string; orders: number; revenue: number };
type TUtmRow = { currency: string; utm_source: string | null; sales: number; revenue: number };
type TDayRow = { currency: string; date: string; sales: number; revenue: number };

/** part / whole rounded to `digits` decimals, or null when there is nothing to divide by. */
function ratio(part: number, whole: number, digits: number): number | null {
  if (whole <= 0) return null;
  const f = 10 ** digits;
  return Math.round((part / whole) * f) / f;
}

/** The currency with the most sales (ties: the workspace's, then alphabetical); the workspace's without a sale. */
export function mainCurrency(totals: { currency: string; sales: number }[], workspaceCurrency: string): string {
  const sorted = [...totals].sort(
    (a, b) => b.sales - a.sales || Number(b.currency === workspaceCurrency) - Number(a.currency === workspaceCurrency) || a.currency.localeCompare(b.currency),
  );
  return sorted[0]?.currency ?? workspaceCurrency;
}

/** Sales, revenue, average order, earnings per visitor, bump and offer take rates, per step, UTM source and day. */
export async function funnelSales(tenant: Tenant, funnelId: string, query: TFunnelSalesQuery, now = new Date()): Promise<TFunnelSales> {
  const stats = await funnelStats(tenant, funnelId, query, now);
  const { from, to, time_zone: timeZone } = stats;
  const paidInRange = sql`o.workspace_id = ${tenant.workspaceId}::uuid AND o.funnel_id = ${funnelId}::uuid
    AND o.paid_at >= (${from}::date::timestamp AT TIME ZONE ${timeZone})
    AND o.paid_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`;
  const net = sql`(o.total_cents - o.refunded_cents)`;
  const renewedInRange = sql`o.workspace_id = ${tenant.workspaceId}::uuid AND o.funnel_id = ${funnelId}::uuid
    AND r.paid_at >= (${from}::date::timestamp AT TIME ZONE ${timeZone})
    AND r.paid_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`;
  const [workspace, totalsResult, linesResult, utmResult, daysResult, renewalsResult] = await Promise.all([
    getWorkspace(tenant.db, tenant.workspaceId),
    tenant.db.execute(sql`
      SELECT o.currency, count(*)::int AS sales, (count(*) FILTER (WHERE o.status = 'refunded'))::int AS refunded_orders,
        coalesce(sum(o.total_cents), 0)::float8 AS gross, coalesce(sum(o.refunded_cents), 0)::float8 AS refunded
      FROM ${orders} o WHERE ${paidInRange} GROUP BY o.currency`),
    // Main product and bump belong to the order form's page, an accepted offer to its offer page. Lines paid, then
    // maybe refunded (status 'refunded'), were sold; pending and failed ones were not.
    tenant.db.execute(sql`
      SELECT o.currency, CASE WHEN l.kind IN ('main', 'bump') THEN o.page_id ELSE l.offer_page_id END AS page_id, l.kind,
        count(DISTINCT o.id)::int AS orders, coalesce(sum(l.amount_cents - l.refunded_cents), 0)::float8 AS revenue
      FROM ${orders} o JOIN ${orderLines} l ON l.workspace_id = o.workspace_id AND l.order_id = o.id
      WHERE ${paidInRange} AND l.status IN ('paid', 'refunded')
      GROUP BY 1, 2, 3`),
    tenant.db.execute(sql`
      SELECT currency, utm_source, sales, revenue FROM (
        SELECT o.currency, o.utm_source, count(*)::int AS sales, coalesce(sum(${net}), 0)::float8 AS revenue,
          row_number() OVER (PARTITION BY o.currency ORDER BY coalesce(sum(${net}), 0) DESC, count(*) DESC, o.utm_source) AS n
        FROM ${orders} o WHERE ${paidInRange} GROUP BY o.currency, o.utm_source
      ) ranked WHERE n <= ${UTM_ROWS} ORDER BY revenue DESC, sales DESC`),
    tenant.db.execute(sql`
      SELECT o.currency, to_char((o.paid_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS date,
        count(*)::int AS sales, coalesce(sum(${net}), 0)::float8 AS revenue
      FROM ${orders} o WHERE ${paidInRange} GROUP BY 1, 2`),
    // Renewals of the funnel's subscriptions paid in the range, per currency and day.
    tenant.db.execute(sql`
      SELECT r.currency, to_char((r.paid_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS date,
        count(*)::int AS renewals, coalesce(sum(r.amount_cents), 0)::float8 AS revenue
      FROM ${orderRenewals} r JOIN ${orders} o ON o.workspace_id = r.workspace_id AND o.id = r.order_id
      WHERE ${renewedInRange} GROUP BY 1, 2`),
  ]);

  const totals = rowsOf<TTotalRow>(totalsResult).map((r) => ({ ...r, gross: Number(r.gross), refunded: Number(r.refunded) }));
  const currency = mainCurrency(totals, workspace.currency);
  const mine = <T extends { currency: string }>(rows: T[]) => rows.filter((r) => r.currency === currency);
  const total = mine(totals)[0] ?? { sales: 0, refunded_orders: 0, gross: 0, refunded: 0 };
  const renewalDays = mine(rowsOf<{ currency: string; date: string; renewals: number; revenue: number }>(renewalsResult)).map((r) => ({
    ...r,
    revenue: Number(r.revenue),
  }));
  const renewals = renewalDays.reduce((n, r) => n + r.renewals, 0);
  const renewalRevenue = renewalDays.reduce((n, r) => n + r.revenue, 0);
  const orderRevenue = total.gross - total.refunded;
  const revenue = orderRevenue + renewalRevenue;
  const lines = mine(rowsOf<TLineRow>(linesResult)).map((r) => ({ ...r, revenue: Number(r.revenue) }));
  const ofPage = (pageId: string) => lines.filter((r) => r.page_id === pageId);
  const sum = (rows: TLineRow[], pick: (r: TLineRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const bumpOrders = sum(
    lines.filter((r) => r.kind === 'bump'),
    (r) => r.orders,
  );

  const steps = stats.steps.map((step) => {
    const rows = ofPage(step.page_id).filter((r) => r.kind !== 'bump');
    return {
      page_id: step.page_id,
      name: step.name,
      page_type: step.page_type,
      order: step.order,
      sales: sum(rows, (r) => r.orders),
      revenue_cents: sum(ofPage(step.page_id), (r) => r.revenue),
    };
  });
  const offers = stats.steps
    .filter((step) => step.page_type === 'upsell' || step.page_type === 'downsell' || ofPage(step.page_id).some((r) => OFFER_KINDS.has(r.kind)))
    .map((step) => {
      const rows = ofPage(step.page_id).filter((r) => OFFER_KINDS.has(r.kind));
      const accepted = sum(rows, (r) => r.orders);
      return {
        page_id: step.page_id,
        name: step.name,
        page_type: step.page_type,
        shown: step.unique_visitors,
        accepted,
        take_rate: ratio(accepted, step.unique_visitors, 4),
        revenue_cents: sum(rows, (r) => r.revenue),
      };
    });

  const dayRows = new Map(mine(rowsOf<TDayRow>(daysResult)).map((r) => [r.date, r]));
  return {
    from,
    to,
    time_zone: timeZone,
    currency,
    sales: total.sales,
    refunded_orders: total.refunded_orders,
    gross_revenue_cents: total.gross,
    refunded_cents: total.refunded,
    renewals,
    renewal_revenue_cents: renewalRevenue,
    revenue_cents: revenue,
    average_order_value_cents: ratio(orderRevenue, total.sales, 0),
    unique_visitors: stats.unique_visitors,
    earnings_per_visitor_cents: ratio(revenue, stats.unique_visitors, 2),
    bump_orders: bumpOrders,
    bump_take_rate: ratio(bumpOrders, total.sales, 4),
    offers,
    steps,
    utm: mine(rowsOf<TUtmRow>(utmResult)).map((r) => {
      const utmRevenue = Number(r.revenue);
      return { utm_source: r.utm_source, sales: r.sales, revenue_cents: utmRevenue, average_order_value_cents: ratio(utmRevenue, r.sales, 0) };
    }),
    days: stats.days.map(({ date }) => {
      const row = dayRows.get(date);
      const renewed = renewalDays.find((r) => r.date === date)?.revenue ?? 0;
      return { date, sales: row?.sales ?? 0, revenue_cents: Number(row?.revenue ?? 0) + renewed };
    }),
    other_currencies: totals
      .filter((r) => r.currency !== currency)
      .sort((a, b) => b.sales - a.sales || a.currency.localeCompare(b.currency))
      .map((r) => ({ currency: r.currency, sales: r.sales, revenue_cents: r.gross - r.refunded })),
  };
}
