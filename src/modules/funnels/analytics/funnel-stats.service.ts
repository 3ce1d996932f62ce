import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { sql } from 'drizzle-orm';
import { MAX_FUNNEL_STATS_DAYS, type TFunnelStats, type TFunnelStatsQuery } from '../../../contracts/funnels.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { getWorkspace } from '../../workspaces/index.js';
import { listPages } from '../funnel-pages.service.js';
import { getFunnel } from '../funnels.service.js';
import { funnelEvents } from '../funnels.tables.js';
import { rate } from './rate.js';
import { todayIn } from '../../../contracts/calendar-days.js';

// A funnel's numbers over a range of days, read from its events (funnel_events) in the workspace's time zone: each
// step's views, distinct visitors and conversions, the drop-off between steps, leads, UTM combinations and days.

const UTM_ROWS = 50;
const DEFAULT_DAYS = 30;

export async function funnelStats(tenant: Tenant, funnelId: string, query: TFunnelStatsQuery, now = new Date()): Promise<TFunnelStats> {
  const funnel = await getFunnel(tenant, funnelId);
  const timeZone = (await getWorkspace(tenant.db, tenant.workspaceId)).timezone;
  const to = query.to ?? todayIn(timeZone, now);
  const from = query.from ?? format(addDays(parseISO(to), -(DEFAULT_DAYS - 1)), 'yyyy-MM-dd');
  const span = differenceInCalendarDays(parseISO(to), parseISO(from)) + 1;
  if (span < 1 || span > MAX_FUNNEL_STATS_DAYS) {
    throw new AppError('bad_request', `The range must be 1 to ${MAX_FUNNEL_STATS_DAYS} days, from before to`, {
      errors: [{ path: 'querystring.from', message: `1 to ${MAX_FUNNEL_STATS_DAYS} days`, code: 'date_range' }],
    });
  }
  const range = sql`${funnelEvents.workspace_id} = ${tenant.workspaceId}::uuid AND ${funnelEvents.funnel_id} = ${funnel.id}::uuid
    AND ${funnelEvents.occurred_at} >= (${from}::date::timestamp AT TIME ZONE ${timeZone})
    AND ${funnelEvents.occurred_at} < ((${to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`;
  const [pages, steps, totals, utm, days] = await Promise.all([
    listPages(tenant, funnel.id),
    tenant.db.execute(sql`
      SELECT page_id, count(*) FILTER (WHERE kind = 'view')::int AS visitors,
        count(DISTINCT visitor_id) FILTER (WHERE kind = 'view')::int AS unique_visitors,
        count(DISTINCT visitor_id) FILTER (WHERE kind IN ('optin', 'click', 'purchase'))::int AS conversions
      FROM ${funnelEvents} WHERE ${range} GROUP BY page_id`),
    tenant.db.execute(sql`
      SELECT count(DISTINCT visitor_id) FILTER (WHERE kind = 'view')::int AS unique_visitors,
        count(DISTINCT lead_id) FILTER (WHERE kind = 'optin')::int AS leads
      FROM ${funnelEvents} WHERE ${range}`),
    tenant.db.execute(sql`
      SELECT utm_source, utm_medium, utm_campaign,
        count(DISTINCT visitor_id) FILTER (WHERE kind = 'view')::int AS unique_visitors,
        count(DISTINCT lead_id) FILTER (WHERE kind = 'optin')::int AS leads
      FROM ${funnelEvents} WHERE ${range}
      GROUP BY utm_source, utm_medium, utm_campaign ORDER BY 4 DESC, 5 DESC LIMIT ${UTM_ROWS}`),
    tenant.db.execute(sql`
      SELECT to_char((occurred_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS date,
        count(*) FILTER (WHERE kind = 'view')::int AS visitors,
        count(DISTINCT visitor_id) FILTER (WHERE kind = 'view')::int AS unique_visitors,
        count(DISTINCT lead_id) FILTER (WHERE kind = 'optin')::int AS leads
      FROM ${funnelEvents} WHERE ${range} GROUP BY 1`),
  ]);

  type TStepRow = { page_id: string; visitors: number; unique_visitors: number; conversions: number };
  const byPage = new Map(rowsOf<TStepRow>(steps).map((r) => [r.page_id, r]));
  let previous: number | null = null;
  const stepStats = pages.map((page) => {
    const row = byPage.get(page.id);
    const unique = row?.unique_visitors ?? 0;
    const conversions = row?.conversions ?? 0;
    const dropOff: number | null = previous === null ? null : previous > 0 ? Math.max(0, 1 - unique / previous) : null;
    previous = unique;
    return {
      page_id: page.id,
      name: page.name,
      page_type: page.page_type,
      order: page.position,
      visitors: row?.visitors ?? 0,
      unique_visitors: unique,
      conversions,
      conversion_rate: rate(conversions, unique),
      drop_off: dropOff,
    };
  });
  const total = rowsOf<{ unique_visitors: number; leads: number }>(totals)[0] ?? { unique_visitors: 0, leads: 0 };
  type TDayRow = { date: string; visitors: number; unique_visitors: number; leads: number };
  const dayRows = new Map(rowsOf<TDayRow>(days).map((r) => [r.date, r]));
  return {
    from,
    to,
    time_zone: timeZone,
    steps: stepStats,
    unique_visitors: total.unique_visitors,
    leads: total.leads,
    conversion_rate: rate(total.leads, total.unique_visitors),
    utm: rowsOf<{ utm_source: string | null; utm_medium: string | null; utm_campaign: string | null; unique_visitors: number; leads: number }>(utm).map(
      (r) => ({
        ...r,
        conversion_rate: rate(r.leads, r.unique_visitors),
      }),
    ),
    days: Array.from({ length: span }, (_, i) => {
      const date = format(addDays(parseISO(from), i), 'yyyy-MM-dd');
      const row = dayRows.get(date);
      return { date, visitors: row?.visitors ?? 0, unique_visitors: row?.unique_visitors ?? 0, leads: row?.leads ?? 0 };
    }),
  };
}
