import { sql } from 'drizzle-orm';
import type { TDashboard } from '../../contracts/dashboard.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { orders } from '../commerce/index.js';
import { funnelEvents, funnels } from '../funnels/index.js';
import type { TPeriodBounds } from './dashboard-period.js';
import { bucketOf, inEitherPeriod, PREVIOUS, rateOf } from './dashboard-sql.js';

/** Visitors and opt-ins of one bucket (for the chart). */
export type TFunnelBucket = { bucket: number; visitors: number; optins: number };

/**
 * The funnels' block: distinct visitors and opted-in leads over every funnel of the workspace, per bucket and per
 * period (grouping sets: a lead who opts in twice counts once in the period, not once per bucket), and the orders
 * paid that came from a funnel. Events are read funnel by funnel through (funnel_id, occurred_at), so the cost
 * follows the period's traffic, not the size of the event log.
 */
export async function funnelsBlock(tenant: Tenant, p: TPeriodBounds): Promise<{ block: TDashboard['funnels']; buckets: TFunnelBucket[] }> {
  const ws = tenant.workspaceId;
  const at = sql`e.occurred_at`;
  const events = sql`select ${bucketOf(at, p)}::int as bucket, e.kind, e.visitor_id, e.lead_id
    from ${funnelEvents} e
    where e.workspace_id = ${ws}::uuid and e.funnel_id in (select f.id from ${funnels} f where f.workspace_id = ${ws}::uuid)
      and ${inEitherPeriod(at, p)}`;
  const counted = sql`select
      case when grouping(bucket) = 0 then bucket when current then 0 else ${PREVIOUS} end::int as bucket,
      (count(distinct visitor_id) filter (where kind = 'view'))::int as visitors,
      (count(distinct lead_id) filter (where kind = 'optin'))::int as optins
    from (select *, bucket > 0 as current from (${events}) raw) e
    group by grouping sets ((bucket), (current))`;
  const paidAt = sql`${orders.paid_at}`;
  const [rows, sold] = await Promise.all([
    tenant.db.execute(counted),
    tenant.db
      .select({
        current: sql<number>`(count(*) filter (where ${paidAt} >= ${p.start.toISOString()}::timestamptz))::int`,
        previous: sql<number>`(count(*) filter (where ${paidAt} < ${p.start.toISOString()}::timestamptz))::int`,
      })
      .from(orders)
      .where(tenant.where(orders, sql`${orders.funnel_id} is not null and ${inEitherPeriod(paidAt, p)}`)),
  ]);
  const all = rowsOf<TFunnelBucket>(rows).map((r) => ({ bucket: Number(r.bucket), visitors: Number(r.visitors), optins: Number(r.optins) }));
  // Bucket 0 holds the current period's totals, PREVIOUS the previous one's (both from the second grouping set).
  const total = (bucket: number) => all.find((r) => r.bucket === bucket) ?? { visitors: 0, optins: 0 };
  const [current, previous] = [total(0), total(PREVIOUS)];
  return {
    block: {
      visitors: { current: current.visitors, previous: previous.visitors },
      optins: { current: current.optins, previous: previous.optins },
      optin_rate: { current: rateOf(current.optins, current.visitors), previous: rateOf(previous.optins, previous.visitors) },
      sales: { current: sold[0]?.current ?? 0, previous: sold[0]?.previous ?? 0 },
    },
    buckets: all.filter((r) => r.bucket > 0),
  };
}
