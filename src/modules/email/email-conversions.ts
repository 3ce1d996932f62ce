import { sql, type SQL } from 'drizzle-orm';
import type { TConversionTotals } from '../../contracts/email-campaigns.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import type { TCollectedLeadEvent } from '../crm/index.js';
import { leadEvents, leads } from '../crm/tables.js';
import { emailConversions, emailSends, emailSettings } from './email.tables.js';

// Conversions and revenue per email (ARCHITECTURE.md, "Conversions"), from two goals, both read from lead events:
// - a lead won ("status changed to won"), worth the lead's estimated value;
// - an order paid (`order_paid`, one event per payment: the order, then each accepted offer), worth its amount.
// The email is the last one the lead clicked within the workspace's window before the event (last-click
// attribution); an order's later payments and its refunds go to the email that got its first payment. A refund
// (`order_refunded`) is a negative row, never more than what the order brought that email. A lead won by an order
// (the status change recorded in the order's transaction) is the order's conversion only, never a second one.
// One row per event (`event_id` unique): a replayed dispatch writes nothing.

/** A lead-event subscriber: each won status, paid order and refund is attributed once (its event id is unique). */
export async function conversionsOnLeadEvents(runtime: Runtime, events: TCollectedLeadEvent[]): Promise<void> {
  for (const event of events) {
    if (!event.leadId) continue;
    if (event.type === 'status_changed' && event.data.to === 'won') await runtime.db.execute(leadWonSql(event));
    // A subscription's renewal is not an email's doing (the click led to the purchase, months before): not attributed.
    else if (event.type === 'order_paid' && event.data.renewal !== true && isCents(event.data.amount_cents)) {
      await runtime.db.execute(orderPaidSql(event, event.data.amount_cents));
    } else if (event.type === 'order_refunded' && isCents(event.data.amount_cents)) await runtime.db.execute(orderRefundedSql(event, event.data.amount_cents));
  }
}

function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** The event as the CTE `e` (nothing when it is not this workspace's). */
function eventSql(event: TCollectedLeadEvent): SQL {
  return sql`SELECT id, workspace_id, lead_id, occurred_at, data FROM ${leadEvents}
    WHERE id = ${event.id}::uuid AND workspace_id = ${event.workspaceId}::uuid`;
}

/** The CTE `clicked`: the send the lead last clicked (people's clicks) within the window before the event `e`. */
const lastClickSql = sql`
  SELECT s.id AS send_id FROM ${emailSends} s, e
  WHERE s.workspace_id = e.workspace_id AND s.lead_id = e.lead_id AND s.clicked_at IS NOT NULL AND s.clicked_at <= e.occurred_at
    AND s.clicked_at > e.occurred_at - make_interval(days => coalesce(
      (SELECT conversion_window_days FROM ${emailSettings} WHERE workspace_id = e.workspace_id), 7))
  ORDER BY s.clicked_at DESC
  LIMIT 1`;

/** The CTE `order_rows`: the conversions already written for the order of the event `e` (its payments and refunds). */
const orderRowsSql = sql`
  SELECT c.id, c.send_id, c.campaign_id, c.goal, c.revenue FROM ${emailConversions} c
    JOIN ${leadEvents} p ON p.id = c.event_id, e
  WHERE c.workspace_id = e.workspace_id AND c.lead_id = e.lead_id AND c.goal IN ('order_paid', 'order_refunded')
    AND p.data ->> 'order_id' = e.data ->> 'order_id'`;

/**
 * A lead won, worth its estimated value, unless an order won it: commerce records the status change and the
 * `order_paid` event in one transaction, so both carry the same `occurred_at` (its now()).
 */
function leadWonSql(event: TCollectedLeadEvent): SQL {
  return sql`
    WITH e AS (${eventSql(event)}), clicked AS (${lastClickSql})
    INSERT INTO ${emailConversions} (workspace_id, lead_id, send_id, campaign_id, event_id, goal, revenue)
    SELECT s.workspace_id, s.lead_id, s.id, s.campaign_id, e.id, 'lead_won', l.estimated_value
    FROM clicked JOIN ${emailSends} s ON s.id = clicked.send_id, e
      JOIN ${leads} l ON l.workspace_id = e.workspace_id AND l.id = e.lead_id
    WHERE NOT EXISTS (
      SELECT 1 FROM ${leadEvents} o
      WHERE o.workspace_id = e.workspace_id AND o.lead_id = e.lead_id AND o.occurred_at = e.occurred_at AND o.event_type = 'order_paid')
    ON CONFLICT (event_id) DO NOTHING`;
}

/** A payment of an order, worth its amount (cents to the column's 2 decimals), to the order's email or the last click. */
function orderPaidSql(event: TCollectedLeadEvent, cents: number): SQL {
  return sql`
    WITH e AS (${eventSql(event)}), order_rows AS (${orderRowsSql}), clicked AS (${lastClickSql}),
      chosen AS (
        (SELECT send_id FROM order_rows WHERE goal = 'order_paid' ORDER BY id LIMIT 1)
        UNION ALL
        (SELECT send_id FROM clicked WHERE NOT EXISTS (SELECT 1 FROM order_rows WHERE goal = 'order_paid'))
      )
    INSERT INTO ${emailConversions} (workspace_id, lead_id, send_id, campaign_id, event_id, goal, revenue)
    SELECT s.workspace_id, s.lead_id, s.id, s.campaign_id, e.id, 'order_paid', ${cents}::numeric / 100
    FROM chosen JOIN ${emailSends} s ON s.id = chosen.send_id, e
    ON CONFLICT (event_id) DO NOTHING`;
}

/** A refund of an order some email got: a negative row for that email, at most what the order still brings it. */
function orderRefundedSql(event: TCollectedLeadEvent, cents: number): SQL {
  return sql`
    WITH e AS (${eventSql(event)}), order_rows AS (${orderRowsSql}),
      first AS (SELECT send_id, campaign_id FROM order_rows WHERE goal = 'order_paid' ORDER BY id LIMIT 1),
      net AS (SELECT coalesce(sum(revenue), 0) AS revenue FROM order_rows)
    INSERT INTO ${emailConversions} (workspace_id, lead_id, send_id, campaign_id, event_id, goal, revenue)
    SELECT e.workspace_id, e.lead_id, first.send_id, first.campaign_id, e.id, 'order_refunded', -least(${cents}::numeric / 100, net.revenue)
    FROM e, first, net
    WHERE net.revenue > 0
    ON CONFLICT (event_id) DO NOTHING`;
}

export type { TConversionTotals };

export const NO_CONVERSIONS: TConversionTotals = { count: 0, revenue: 0, leads_won: { count: 0, revenue: 0 }, orders: { count: 0, revenue: 0, refunded: 0 } };

/** The conversions of these emails (campaign rows), by email: automation one-offs of a campaign's content excluded, as its counters do. */
export async function conversionsOf(tenant: Tenant, campaignIds: string[]): Promise<Map<string, TConversionTotals>> {
  if (campaignIds.length === 0) return new Map();
  const rows = rowsOf<{
    campaign_id: string;
    won: number;
    won_revenue: string | number;
    orders: number;
    order_revenue: string | number;
    refunded: string | number;
  }>(
    await tenant.db.execute(sql`
      SELECT c.campaign_id,
        count(*) FILTER (WHERE c.goal = 'lead_won')::int AS won,
        coalesce(sum(c.revenue) FILTER (WHERE c.goal = 'lead_won'), 0) AS won_revenue,
        count(DISTINCT p.data ->> 'order_id') FILTER (WHERE c.goal = 'order_paid')::int AS orders,
        coalesce(sum(c.revenue) FILTER (WHERE c.goal IN ('order_paid', 'order_refunded')), 0) AS order_revenue,
        coalesce(-sum(c.revenue) FILTER (WHERE c.goal = 'order_refunded'), 0) AS refunded
      FROM ${emailConversions} c JOIN ${emailSends} s ON s.id = c.send_id
        LEFT JOIN ${leadEvents} p ON p.id = c.event_id AND c.goal = 'order_paid'
      WHERE c.workspace_id = ${tenant.workspaceId}::uuid AND s.source <> 'automation' AND c.campaign_id IN (${sql.join(
        campaignIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      GROUP BY c.campaign_id`),
  );
  return new Map(
    rows.map((r) => {
      const won = { count: r.won, revenue: money(r.won_revenue) };
      const orders = { count: r.orders, revenue: money(r.order_revenue), refunded: money(r.refunded) };
      return [r.campaign_id, { count: won.count + orders.count, revenue: money(won.revenue + orders.revenue), leads_won: won, orders }];
    }),
  );
}

/** A sum of the numeric(14, 2) column as a number of euros and cents (no float residue from adding). */
function money(value: string | number | null): number {
  return Math.round(Number(value ?? 0) * 100) / 100;
}

/** Adds up totals (a sequence's emails). */
export function addConversionTotals(totals: TConversionTotals[]): TConversionTotals {
  const sum = (pick: (t: TConversionTotals) => number) => money(totals.reduce((acc, t) => acc + pick(t), 0));
  return {
    count: sum((t) => t.count),
    revenue: sum((t) => t.revenue),
    leads_won: { count: sum((t) => t.leads_won.count), revenue: sum((t) => t.leads_won.revenue) },
    orders: { count: sum((t) => t.orders.count), revenue: sum((t) => t.orders.revenue), refunded: sum((t) => t.orders.refunded) },
  };
}
