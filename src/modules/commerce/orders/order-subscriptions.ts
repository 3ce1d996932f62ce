import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { TSubscriptionInterval, TSubscriptionStatus } from '../../../contracts/commerce-orders.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { applyLockedChange, publishLeadEvents, recordLeadEvent } from '../../crm/index.js';
import { recordFunnelSale } from '../../funnels/index.js';
import type { TSubscription } from '../payments/payment-provider.js';
import { paymentProviderFor } from '../payments/payment-providers.js';
import { orderNotPaid, orderNotSubscription } from './order-errors.js';
import { orderLines, orderRenewals, orders } from './orders.tables.js';
import { getOrder, type TOrderRow, type TOrdersRuntime, type TOrderWithLines } from './orders.service.js';

// Subscriptions sold by funnels (ARCHITECTURE.md, "Orders"). The order's first payment is the first period, paid and
// fulfilled once as any order. Then the provider's subscription is created on the card that payment saved, billing
// nothing now and the same amount from one period later (Stripe: `trial_end`; the test provider: a row), with the
// idempotency key `subscription-<order>` and a lease (`subscription_attempt_at`) so that concurrent confirmations
// make one call. A refusal keeps the order paid, is written to `subscription_error`, and is retried by the next
// confirmation (the checkout's return, Stripe's `payment_intent.succeeded`, which answers 500 so Stripe sends it
// again). Renewals (Stripe's `invoice.paid`) are `order_renewals` rows, one per invoice; failures and cancellations
// follow Stripe's invoice and subscription events. `canceled` is final: a late event never brings it back.

/** How long one caller may take to create a subscription before another may try again (its call died). */
const SUBSCRIPTION_LEASE = sql`interval '2 minutes'`;

/** Creates the order's provider subscription once, when its first period is paid and none exists yet. */
export async function ensureOrderSubscription(
  runtime: TOrdersRuntime,
  tenant: Tenant,
  orderId: string,
  options: { throwOnFailure?: boolean } = {},
): Promise<void> {
  const [claimed] = await tenant.db
    .update(orders)
    .set({ subscription_attempt_at: sql`now()` })
    .where(
      tenant.where(
        orders,
        eq(orders.id, orderId),
        eq(orders.subscription_status, 'pending'),
        isNull(orders.subscription_id),
        or(isNull(orders.subscription_attempt_at), lt(orders.subscription_attempt_at, sql`now() - ${SUBSCRIPTION_LEASE}`)),
      ),
    )
    .returning();
  if (!claimed) return;
  try {
    const provider = await paymentProviderFor(runtime, tenant);
    const [main] = await tenant.db
      .select()
      .from(orderLines)
      .where(tenant.where(orderLines, eq(orderLines.order_id, orderId), eq(orderLines.kind, 'main')));
    if (!main || !claimed.paid_at || !claimed.subscription_interval || !claimed.provider_customer_id || !claimed.provider_payment_method_id) {
      throw orderNotPaid();
    }
    const subscription = await provider.createSubscription({
      customerId: claimed.provider_customer_id,
      paymentMethodId: claimed.provider_payment_method_id,
      priceSpec: { amount: main.amount_cents, currency: claimed.currency, interval: claimed.subscription_interval, productName: main.description },
      firstRenewalAt: firstRenewalAt(claimed.paid_at, claimed.subscription_interval, new Date()),
      metadata: { order_id: claimed.id, order_number: String(claimed.number), workspace_id: tenant.workspaceId },
      idempotencyKey: `subscription-${claimed.id}`,
    });
    const [stored] = await tenant.db
      .update(orders)
      .set({
        subscription_id: subscription.id,
        subscription_status: statusOf(subscription.status),
        current_period_end: subscription.currentPeriodEnd,
        subscription_attempt_at: null,
        subscription_error: null,
      })
      .where(tenant.where(orders, eq(orders.id, orderId), eq(orders.subscription_status, 'pending'), isNull(orders.subscription_id)))
      .returning({ id: orders.id });
    // Canceled from the admin while the provider was creating it: it ends at once.
    if (!stored) {
      await provider.cancelSubscription(subscription.id);
      await tenant.db
        .update(orders)
        .set({ subscription_id: subscription.id, subscription_attempt_at: null })
        .where(tenant.where(orders, eq(orders.id, orderId), isNull(orders.subscription_id)));
    }
  } catch (error) {
    await tenant.db
      .update(orders)
      .set({ subscription_attempt_at: null, subscription_error: (error instanceof Error ? error.message : String(error)).slice(0, 500) })
      .where(tenant.where(orders, eq(orders.id, orderId)));
    if (options.throwOnFailure) throw error;
  }
}

/**
 * The first renewal: one period after the first payment (calendar month or year, the 31st becoming the month's last
 * day). From a fixed instant, so a retried call sends the same parameters; when a retry comes after it (the creation
 * failed for a whole period), in five minutes: the provider then bills the period due.
 */
export function firstRenewalAt(paidAt: Date, interval: TSubscriptionInterval, now: Date): Date {
  const next = new Date(paidAt);
  const day = next.getUTCDate();
  next.setUTCDate(1);
  if (interval === 'month') next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  const soonest = new Date(now.getTime() + 5 * 60_000);
  return next > soonest ? next : soonest;
}

/** The provider's states in ours: the first period is paid by the order, so Stripe's `trialing` is active. */
export function statusOf(status: TSubscription['status']): TSubscriptionStatus {
  switch (status) {
    case 'active':
    case 'trialing':
      return 'active';
    case 'past_due':
    case 'canceled':
    case 'unpaid':
      return status;
    default:
      return 'incomplete';
  }
}

/** "Résilier l'abonnement": ends the subscription at the provider now (no refund: that stays a refund), once. */
export async function cancelOrderSubscription(runtime: TOrdersRuntime, tenant: Tenant, orderId: string): Promise<TOrderWithLines> {
  const { order } = await getOrder(tenant, orderId);
  if (!order.subscription_status) throw orderNotSubscription();
  if (order.subscription_status === 'canceled') return getOrder(tenant, orderId);
  // Not created yet (pending): canceled here, and a creation under way cancels what it created.
  if (order.subscription_id) await (await paymentProviderFor(runtime, tenant)).cancelSubscription(order.subscription_id);
  await markCanceled(runtime, tenant, orderId);
  return getOrder(tenant, orderId);
}

/** The order of a provider subscription: by its id, else by the order id it carries (created, not yet stored). */
export async function orderOfSubscription(tenant: Tenant, subscriptionId: string, orderId?: string | null): Promise<TOrderRow | undefined> {
  const [byId] = await tenant.db
    .select()
    .from(orders)
    .where(tenant.where(orders, eq(orders.subscription_id, subscriptionId)));
  if (byId || !orderId || !/^[0-9a-f-]{36}$/i.test(orderId)) return byId;
  const [byOrder] = await tenant.db
    .select()
    .from(orders)
    .where(tenant.where(orders, eq(orders.id, orderId), isNull(orders.subscription_id), sql`${orders.subscription_status} IS NOT NULL`));
  return byOrder;
}

/** A paid renewal invoice: recorded once per invoice, with the lead's `order_paid` (renewal) and the funnel's revenue. */
export async function recordRenewal(
  runtime: TOrdersRuntime,
  tenant: Tenant,
  input: { orderId: string; invoiceId: string; amountCents: number; currency: string; periodEnd: Date | null },
): Promise<boolean> {
  if (input.amountCents <= 0) return false;
  return publishLeadEvents(runtime, () =>
    tenant.db.transaction(async (tx) => {
      const scoped = new Tenant(tx, tenant.workspaceId);
      await lock(scoped, input.orderId);
      const [renewal] = await tx
        .insert(orderRenewals)
        .values({
          workspace_id: tenant.workspaceId,
          order_id: input.orderId,
          invoice_id: input.invoiceId,
          amount_cents: input.amountCents,
          currency: input.currency.toUpperCase(),
          period_end: input.periodEnd,
        })
        .onConflictDoNothing({ target: [orderRenewals.workspace_id, orderRenewals.invoice_id] })
        .returning();
      if (!renewal) return false;
      const [order] = await tx
        .update(orders)
        .set({
          renewals: sql`${orders.renewals} + 1`,
          renewed_cents: sql`${orders.renewed_cents} + ${input.amountCents}`,
          subscription_status: sql`CASE WHEN ${orders.subscription_status} = 'canceled' THEN 'canceled' ELSE 'active' END`,
          ...(input.periodEnd ? { current_period_end: sql`greatest(${orders.current_period_end}, ${input.periodEnd.toISOString()}::timestamptz)` } : {}),
        })
        .where(scoped.where(orders, eq(orders.id, input.orderId)))
        .returning();
      if (order!.lead_id) {
        await applyLockedChange(scoped, { user_id: null }, order!.lead_id, (before) => ({
          estimated_value: Math.round(((before.estimated_value ?? 0) + input.amountCents / 100) * 100) / 100,
        }));
        await recordLeadEvent(scoped, {
          leadId: order!.lead_id,
          type: 'order_paid',
          data: {
            order_id: order!.id,
            number: order!.number,
            amount_cents: input.amountCents,
            currency: order!.currency,
            funnel_id: order!.funnel_id,
            renewal: true,
            renewals: order!.renewals,
          },
          dedupeKey: `order_paid:${input.invoiceId}`,
        });
      }
      if (order!.funnel_id) await recordFunnelSale(tx, tenant.workspaceId, order!.funnel_id, { sales: 0, revenueCents: input.amountCents });
      return true;
    }),
  );
}

/** The provider's state of the subscription (updated, a renewal failed); `canceled` ends it with its lead event. */
export async function applySubscriptionStatus(
  runtime: TOrdersRuntime,
  tenant: Tenant,
  orderId: string,
  status: TSubscriptionStatus,
  currentPeriodEnd?: Date | null,
): Promise<void> {
  if (status === 'canceled') return markCanceled(runtime, tenant, orderId);
  await tenant.db
    .update(orders)
    .set({ subscription_status: status, ...(currentPeriodEnd ? { current_period_end: currentPeriodEnd } : {}) })
    .where(tenant.where(orders, eq(orders.id, orderId), ne(orders.subscription_status, 'canceled')));
}

/** The subscription ended: `canceled` once, with a `subscription_canceled` lead event (automations, segments). */
async function markCanceled(runtime: TOrdersRuntime, tenant: Tenant, orderId: string): Promise<void> {
  await publishLeadEvents(runtime, () =>
    tenant.db.transaction(async (tx) => {
      const scoped = new Tenant(tx, tenant.workspaceId);
      await lock(scoped, orderId);
      const [order] = await tx
        .update(orders)
        .set({ subscription_status: 'canceled' })
        .where(scoped.where(orders, eq(orders.id, orderId), and(sql`${orders.subscription_status} IS NOT NULL`, ne(orders.subscription_status, 'canceled'))))
        .returning();
      if (!order?.lead_id) return;
      await recordLeadEvent(scoped, {
        leadId: order.lead_id,
        type: 'subscription_canceled',
        data: {
          order_id: order.id,
          number: order.number,
          amount_cents: 0,
          currency: order.currency,
          funnel_id: order.funnel_id,
          renewals: order.renewals,
        },
        dedupeKey: `subscription_canceled:${order.id}`,
      });
    }),
  );
}

async function lock(tenant: Tenant, orderId: string): Promise<void> {
  await tenant.db.select({ id: orders.id }).from(orders).where(tenant.byId(orders, orderId)).for('update');
}
