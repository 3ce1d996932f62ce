import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { FIRST_ORDER_NUMBER, type TOrderLineKind, type TOrderListQuery, type TStartOrderInput } from '../../../contracts/commerce-orders.js';
import { decodeKeysetCursor, encodeKeysetCursor, olderThan } from '../../../platform/db/keyset-cursor.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { captureLead, leads, publishLeadEvents } from '../../crm/index.js';
import { funnelPages, funnels } from '../../funnels/index.js';
import { paymentProviderFor } from '../payments/payment-providers.js';
import { productPrices, products } from '../products/products.tables.js';
import { currencyMismatch, priceUnavailable } from './order-errors.js';
import { orderLines, orders } from './orders.tables.js';

// An order's start: the pending order with its lines (the main product and the order bump), then one payment at the
// provider for both, which the buyer confirms in the browser. Paying, fulfilment and refunds are in
// order-payments.ts, order-offers.ts and order-refunds.ts.

export type TOrderRow = typeof orders.$inferSelect;
export type TOrderLineRow = typeof orderLines.$inferSelect;
export type TOrderWithLines = { order: TOrderRow; lines: TOrderLineRow[] };
export type TOrdersRuntime = Runtime;

/** A price that can be sold now, with its product (what a line copies). */
export type TSellablePrice = {
  priceId: string;
  productId: string;
  productName: string;
  amountCents: number;
  currency: string;
  taxRateBps: number | null;
  taxBehavior: 'inclusive' | 'exclusive';
  /** Null for a one-time price; else the subscription's period (the order's payment is its first period). */
  interval: 'month' | 'year' | null;
};

/**
 * Starts an order: finds the buyer's lead (or captures it from the form), creates the pending order and its lines,
 * then the provider payment of main + bump. The same `idempotency_key` (a double submit, a retry after a lost answer)
 * gives the same order and the same payment.
 */
export async function startOrder(runtime: TOrdersRuntime, tenant: Tenant, input: TStartOrderInput): Promise<TOrderWithLines & { clientSecret: string }> {
  const provider = await paymentProviderFor(runtime, tenant);
  // The main product may be a subscription (its first period is this payment); the bump is one-time.
  const main = await sellablePrice(tenant, input.price_id, { recurring: true });
  const bump = input.bump_price_id ? await sellablePrice(tenant, input.bump_price_id) : undefined;
  if (bump && bump.currency !== main.currency) throw currencyMismatch();
  // The funnel and page the order came from are this workspace's (a foreign key alone would take another's).
  if (input.funnel_id) await tenant.get(funnels, input.funnel_id, 'Funnel');
  if (input.page_id) await tenant.get(funnelPages, input.page_id, 'Page');

  const created = await publishLeadEvents(runtime, () =>
    tenant.db.transaction(async (tx) => {
      const scoped = new Tenant(tx, tenant.workspaceId);
      // Numbers are per workspace and readable (1001, 1002…): orders of one workspace take turns for the next one,
      // and a second submit of the same form waits for the first and finds its order.
      await scoped.lockForTransaction('order-number');
      const [existing] = await tx
        .select()
        .from(orders)
        .where(scoped.where(orders, eq(orders.idempotency_key, input.idempotency_key)));
      if (existing) return existing;
      const leadId = await buyerLead(scoped, input);
      const [{ next }] = (await tx
        .select({ next: sql<number>`coalesce(max(${orders.number}) + 1, ${FIRST_ORDER_NUMBER})` })
        .from(orders)
        .where(eq(orders.workspace_id, tenant.workspaceId))) as [{ next: number }];
      const lineValues = [lineOf('main', main), ...(bump ? [lineOf('bump', bump)] : [])];
      const [order] = await tx
        .insert(orders)
        .values({
          workspace_id: tenant.workspaceId,
          number: Number(next),
          lead_id: leadId,
          buyer_email: input.buyer.email.toLowerCase(),
          buyer_name: input.buyer.name || null,
          funnel_id: input.funnel_id ?? null,
          page_id: input.page_id ?? null,
          utm_source: input.utm?.utm_source || null,
          utm_medium: input.utm?.utm_medium || null,
          utm_campaign: input.utm?.utm_campaign || null,
          currency: main.currency,
          subtotal_cents: lineValues.reduce((sum, line) => sum + line.amount_cents - line.tax_cents, 0),
          tax_cents: lineValues.reduce((sum, line) => sum + line.tax_cents, 0),
          total_cents: lineValues.reduce((sum, line) => sum + line.amount_cents, 0),
          provider: provider.kind,
          idempotency_key: input.idempotency_key,
          subscription_interval: main.interval,
        })
        .returning();
      await tx.insert(orderLines).values(lineValues.map((line) => ({ ...line, workspace_id: tenant.workspaceId, order_id: order!.id })));
      return order!;
    }),
  );

  // The provider's calls are idempotent by the order's id: a retry of a start whose answer was lost pays nothing twice.
  const customerId =
    created.provider_customer_id ??
    (await provider.ensureCustomer({ email: created.buyer_email, name: created.buyer_name, leadId: created.lead_id ?? created.id }));
  const lines = await linesOf(tenant, created.id);
  const started = await provider.startPayment({
    amount: created.total_cents,
    currency: created.currency,
    customerId,
    description: lines.map((line) => line.description).join(' + '),
    metadata: { order_id: created.id, order_number: String(created.number), workspace_id: tenant.workspaceId },
    savePaymentMethod: true,
    idempotencyKey: `order-${created.id}`,
  });
  const order = await tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    await tx
      .update(orderLines)
      .set({ payment_id: started.id })
      .where(scoped.where(orderLines, eq(orderLines.order_id, created.id), inArray(orderLines.kind, ['main', 'bump'])));
    const [row] = await tx
      .update(orders)
      .set({ provider_customer_id: customerId })
      .where(scoped.where(orders, eq(orders.id, created.id)))
      .returning();
    return row!;
  });
  return { order, lines: await linesOf(tenant, order.id), clientSecret: started.clientSecret };
}

/**
 * A price of this workspace that can be sold now (active, of an active product; one-time unless `recurring` allows a
 * subscription: the order form's main product only); else `price_unavailable`.
 */
export async function sellablePrice(tenant: Tenant, priceId: string, options: { recurring?: boolean } = {}): Promise<TSellablePrice> {
  const [row] = await tenant.db
    .select({ price: productPrices, product: products })
    .from(productPrices)
    .innerJoin(products, and(eq(products.id, productPrices.product_id), eq(products.workspace_id, productPrices.workspace_id)))
    .where(tenant.where(productPrices, eq(productPrices.id, priceId)))
    .limit(1);
  if (!row || !row.price.active || row.product.status !== 'active') throw priceUnavailable();
  if (row.price.kind !== 'one_time' && (!options.recurring || !row.price.interval)) throw priceUnavailable();
  return {
    priceId: row.price.id,
    productId: row.product.id,
    productName: row.product.name,
    amountCents: row.price.amount_cents,
    currency: row.price.currency,
    taxRateBps: row.product.tax_rate_bps,
    taxBehavior: row.product.tax_behavior,
    interval: row.price.kind === 'recurring' ? row.price.interval : null,
  };
}

/**
 * A line's amounts. Prices including VAT (TTC) keep their amount and state the VAT inside it; prices without VAT
 * (HT) add it on top. Rounded to the cent.
 */
export function lineOf(kind: TOrderLineKind, price: TSellablePrice) {
  const rate = price.taxRateBps ?? 0;
  const inclusive = price.taxBehavior === 'inclusive';
  const tax = inclusive ? Math.round((price.amountCents * rate) / (10_000 + rate)) : Math.round((price.amountCents * rate) / 10_000);
  return {
    kind,
    product_id: price.productId,
    price_id: price.priceId,
    description: price.productName,
    quantity: 1,
    unit_amount_cents: price.amountCents,
    tax_cents: tax,
    amount_cents: inclusive ? price.amountCents : price.amountCents + tax,
  };
}

/** The buyer's lead: the one the funnel knows (same workspace), else captured from the order form (no consent). */
async function buyerLead(tenant: Tenant, input: TStartOrderInput): Promise<string | null> {
  if (input.lead_id) {
    const [row] = await tenant.db
      .select({ id: leads.id })
      .from(leads)
      .where(tenant.where(leads, eq(leads.id, input.lead_id)));
    if (row) return row.id;
  }
  const [firstName, ...rest] = (input.buyer.name ?? '').split(/\s+/).filter(Boolean);
  const captured = await captureLead(tenant, {
    email: input.buyer.email,
    fields: { ...(firstName ? { first_name: firstName } : {}), ...(rest.length > 0 ? { last_name: rest.join(' ') } : {}) },
    customFields: {},
    source: 'order',
    sourceUrl: null,
    utm: { ...input.utm },
    consent: null,
    customFieldPath: 'buyer',
  });
  // An erased person (suppression list) can still buy; the order keeps no lead.
  return captured.outcome === 'suppressed' ? null : captured.lead.id;
}

/** An order's lines, main first then bump, then offers in the order they were accepted. */
export async function linesOf(tenant: Tenant, orderId: string): Promise<TOrderLineRow[]> {
  return tenant.db
    .select()
    .from(orderLines)
    .where(tenant.where(orderLines, eq(orderLines.order_id, orderId)))
    .orderBy(asc(orderLines.created_at), asc(sql`array_position(array['main','bump','upsell','downsell'], ${orderLines.kind})`), asc(orderLines.id));
}

/** One order with its lines, or a 404 (also for another workspace's). */
export async function getOrder(tenant: Tenant, id: string): Promise<TOrderWithLines> {
  const order = await tenant.get(orders, id, 'Order');
  return { order, lines: await linesOf(tenant, order.id) };
}

/** Orders, newest first (keyset on created_at, id), by status, funnel, or part of the buyer's email. */
export async function listOrders(tenant: Tenant, query: TOrderListQuery) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    query.status ? eq(orders.status, query.status) : undefined,
    query.funnel_id ? eq(orders.funnel_id, query.funnel_id) : undefined,
    query.q ? ilike(orders.buyer_email, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    after ? olderThan(orders.created_at, orders.id, after) : undefined,
  ];
  const rows = await tenant.db
    .select()
    .from(orders)
    .where(tenant.where(orders, ...conditions))
    .orderBy(desc(orders.created_at), desc(orders.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last.created_at, last.id) : null };
}
