import { sql } from 'drizzle-orm';
import { dayIn } from '../../contracts/calendar-days.js';
import type { TDashboard } from '../../contracts/dashboard.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { adStats } from '../ads/index.js';
import { adCampaignDays, adCampaigns } from '../ads/tables.js';
import type { TPeriodBounds } from './dashboard-period.js';
import { bucketOf, inEitherPeriod, round } from './dashboard-sql.js';

/** Ad spend of one bucket (for the chart). */
export type TAdBucket = { bucket: number; spend: number };

/**
 * The ads block. Ad figures are per calendar day, so each period is the days it touches in the workspace's zone:
 * from the day of its start to the day of its end (the instant just before, so a period ending at midnight does not
 * take the next day). The totals, real revenue and ROAS are the ads module's own (`adStats`, as on /ads; ROAS null
 * without spend); the spend
 * per bucket sums the same days (a day belongs to the bucket of its midnight), in the workspace's currency only.
 */
export async function adsBlock(
  tenant: Tenant,
  p: TPeriodBounds,
  timeZone: string,
  currency: string,
): Promise<{ block: TDashboard['ads']; buckets: TAdBucket[] }> {
  const days = (start: Date, end: Date) => ({ from: dayIn(timeZone, start), to: dayIn(timeZone, new Date(end.getTime() - 1)) });
  const current = days(p.start, p.end);
  const previous = days(p.previousStart, p.previousEnd);
  const midnight = sql`(d.date::timestamp at time zone ${timeZone})`;
  const [now, before, count, perBucket] = await Promise.all([
    adStats(tenant, current),
    adStats(tenant, previous),
    tenant.db
      .select({ n: sql<number>`count(*)::int` })
      .from(adCampaigns)
      .where(tenant.where(adCampaigns)),
    tenant.db.execute(sql`
      select ${bucketOf(midnight, p)}::int as bucket, coalesce(sum(d.spend), 0)::float8 as spend
      from ${adCampaignDays} d join ${adCampaigns} c on c.workspace_id = d.workspace_id and c.id = d.campaign_id
      where d.workspace_id = ${tenant.workspaceId}::uuid and d.date >= ${previous.from}::date and d.date <= ${current.to}::date
        and c.currency = ${currency} and ${inEitherPeriod(midnight, p)}
      group by 1`),
  ]);
  const o = now.overall;
  const b = before.overall;
  return {
    block: {
      campaigns: Number(count[0]?.n ?? 0),
      other_currency_campaigns: now.other_currency_campaigns,
      spend: { current: round(o.spent), previous: round(b.spent) },
      conversions: { current: round(o.conversions), previous: round(b.conversions) },
      revenue: { current: round(o.results.revenue), previous: round(b.results.revenue) },
      roas: { current: o.roas, previous: b.roas },
    },
    buckets: rowsOf<TAdBucket>(perBucket)
      .map((r) => ({ bucket: Number(r.bucket), spend: Number(r.spend) }))
      .filter((r) => r.bucket > 0),
  };
}
