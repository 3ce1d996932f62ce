import { sql, type SQL } from 'drizzle-orm';
import { LEAD_STATUSES, type TLeadStatus } from '../../contracts/crm.js';
import type { TDashboard, TDashboardPeriod } from '../../contracts/dashboard.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { users } from '../accounts/tables.js';
import { winProbabilities } from '../crm/index.js';
import { leadEvents, leadInteractions, leads, leadTasks } from '../crm/tables.js';
import { orderRenewals, orders } from '../commerce/index.js';
import { emailCampaigns } from '../email/index.js';
import { funnels } from '../funnels/index.js';
import { getWorkspace } from '../workspaces/index.js';
import { invitations, workspaceMembers } from '../workspaces/tables.js';
import { adsBlock } from './dashboard-ads.js';
import { emailBlock } from './dashboard-email.js';
import { funnelsBlock } from './dashboard-funnels.js';
import { periodBounds, type TPeriodBounds } from './dashboard-period.js';
import { bucketOf, inEitherPeriod, PREVIOUS, round } from './dashboard-sql.js';
import { rowsOf } from '../../platform/db/rows.js';

export type TDashboardOptions = {
  period: TDashboardPeriod;
  /** The caller, for "my tasks" (null for API keys, which act for the workspace). */
  userId: string | null;
  /** Time of the request; a parameter so tests can pin it. */
  now?: Date;
  /** IANA zone days and months are cut in; the workspace's own zone by default. */
  timeZone?: string;
  /** Win probability per stage, 0–1 (the workspace's setting, crm_settings.stage_probabilities, by default). */
  probabilities?: Record<TLeadStatus, number>;
};

// Events worth showing in "recent activity" (score changes and field edits would drown the rest).
const ACTIVITY_TYPES = ['created', 'status_changed', 'interaction_added', 'task_added', 'task_completed', 'form_submitted'] as const;
const ACTIVITY_LIMIT = 10;
const SOURCE_LIMIT = 8;

/** The dashboard's numbers for one workspace and period, each computed in SQL (each module's block in its own file). */
export async function dashboard(tenant: Tenant, options: TDashboardOptions): Promise<TDashboard> {
  const workspace = await getWorkspace(tenant.db, tenant.workspaceId);
  const timeZone = options.timeZone ?? workspace.timezone;
  const p = periodBounds(options.period, options.now ?? new Date(), timeZone);
  const probabilities = options.probabilities ?? (await winProbabilities(tenant));
  const [created, sources, closed, interactions, perStatus, tasks, activity, team, sold, funnel, email, ads] = await Promise.all([
    createdPerBucket(tenant, p),
    sourcesOf(tenant, p),
    closedPerBucket(tenant, p),
    interactionCounts(tenant, p),
    leadsPerStatus(tenant),
    taskCounts(tenant, p, options.userId),
    recentActivity(tenant),
    onboardingDone(tenant),
    salesPerBucket(tenant, p, workspace.currency),
    funnelsBlock(tenant, p),
    emailBlock(tenant, p),
    adsBlock(tenant, p, timeZone, workspace.currency),
  ]);
  const own = sold.filter((r) => r.own);

  const series = p.buckets.map((start, i) => {
    const b = i + 1; // width_bucket numbers buckets from 1
    const won = closed.find((r) => r.bucket === b && r.status === 'won');
    return {
      start: start.toISOString(),
      new_leads: created.find((r) => r.bucket === b)?.count ?? 0,
      won_count: won?.count ?? 0,
      won_revenue: round(won?.value ?? 0),
      lost_count: closed.find((r) => r.bucket === b && r.status === 'lost')?.count ?? 0,
      sales: own.find((r) => r.bucket === b)?.count ?? 0,
      revenue: round(own.find((r) => r.bucket === b)?.value ?? 0),
      visitors: funnel.buckets.find((r) => r.bucket === b)?.visitors ?? 0,
      optins: funnel.buckets.find((r) => r.bucket === b)?.optins ?? 0,
      ad_spend: round(ads.buckets.find((r) => r.bucket === b)?.spend ?? 0),
    };
  });
  const sum = (rows: { bucket: number; count: number; value?: number }[], current: boolean, field: 'count' | 'value' = 'count') =>
    rows.filter((r) => (current ? r.bucket > 0 : r.bucket === PREVIOUS)).reduce((n, r) => n + (r[field] ?? 0), 0);
  const wonRows = closed.filter((r) => r.status === 'won');
  const lostRows = closed.filter((r) => r.status === 'lost');
  const rate = (current: boolean) => {
    const won = sum(wonRows, current);
    const total = won + sum(lostRows, current);
    return total === 0 ? null : round(won / total, 4);
  };
  const open = LEAD_STATUSES.filter((s) => s !== 'won' && s !== 'lost').map((status) => {
    const row = perStatus.find((r) => r.status === status);
    return { status, count: row?.count ?? 0, value: round(row?.value ?? 0), probability: probabilities[status] };
  });

  return {
    period: {
      key: options.period,
      start: p.start.toISOString(),
      end: p.end.toISOString(),
      previous_start: p.previousStart.toISOString(),
      previous_end: p.previousEnd.toISOString(),
      bucket: p.bucket,
      time_zone: timeZone,
    },
    new_leads: { current: sum(created, true), previous: sum(created, false) },
    sources,
    won_count: { current: sum(wonRows, true), previous: sum(wonRows, false) },
    won_revenue: { current: round(sum(wonRows, true, 'value')), previous: round(sum(wonRows, false, 'value')) },
    sales: { current: sum(own, true), previous: sum(own, false) },
    revenue: { current: round(sum(own, true, 'value')), previous: round(sum(own, false, 'value')) },
    other_currency_sales: sum(
      sold.filter((r) => !r.own),
      true,
    ),
    win_rate: { current: rate(true), previous: rate(false) },
    interactions,
    funnels: funnel.block,
    email,
    ads: ads.block,
    series,
    pipeline: open,
    pipeline_value: round(open.reduce((n, s) => n + s.value, 0)),
    weighted_pipeline_value: round(open.reduce((n, s) => n + s.value * s.probability, 0)),
    tasks,
    recent_activity: activity,
    onboarding: { total_leads: perStatus.reduce((n, r) => n + r.count, 0), ...team },
  };
}

async function createdPerBucket(tenant: Tenant, p: TPeriodBounds): Promise<{ bucket: number; count: number }[]> {
  const createdAt = sql`${leads.created_at}`;
  const rows = await tenant.db
    .select({ bucket: sql<number>`${bucketOf(createdAt, p)}::int`, count: sql<number>`count(*)::int` })
    .from(leads)
    .where(tenant.where(leads, inEitherPeriod(createdAt, p)))
    .groupBy(sql`1`);
  return rows;
}

async function sourcesOf(tenant: Tenant, p: TPeriodBounds): Promise<TDashboard['sources']> {
  const source = sql<string | null>`nullif(trim(${leads.source}), '')`;
  return tenant.db
    .select({ source, count: sql<number>`count(*)::int` })
    .from(leads)
    .where(tenant.where(leads, sql`${leads.created_at} >= ${p.start.toISOString()}::timestamptz and ${leads.created_at} < ${p.end.toISOString()}::timestamptz`))
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1 nulls last`)
    .limit(SOURCE_LIMIT);
}

/**
 * Won and lost leads per bucket. A lead counts where it was closed: the latest move to its current
 * status (won or lost), or its creation when it was created closed (an import); a lead reopened
 * since is not counted, so the numbers agree with the board. Both halves start from the period
 * (events by (workspace_id, event_type, occurred_at), leads by (workspace_id, status, created_at)),
 * so the cost follows the period's activity, not the size of the workspace.
 */
async function closedPerBucket(tenant: Tenant, p: TPeriodBounds): Promise<{ bucket: number; status: 'won' | 'lost'; count: number; value: number }[]> {
  const ws = tenant.workspaceId;
  const from = sql`${p.previousStart.toISOString()}::timestamptz`;
  const to = sql`${p.end.toISOString()}::timestamptz`;
  const closedAt = sql`c.closed_at`;
  const query = sql`select ${bucketOf(closedAt, p)}::int as bucket, c.status, count(*)::int as count, coalesce(sum(c.value), 0)::float8 as value
    from (
      select l.status, l.estimated_value as value, e.occurred_at as closed_at
      from ${leadEvents} e join ${leads} l on l.id = e.lead_id and l.workspace_id = e.workspace_id
      where e.workspace_id = ${ws} and e.event_type = 'status_changed' and e.occurred_at >= ${from} and e.occurred_at < ${to}
        and l.status in ('won', 'lost') and e.data->>'to' = l.status
        and not exists (select 1 from ${leadEvents} later where later.workspace_id = ${ws} and later.lead_id = e.lead_id
          and later.event_type = 'status_changed' and later.data->>'to' = l.status and (later.occurred_at, later.id) > (e.occurred_at, e.id))
      union all
      select l.status, l.estimated_value, l.created_at
      from ${leads} l
      where l.workspace_id = ${ws} and l.status in ('won', 'lost') and l.created_at >= ${from} and l.created_at < ${to}
        and not exists (select 1 from ${leadEvents} e where e.workspace_id = ${ws} and e.lead_id = l.id
          and e.event_type = 'status_changed' and e.data->>'to' = l.status)
    ) c
    where ${inEitherPeriod(closedAt, p)}
    group by 1, 2`;
  return rowsOf<{ bucket: number; status: 'won' | 'lost'; count: number; value: number }>(await tenant.db.execute(query)).map((r) => ({
    ...r,
    bucket: Number(r.bucket),
    count: Number(r.count),
    value: Number(r.value),
  }));
}

/**
 * Orders paid per bucket (their first payment's `paid_at`) and their totals net of refunds (as refunded by now), in
 * units of the workspace's currency like the leads' values; `own` false for orders in another currency, counted
 * apart and never added. Read through the orders' workspace index: paid_at has no index of its own (yet).
 */
async function salesPerBucket(tenant: Tenant, p: TPeriodBounds, currency: string): Promise<{ bucket: number; own: boolean; count: number; value: number }[]> {
  const paidAt = sql`${orders.paid_at}`;
  const rows = await tenant.db
    .select({
      bucket: sql<number>`${bucketOf(paidAt, p)}::int`,
      own: sql<boolean>`${orders.currency} = ${currency}`,
      count: sql<number>`count(*)::int`,
      value: sql<number>`(coalesce(sum(${orders.total_cents} - ${orders.refunded_cents}), 0) / 100.0)::float8`,
    })
    .from(orders)
    .where(tenant.where(orders, sql`${paidAt} is not null and ${inEitherPeriod(paidAt, p)}`))
    .groupBy(sql`1`, sql`2`);
  // Subscription renewals are revenue of the day they are paid, not sales (count 0).
  const renewedAt = sql`${orderRenewals.paid_at}`;
  const renewals = await tenant.db
    .select({
      bucket: sql<number>`${bucketOf(renewedAt, p)}::int`,
      own: sql<boolean>`${orderRenewals.currency} = ${currency}`,
      value: sql<number>`(coalesce(sum(${orderRenewals.amount_cents}), 0) / 100.0)::float8`,
    })
    .from(orderRenewals)
    .where(tenant.where(orderRenewals, inEitherPeriod(renewedAt, p)))
    .groupBy(sql`1`, sql`2`);
  return [
    ...rows.map((r) => ({ bucket: Number(r.bucket), own: r.own === true, count: Number(r.count), value: Number(r.value) })),
    ...renewals.map((r) => ({ bucket: Number(r.bucket), own: r.own === true, count: 0, value: Number(r.value) })),
  ];
}

async function interactionCounts(tenant: Tenant, p: TPeriodBounds): Promise<TDashboard['interactions']> {
  const at = sql`${leadInteractions.occurred_at}`;
  const [row] = await tenant.db
    .select({
      current: sql<number>`(count(*) filter (where ${at} >= ${p.start.toISOString()}::timestamptz))::int`,
      previous: sql<number>`(count(*) filter (where ${at} < ${p.start.toISOString()}::timestamptz))::int`,
    })
    .from(leadInteractions)
    .where(tenant.where(leadInteractions, inEitherPeriod(at, p)));
  return { current: row?.current ?? 0, previous: row?.previous ?? 0 };
}

/** Leads and their value per status now (the open ones make the pipeline; all of them the onboarding's total). */
async function leadsPerStatus(tenant: Tenant): Promise<{ status: TLeadStatus; count: number; value: number }[]> {
  return tenant.db
    .select({ status: leads.status, count: sql<number>`count(*)::int`, value: sql<number>`coalesce(sum(${leads.estimated_value}), 0)::float8` })
    .from(leads)
    .where(tenant.where(leads))
    .groupBy(leads.status);
}

async function taskCounts(tenant: Tenant, p: TPeriodBounds, userId: string | null): Promise<TDashboard['tasks']> {
  const now = p.end.toISOString();
  const tomorrow = p.tomorrowStart.toISOString();
  const weekAfter = new Date(p.tomorrowStart.getTime() + 7 * 86_400_000).toISOString();
  const due = sql`${leadTasks.due_at}`;
  const mine = userId ? sql`${leadTasks.assignee_id} = ${userId}` : sql`false`;
  const counts = (extra: SQL) => ({
    overdue: sql<number>`(count(*) filter (where ${due} < ${now}::timestamptz and ${extra}))::int`,
    due_today: sql<number>`(count(*) filter (where ${due} >= ${now}::timestamptz and ${due} < ${tomorrow}::timestamptz and ${extra}))::int`,
    upcoming: sql<number>`(count(*) filter (where ${due} >= ${tomorrow}::timestamptz and ${due} < ${weekAfter}::timestamptz and ${extra}))::int`,
  });
  const team = counts(sql`true`);
  const my = counts(mine);
  const [row] = await tenant.db
    .select({
      t_overdue: team.overdue,
      t_today: team.due_today,
      t_upcoming: team.upcoming,
      m_overdue: my.overdue,
      m_today: my.due_today,
      m_upcoming: my.upcoming,
    })
    .from(leadTasks)
    .where(tenant.where(leadTasks, sql`${leadTasks.done_at} is null and ${due} < ${weekAfter}::timestamptz`));
  return {
    mine: { overdue: row?.m_overdue ?? 0, due_today: row?.m_today ?? 0, upcoming: row?.m_upcoming ?? 0 },
    team: { overdue: row?.t_overdue ?? 0, due_today: row?.t_today ?? 0, upcoming: row?.t_upcoming ?? 0 },
  };
}

/**
 * The latest events of the types worth showing. One small query per type, each reading the
 * newest rows of the (workspace_id, event_type, occurred_at) index, so the cost does not grow
 * with the size of the event log.
 */
async function recentActivity(tenant: Tenant): Promise<TDashboard['recent_activity']> {
  const perType = ACTIVITY_TYPES.map(
    (type) => sql`(select ${leadEvents.id} as id, ${leadEvents.event_type} as event_type, ${leadEvents.occurred_at} as occurred_at,
        ${leadEvents.lead_id} as lead_id, ${leadEvents.actor_user_id} as actor_user_id, ${leadEvents.data} as data
      from ${leadEvents}
      where ${leadEvents.workspace_id} = ${tenant.workspaceId} and ${leadEvents.event_type} = ${type}
      order by ${leadEvents.occurred_at} desc limit ${ACTIVITY_LIMIT})`,
  );
  const query = sql`select e.id, e.event_type, e.occurred_at, e.lead_id, e.data, ${users.name} as actor_name,
      coalesce(nullif(trim(concat_ws(' ', ${leads.first_name}, ${leads.last_name})), ''), ${leads.email}, ${leads.company}, '—') as lead_name
    from (${sql.join(perType, sql` union all `)}) e
    join ${leads} on ${leads.id} = e.lead_id and ${leads.workspace_id} = ${tenant.workspaceId}
    left join ${users} on ${users.id} = e.actor_user_id
    order by e.occurred_at desc, e.id desc
    limit ${ACTIVITY_LIMIT}`;
  type TRow = {
    id: string;
    event_type: string;
    occurred_at: Date | string;
    lead_id: string;
    data: Record<string, unknown>;
    actor_name: string | null;
    lead_name: string;
  };
  return rowsOf<TRow>(await tenant.db.execute(query)).map((r) => ({
    id: r.id,
    event_type: r.event_type,
    occurred_at: new Date(r.occurred_at).toISOString(),
    lead_id: r.lead_id,
    lead_name: r.lead_name,
    actor_name: r.actor_name,
    data: r.data ?? {},
  }));
}

/**
 * The onboarding's other steps: the team invited (a second member or a pending invitation), a campaign sent, a funnel
 * published.
 */
async function onboardingDone(tenant: Tenant): Promise<{ team_invited: boolean; campaign_sent: boolean; funnel_published: boolean }> {
  const [row] = await tenant.db
    .select({
      team: sql<boolean>`exists (select 1 from ${workspaceMembers} where ${workspaceMembers.workspace_id} = ${tenant.workspaceId} offset 1)
        or exists (select 1 from ${invitations} where ${invitations.workspace_id} = ${tenant.workspaceId}
          and ${invitations.accepted_at} is null and ${invitations.revoked_at} is null and ${invitations.expires_at} > now())`,
      campaign: sql<boolean>`exists (select 1 from ${emailCampaigns} where ${emailCampaigns.workspace_id} = ${tenant.workspaceId} and ${emailCampaigns.sent_at} is not null)`,
      funnel: sql<boolean>`exists (select 1 from ${funnels} where ${funnels.workspace_id} = ${tenant.workspaceId} and ${funnels.published_at} is not null)`,
    })
    .from(sql`(select 1) one`);
  return { team_invited: row?.team === true, campaign_sent: row?.campaign === true, funnel_published: row?.funnel === true };
}
