import { asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { TOrderRefundBody } from '../../../contracts/commerce-orders.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { publishLeadEvents, recordLeadEvent } from '../../crm/index.js';
import { recordFunnelSale } from '../../funnels/index.js';
import { paymentProviderFor } from '../payments/payment-providers.js';
import { orderNotRefundable, orderRefundTooLarge } from './order-errors.js';
import { lockOrder, orderOfPayment } from './order-payments.js';
import { orderLines, orders } from './orders.tables.js';
import { getOrder, type TOrdersRuntime, type TOrderWithLines } from './orders.service.js';

// Refunds and disputes. The provider is the source of truth of what each payment has refunded: after a refund made
// here, and on Stripe's `charge.refunded` (which also follows refunds made here, or in Stripe's dashboard), the
// payment's refunded total is applied as an absolute amount, so the same refund seen twice counts once. It is
// allocated to the payment's lines (main first, then bump), and the order's `refunded_cents` is their sum.

const REFUNDABLE_STATUSES = ['paid', 'partially_refunded', 'disputed'];

/** Refunds the whole remaining amount of the order, or `amount_cents` of it, payment by payment (oldest first). */
export async function refundOrder(runtime: TOrdersRuntime, tenant: Tenant, orderId: string, body: TOrderRefundBody): Promise<TOrderWithLines> {
  const { order, lines } = await getOrder(tenant, orderId);
  const payments = new Map<string, { remaining: number; refunded: number }>();
  for (const line of lines) {
    if (!line.payment_id || (line.status !== 'paid' && line.status !== 'refunded')) continue;
    const entry = payments.get(line.payment_id) ?? { remaining: 0, refunded: 0 };
    entry.remaining += line.amount_cents - line.refunded_cents;
    entry.refunded += line.refunded_cents;
    payments.set(line.payment_id, entry);
  }
  const remaining = [...payments.values()].reduce((sum, p) => sum + p.remaining, 0);
  if (!REFUNDABLE_STATUSES.includes(order.status) || remaining <= 0) throw orderNotRefundable();
  const wanted = body.amount_cents ?? remaining;
  if (wanted > remaining) throw orderRefundTooLarge(remaining);
  const provider = await paymentProviderFor(runtime, tenant);
  let left = wanted;
  for (const [paymentId, payment] of payments) {
    if (left <= 0) break;
    const amount = Math.min(payment.remaining, left);
    if (amount <= 0) continue;
    // Derived from what this payment had refunded: a double click or a retry of this refund is one refund.
    await provider.refund({ paymentId, amount, idempotencyKey: `refund-${order.id}-${paymentId}-${payment.refunded}-${amount}` });
    left -= amount;
    const truth = await provider.getPayment(paymentId);
    await applyRefunded(runtime, tenant, paymentId, truth.amountRefunded);
  }
  return getOrder(tenant, orderId);
}

/**
 * Sets what this payment has refunded in all (the provider's figure): its lines, the order's total and status, an
 * `order_refunded` event and the funnel's revenue, for the part not seen before. Nothing for a payment of no order.
 */
export async function applyRefunded(runtime: TOrdersRuntime, tenant: Tenant, paymentId: string, refundedTotal: number): Promise<void> {
  const orderId = await orderOfPayment(tenant, paymentId);
  if (!orderId) return;
  await publishLeadEvents(runtime, () =>
    tenant.db.transaction(async (tx) => {
      const scoped = new Tenant(tx, tenant.workspaceId);
      const before = await lockOrder(scoped, orderId);
      const lines = await tx
        .select()
        .from(orderLines)
        .where(scoped.where(orderLines, eq(orderLines.payment_id, paymentId), inArray(orderLines.status, ['paid', 'refunded'])))
        .orderBy(asc(sql`array_position(array['main','bump','upsell','downsell'], ${orderLines.kind})`));
      let left = refundedTotal;
      for (const line of lines) {
        const refunded = Math.max(line.refunded_cents, Math.min(line.amount_cents, left));
        left -= refunded;
        if (refunded === line.refunded_cents) continue;
        await tx
          .update(orderLines)
          .set({ refunded_cents: refunded, status: refunded === line.amount_cents ? 'refunded' : 'paid' })
          .where(scoped.where(orderLines, eq(orderLines.id, line.id)));
      }
      const [totals] = await tx
        .select({
          refunded: sql<number>`coalesce(sum(${orderLines.refunded_cents}), 0)::int`,
          paid: sql<number>`coalesce(sum(${orderLines.amount_cents}) filter (where ${orderLines.status} in ('paid', 'refunded')), 0)::int`,
        })
        .from(orderLines)
        .where(scoped.where(orderLines, eq(orderLines.order_id, orderId), isNotNull(orderLines.payment_id)));
      const refunded = Number(totals!.refunded);
      const delta = refunded - before.refunded_cents;
      if (delta <= 0) return;
      const status = refunded >= Number(totals!.paid) ? 'refunded' : before.status === 'disputed' ? 'disputed' : 'partially_refunded';
      const [order] = await tx
        .update(orders)
        .set({ refunded_cents: refunded, status })
        .where(scoped.where(orders, eq(orders.id, orderId)))
        .returning();
      if (order!.lead_id) {
        await recordLeadEvent(scoped, {
          leadId: order!.lead_id,
          type: 'order_refunded',
          data: {
            order_id: orderId,
            number: order!.number,
            amount_cents: delta,
            refunded_cents: refunded,
            currency: order!.currency,
            funnel_id: order!.funnel_id,
          },
          dedupeKey: `order_refunded:${orderId}:${refunded}`,
        });
      }
      if (order!.funnel_id) await recordFunnelSale(tx, tenant.workspaceId, order!.funnel_id, { sales: 0, revenueCents: -delta });
    }),
  );
}

/** The buyer disputed the payment with their bank (Stripe's `charge.dispute.created`). */
export async function markDisputed(tenant: Tenant, paymentId: string): Promise<void> {
  const orderId = await orderOfPayment(tenant, paymentId);
  if (!orderId) return;
  const [row] = await tenant.db.update(orders).set({ status: 'disputed' }).where(tenant.byId(orders, orderId)).returning({ id: orders.id });
  if (!row) throw notFound('Order');
}
