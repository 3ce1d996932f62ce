import { and, eq, isNull } from 'drizzle-orm';
import type { TAcceptOfferInput } from '../../../contracts/commerce-orders.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { funnelPages } from '../../funnels/index.js';
import { paymentProviderFor } from '../payments/payment-providers.js';
import { currencyMismatch, orderNotPaid } from './order-errors.js';
import { confirmPaid } from './order-payments.js';
import { orderLines, orders } from './orders.tables.js';
import { getOrder, lineOf, sellablePrice, type TOrderLineRow, type TOrdersRuntime, type TOrderWithLines } from './orders.service.js';

// A one-click offer (upsell or downsell page): the card saved by the order's payment is charged off-session. The
// line is created once per offer page and order (unique index), and the charge's idempotency key is derived from
// the order and the offer page: a second accept (a double click, a reload, two tabs at once) replays the first
// charge's answer at the provider and never charges again.

export type TOfferResult =
  | { status: 'succeeded' | 'processing'; order: TOrderWithLines }
  | { status: 'requires_action'; clientSecret: string; paymentId: string; order: TOrderWithLines }
  | { status: 'failed'; code: string; message: string; order: TOrderWithLines };

/** Charges the offer's price to the order's saved card: paid (fulfilled once), to authenticate (3-D Secure), or refused. */
export async function acceptOffer(runtime: TOrdersRuntime, tenant: Tenant, input: TAcceptOfferInput): Promise<TOfferResult> {
  const order = await tenant.get(orders, input.order_id, 'Order');
  if (!order.fulfilled_at || !order.provider_customer_id || !order.provider_payment_method_id) throw orderNotPaid();
  const provider = await paymentProviderFor(runtime, tenant);
  const line = (await offerLine(tenant, order.id, input.offer_page_id)) ?? (await createOfferLine(tenant, order, input));
  const result = await provider.chargeOffSession({
    customerId: order.provider_customer_id,
    paymentMethodId: order.provider_payment_method_id,
    amount: line.amount_cents,
    currency: order.currency,
    metadata: { order_id: order.id, offer_page_id: input.offer_page_id, workspace_id: tenant.workspaceId },
    idempotencyKey: `offer-${order.id}-${input.offer_page_id}`,
  });
  if (result.paymentId) {
    await tenant.db
      .update(orderLines)
      .set({ payment_id: result.paymentId })
      .where(tenant.where(orderLines, eq(orderLines.id, line.id), isNull(orderLines.payment_id)));
  }
  if (result.status === 'succeeded') return { status: 'succeeded', order: (await confirmPaid(runtime, tenant, result.paymentId))! };
  if (result.status === 'processing') return { status: 'processing', order: await getOrder(tenant, order.id) };
  if (result.status === 'requires_action') {
    return { status: 'requires_action', clientSecret: result.clientSecret, paymentId: result.paymentId, order: await getOrder(tenant, order.id) };
  }
  await tenant.db
    .update(orderLines)
    .set({ status: 'failed' })
    .where(tenant.where(orderLines, eq(orderLines.id, line.id), eq(orderLines.status, 'pending')));
  return { status: 'failed', code: result.code, message: result.message, order: await getOrder(tenant, order.id) };
}

async function offerLine(tenant: Tenant, orderId: string, offerPageId: string): Promise<TOrderLineRow | undefined> {
  const [line] = await tenant.db
    .select()
    .from(orderLines)
    .where(tenant.where(orderLines, and(eq(orderLines.order_id, orderId), eq(orderLines.offer_page_id, offerPageId))));
  return line;
}

/** The offer's line, pending; when two accepts race, the unique index keeps the first and both charge its amount. */
async function createOfferLine(tenant: Tenant, order: typeof orders.$inferSelect, input: TAcceptOfferInput): Promise<TOrderLineRow> {
  await tenant.get(funnelPages, input.offer_page_id, 'Page');
  const price = await sellablePrice(tenant, input.price_id);
  if (price.currency !== order.currency) throw currencyMismatch();
  await tenant.db
    .insert(orderLines)
    .values({ ...lineOf(input.kind ?? 'upsell', price), workspace_id: tenant.workspaceId, order_id: order.id, offer_page_id: input.offer_page_id })
    .onConflictDoNothing({ target: [orderLines.order_id, orderLines.offer_page_id] });
  return (await offerLine(tenant, order.id, input.offer_page_id))!;
}
