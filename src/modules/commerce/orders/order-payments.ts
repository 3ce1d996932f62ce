import { eq, inArray, isNull, sql } from 'drizzle-orm';
import { Tenant } from '../../../platform/db/tenant.js';
import { applyLockedChange, captureLead, publishLeadEvents, recordLeadEvent } from '../../crm/index.js';
import { recordFunnelSale } from '../../funnels/index.js';
import { paymentProviderFor } from '../payments/payment-providers.js';
import { sendReceipt } from './order-receipt.js';
import { ensureOrderSubscription } from './order-subscriptions.js';
import { orderLines, orders } from './orders.tables.js';
import { getOrder, type TOrderLineRow, type TOrderRow, type TOrdersRuntime, type TOrderWithLines } from './orders.service.js';

// A payment succeeded or failed. `confirmPaid` is called by the checkout's return (after the redirect), by the Stripe
// webhook and by an accepted offer, in any order, any number of times, at the same time: the provider says whether
// the payment succeeded, and the lines move from pending to paid once (the row lock of the order makes the callers
// take turns; the UPDATE ... WHERE status IN (pending, failed) RETURNING lets one of them see the lines). Whoever
// moved them runs the fulfilment in the same transaction: exactly once per payment. An order of a recurring price
// becomes `subscription_status = pending` there, and its provider subscription is created after the transaction
// (order-subscriptions.ts): by this call, or by the next confirmation when that failed.

/**
 * Marks the order's lines of this payment paid and fulfils them once; undefined for a payment of no order. A
 * subscription that cannot be created is recorded on the order (`subscription_error`) and retried at the next
 * confirmation; `throwSubscriptionError` (the webhook) makes the failure an error, so Stripe sends the event again.
 */
export async function confirmPaid(
  runtime: TOrdersRuntime,
  tenant: Tenant,
  paymentId: string,
  options: { throwSubscriptionError?: boolean } = {},
): Promise<TOrderWithLines | undefined> {
  const orderId = await orderOfPayment(tenant, paymentId);
  if (!orderId) return undefined;
  const payment = await (await paymentProviderFor(runtime, tenant)).getPayment(paymentId);
  if (payment.status !== 'succeeded') return getOrder(tenant, orderId);
  await publishLeadEvents(runtime, () =>
    tenant.db.transaction(async (tx) => {
      const scoped = new Tenant(tx, tenant.workspaceId);
      await lockOrder(scoped, orderId);
      const paid = await tx
        .update(orderLines)
        .set({ status: 'paid' })
        .where(scoped.where(orderLines, eq(orderLines.payment_id, paymentId), inArray(orderLines.status, ['pending', 'failed'])))
        .returning();
      if (paid.length === 0) return;
      // An accepted offer adds its line to the order's amounts once paid (main and bump were counted at the start).
      const offers = paid.filter((line) => line.kind === 'upsell' || line.kind === 'downsell');
      const added = (pick: (line: TOrderLineRow) => number) => offers.reduce((sum, line) => sum + pick(line), 0);
      // The main line paid: a recurring order's subscription is to be created (its first period is this payment).
      const subscriptionDue = paid.some((line) => line.kind === 'main');
      const [order] = await tx
        .update(orders)
        .set({
          status: sql`CASE WHEN ${orders.status} IN ('pending', 'failed') THEN 'paid' ELSE ${orders.status} END`,
          paid_at: sql`coalesce(${orders.paid_at}, now())`,
          provider_payment_method_id: sql`coalesce(${orders.provider_payment_method_id}, ${payment.paymentMethodId}::text)`,
          provider_customer_id: sql`coalesce(${orders.provider_customer_id}, ${payment.customerId}::text)`,
          total_cents: sql`${orders.total_cents} + ${added((line) => line.amount_cents)}`,
          tax_cents: sql`${orders.tax_cents} + ${added((line) => line.tax_cents)}`,
          subtotal_cents: sql`${orders.subtotal_cents} + ${added((line) => line.amount_cents - line.tax_cents)}`,
          ...(subscriptionDue
            ? {
                subscription_status: sql`CASE WHEN ${orders.subscription_interval} IS NOT NULL AND ${orders.subscription_status} IS NULL THEN 'pending' ELSE ${orders.subscription_status} END`,
              }
            : {}),
        })
        .where(scoped.where(orders, eq(orders.id, orderId)))
        .returning();
      // The order's one-time side effects: the first payment to get here runs them.
      const [first] = await tx
        .update(orders)
        .set({ fulfilled_at: sql`now()` })
        .where(scoped.where(orders, eq(orders.id, orderId), isNull(orders.fulfilled_at)))
        .returning({ id: orders.id });
      await fulfil(runtime, scoped, order!, paid, { firstSale: first !== undefined, paymentId });
    }),
  );
  const { order } = await getOrder(tenant, orderId);
  if (order.subscription_status === 'pending' && !order.subscription_id) {
    await ensureOrderSubscription(runtime, tenant, orderId, { throwOnFailure: options.throwSubscriptionError === true });
  }
  return getOrder(tenant, orderId);
}

/** The payment was declined (or abandoned 3-D Secure): its pending lines fail, and the order when it was its first payment. */
export async function failPayment(tenant: Tenant, paymentId: string): Promise<TOrderWithLines | undefined> {
  const orderId = await orderOfPayment(tenant, paymentId);
  if (!orderId) return undefined;
  await tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    await lockOrder(scoped, orderId);
    const failed = await tx
      .update(orderLines)
      .set({ status: 'failed' })
      .where(scoped.where(orderLines, eq(orderLines.payment_id, paymentId), eq(orderLines.status, 'pending')))
      .returning();
    if (failed.some((line) => line.kind === 'main')) {
      await tx
        .update(orders)
        .set({ status: 'failed' })
        .where(scoped.where(orders, eq(orders.id, orderId), eq(orders.status, 'pending')));
    }
  });
  return getOrder(tenant, orderId);
}

/** The order a payment belongs to, if any. */
export async function orderOfPayment(tenant: Tenant, paymentId: string): Promise<string | undefined> {
  const [line] = await tenant.db
    .select({ orderId: orderLines.order_id })
    .from(orderLines)
    .where(tenant.where(orderLines, eq(orderLines.payment_id, paymentId)))
    .limit(1);
  return line?.orderId;
}

/** Every change of one order (payments, offers, refunds, webhooks) holds its row lock: they take turns. */
export async function lockOrder(tenant: Tenant, orderId: string): Promise<TOrderRow> {
  const [row] = await tenant.db.select().from(orders).where(tenant.byId(orders, orderId)).for('update');
  return row!;
}

/**
 * What a payment's success does, once: the buyer's lead is won, worth the amount more, tagged with each product's
 * name; an `order_paid` event (automations, webhooks, scoring); the receipt; the funnel's sales and revenue.
 */
async function fulfil(
  runtime: TOrdersRuntime,
  tenant: Tenant,
  order: TOrderRow,
  lines: TOrderLineRow[],
  options: { firstSale: boolean; paymentId: string },
): Promise<void> {
  const amount = lines.reduce((sum, line) => sum + line.amount_cents, 0);
  const leadId = order.lead_id ?? (await recaptureLead(tenant, order));
  if (leadId) {
    const tags = [...new Set(lines.map((line) => line.description.trim().slice(0, 60)).filter(Boolean))];
    await applyLockedChange(tenant, { user_id: null }, leadId, (before) => ({
      status: 'won',
      estimated_value: Math.round(((before.estimated_value ?? 0) + amount / 100) * 100) / 100,
      tags: [...before.tags, ...tags.filter((tag) => !before.tags.includes(tag))],
    }));
    await recordLeadEvent(tenant, {
      leadId,
      type: 'order_paid',
      data: {
        order_id: order.id,
        number: order.number,
        amount_cents: amount,
        currency: order.currency,
        funnel_id: order.funnel_id,
        kinds: lines.map((line) => line.kind),
        products: lines.map((line) => line.description),
      },
      dedupeKey: `order_paid:${options.paymentId}`,
    });
  }
  await sendReceipt(runtime, tenant.db, order, lines);
  if (order.funnel_id) await recordFunnelSale(tenant.db, tenant.workspaceId, order.funnel_id, { sales: options.firstSale ? 1 : 0, revenueCents: amount });
}

/** The order's lead was deleted since: the buyer becomes a lead again (none for an erased person). */
async function recaptureLead(tenant: Tenant, order: TOrderRow): Promise<string | null> {
  const captured = await captureLead(tenant, {
    email: order.buyer_email,
    fields: {},
    customFields: {},
    source: 'order',
    sourceUrl: null,
    utm: {},
    consent: null,
    customFieldPath: 'buyer',
  });
  if (captured.outcome === 'suppressed') return null;
  await tenant.db
    .update(orders)
    .set({ lead_id: captured.lead.id })
    .where(tenant.where(orders, eq(orders.id, order.id)));
  return captured.lead.id;
}
