import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import type { TCollectedLeadEvent } from '../crm/index.js';
import { leads } from '../crm/tables.js';
import { emailConversions, emailSends, emailSettings } from './email.tables.js';

// Conversions and revenue per email (ARCHITECTURE.md, "Conversions"): a lead won within the workspace's window
// after a click in an email is that email's conversion, the last email clicked getting it (last-click
// attribution), worth the lead's estimated value. Funnel orders will be a second goal with their amount.

/** A lead-event subscriber: each "status changed to won" is attributed once (its event id is unique). */
export async function conversionsOnLeadEvents(runtime: Runtime, events: TCollectedLeadEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type !== 'status_changed' || event.data.to !== 'won' || !event.leadId) continue;
    await runtime.db.execute(sql`
      INSERT INTO ${emailConversions} (workspace_id, lead_id, send_id, campaign_id, event_id, goal, revenue)
      SELECT s.workspace_id, s.lead_id, s.id, s.campaign_id, ${event.id}::uuid, 'lead_won', l.estimated_value
      FROM ${emailSends} s
        JOIN ${leads} l ON l.workspace_id = s.workspace_id AND l.id = s.lead_id
      WHERE s.workspace_id = ${event.workspaceId}::uuid AND s.lead_id = ${event.leadId}::uuid AND s.clicked_at IS NOT NULL
        AND s.clicked_at > now() - make_interval(days => coalesce(
          (SELECT conversion_window_days FROM ${emailSettings} WHERE workspace_id = s.workspace_id), 7))
      ORDER BY s.clicked_at DESC
      LIMIT 1
      ON CONFLICT (event_id) DO NOTHING`);
  }
}

export type TConversionTotals = { count: number; revenue: number };

/** The conversions of these emails (campaign rows), by email: automation one-offs of a campaign's content excluded, as its counters do. */
export async function conversionsOf(tenant: Tenant, campaignIds: string[]): Promise<Map<string, TConversionTotals>> {
  if (campaignIds.length === 0) return new Map();
  const rows = rowsOf<{ campaign_id: string; count: number; revenue: string | number | null }>(
    await tenant.db.execute(sql`
      SELECT c.campaign_id, count(*)::int AS count, coalesce(sum(c.revenue), 0) AS revenue
      FROM ${emailConversions} c JOIN ${emailSends} s ON s.id = c.send_id
      WHERE c.workspace_id = ${tenant.workspaceId}::uuid AND s.source <> 'automation' AND c.campaign_id IN (${sql.join(
        campaignIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      GROUP BY c.campaign_id`),
  );
  return new Map(rows.map((r) => [r.campaign_id, { count: r.count, revenue: Number(r.revenue ?? 0) }]));
}
