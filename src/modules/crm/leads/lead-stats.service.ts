import { eq, sql } from 'drizzle-orm';
import { LEAD_STATUSES, type TLeadStats } from '../../../contracts/crm.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { winProbabilities } from '../settings/crm-settings.service.js';
import { leadEvents, leads } from './leads.tables.js';

/** The CRM's key numbers (spec "Métriques CRM"), computed in SQL over the workspace's leads. */
export async function leadStats(tenant: Tenant): Promise<TLeadStats> {
  const probabilities = await winProbabilities(tenant);
  const perStatus = await tenant.db
    .select({
      status: leads.status,
      count: sql<number>`count(*)::int`,
      total_value: sql<number>`coalesce(sum(${leads.estimated_value}), 0)::float8`,
      valued: sql<number>`count(${leads.estimated_value})::int`,
    })
    .from(leads)
    .where(tenant.where(leads))
    .groupBy(leads.status);
  const byStatus = LEAD_STATUSES.map((status) => {
    const row = perStatus.find((r) => r.status === status);
    return { status, count: row?.count ?? 0, total_value: row?.total_value ?? 0, valued: row?.valued ?? 0 };
  });
  const open = byStatus.filter((s) => s.status !== 'won' && s.status !== 'lost');
  const won = byStatus.find((s) => s.status === 'won')!.count;
  const lost = byStatus.find((s) => s.status === 'lost')!.count;
  const valued = byStatus.reduce((n, s) => n + s.valued, 0);
  const valueSum = byStatus.reduce((n, s) => n + s.total_value, 0);

  // The latest change to "won" of each currently won lead.
  const [days] = await tenant.db
    .select({ avg: sql<number | null>`avg(extract(epoch from (e.won_at - ${leads.created_at})) / 86400)::float8` })
    .from(leads)
    .innerJoin(
      sql`(select ${leadEvents.lead_id} as lead_id, max(${leadEvents.occurred_at}) as won_at from ${leadEvents}
           where ${leadEvents.workspace_id} = ${tenant.workspaceId} and ${leadEvents.event_type} = 'status_changed'
             and ${leadEvents.data}->>'to' = 'won' group by ${leadEvents.lead_id}) e`,
      sql`e.lead_id = ${leads.id}`,
    )
    .where(tenant.where(leads, eq(leads.status, 'won')));

  return {
    total_leads: byStatus.reduce((n, s) => n + s.count, 0),
    by_status: byStatus.map(({ status, count, total_value }) => ({ status, count, total_value: round(total_value) })),
    pipeline_value: round(open.reduce((n, s) => n + s.total_value, 0)),
    weighted_pipeline_value: round(open.reduce((n, s) => n + s.total_value * probabilities[s.status], 0)),
    conversion_rate: won + lost > 0 ? round(won / (won + lost), 4) : null,
    average_days_to_win: days?.avg == null ? null : round(days.avg, 1),
    average_lead_value: valued > 0 ? round(valueSum / valued) : null,
  };
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
