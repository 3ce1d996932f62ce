import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { funnels } from './funnels.tables.js';

/**
 * Adds to a funnel's sales counters (spec: total_sales, total_revenue), called by the orders module in the
 * transaction that fulfils or refunds an order: `sales` +1 for an order paid, `revenueCents` its amount (negative for
 * a refund). Revenue is net of refunds, in cents of the orders' currency.
 */
export async function recordFunnelSale(db: Db, workspaceId: string, funnelId: string, change: { sales: number; revenueCents: number }): Promise<void> {
  await db
    .update(funnels)
    .set({
      total_sales: sql`${funnels.total_sales} + ${change.sales}`,
      total_revenue: sql`${funnels.total_revenue} + ${change.revenueCents}`,
    })
    .where(and(eq(funnels.workspace_id, workspaceId), eq(funnels.id, funnelId)));
}
