import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../platform/db/rows.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { orders } from '../../commerce/index.js';
import type { TCollectedLeadEvent } from '../../crm/index.js';
import { leadEvents, leads } from '../../crm/tables.js';
import { adCampaigns } from '../ads.tables.js';
import { uploadAdConversionJob, type TAdConversionJob } from './conversions.jobs.js';

// Closed loop, step 1 (ARCHITECTURE.md, "Offline conversions"): the lead events that are conversions worth sending
// back to an ad network, and the campaigns they belong to.
// - A lead won (`status_changed` to `won`): a `deal_won`, unless an order won it (commerce records the status change
//   and `order_paid` in one transaction, so both carry the same occurred_at): that is the order's conversion only.
// - An order's first payment (`order_paid`, not a renewal): an `order_paid` (later payments of the order, accepted
//   offers, have the same source key and are not sent again).
// The campaign is found by UTM as the real results attribute (campaigns/ad-attribution.ts): lower(utm_campaign) and
// lower(utm_source) when the campaign sets one, on the order's own UTM (the lead's when the order has none), among
// the campaigns linked to a connection that had started by then. Each (event, campaign) becomes one upload job.

/** A lead-event subscriber: queues an upload per conversion event and attributed campaign with a connection. */
export async function adConversionsOnLeadEvents(runtime: Runtime, events: TCollectedLeadEvent[]): Promise<void> {
  const byWorkspace = new Map<string, string[]>();
  for (const event of events) {
    const won = event.type === 'status_changed' && event.data.to === 'won';
    const paid = event.type === 'order_paid' && event.data.renewal !== true && typeof event.data.order_id === 'string';
    if (won || paid) byWorkspace.set(event.workspaceId, [...(byWorkspace.get(event.workspaceId) ?? []), event.id]);
  }
  for (const [workspaceId, eventIds] of byWorkspace) {
    const jobs = await conversionJobs(new Tenant(runtime.db, workspaceId), eventIds);
    if (jobs.length === 0) continue;
    await runtime.queue.insert(
      uploadAdConversionJob,
      jobs.map((data) => ({ data, singletonKey: `${data.campaign_id}:${data.order_id ? `order:${data.order_id}` : `lead:${data.lead_id}`}` })),
    );
  }
}

/** The (event, campaign) pairs of these events to upload. */
async function conversionJobs(tenant: Tenant, eventIds: string[]): Promise<TAdConversionJob[]> {
  const ws = sql`${tenant.workspaceId}::uuid`;
  const rows = rowsOf<{ event_id: string; lead_id: string; order_id: string | null; campaign_id: string }>(
    await tenant.db.execute(sql`
      WITH e AS (
        SELECT id, lead_id, event_type, occurred_at,
          CASE WHEN event_type = 'order_paid' AND data ->> 'order_id' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            THEN (data ->> 'order_id')::uuid END AS order_id
        FROM ${leadEvents}
        WHERE workspace_id = ${ws} AND id IN (${sql.join(
          eventIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
      )
      SELECT e.id AS event_id, e.lead_id, e.order_id, c.id AS campaign_id
      FROM e
        JOIN ${leads} l ON l.workspace_id = ${ws} AND l.id = e.lead_id
        LEFT JOIN ${orders} o ON o.workspace_id = ${ws} AND o.id = e.order_id
        CROSS JOIN LATERAL (SELECT
          CASE WHEN o.utm_campaign IS NOT NULL THEN o.utm_campaign ELSE l.utm_campaign END AS utm_campaign,
          CASE WHEN o.utm_campaign IS NOT NULL THEN o.utm_source ELSE l.utm_source END AS utm_source) u
        JOIN ${adCampaigns} c ON c.workspace_id = ${ws} AND c.connection_id IS NOT NULL
          AND lower(c.utm_campaign) = lower(u.utm_campaign)
          AND (c.utm_source IS NULL OR lower(c.utm_source) = lower(u.utm_source))
          AND (c.start_date IS NULL OR c.start_date <= e.occurred_at::date)
      WHERE (e.event_type = 'order_paid' AND e.order_id IS NOT NULL)
        OR (e.event_type = 'status_changed' AND NOT EXISTS (
          SELECT 1 FROM ${leadEvents} p
          WHERE p.workspace_id = ${ws} AND p.lead_id = e.lead_id AND p.occurred_at = e.occurred_at AND p.event_type = 'order_paid'))`),
  );
  return rows.map((r) => ({
    workspace_id: tenant.workspaceId,
    campaign_id: r.campaign_id,
    event_id: r.event_id,
    lead_id: r.lead_id,
    order_id: r.order_id,
  }));
}
