import { sql } from 'drizzle-orm';
import { char, check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ORDER_LINE_KINDS,
  ORDER_LINE_STATUSES,
  ORDER_PROVIDERS,
  ORDER_STATUSES,
  SUBSCRIPTION_INTERVALS,
  SUBSCRIPTION_STATUSES,
} from '../../../contracts/commerce-orders.js';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { leads } from '../../crm/tables.js';
import { funnelPages, funnels } from '../../funnels/index.js';
import { workspaces } from '../../workspaces/index.js';
import { productPrices, products } from '../products/products.tables.js';

/**
 * A buyer's order (ARCHITECTURE.md, "Orders"): created pending with its lines and one provider payment, paid once,
 * fulfilled once (`fulfilled_at`: the lead won, the receipt, the funnel's totals), then maybe refunded or disputed.
 * `idempotency_key` is the order form's: a double submit finds the first order. An order of a recurring price
 * (`subscription_interval` set at the start) also gets the provider's subscription once its first payment succeeded
 * (order-subscriptions.ts): the first period is that payment, renewals are `order_renewals` rows.
 */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** The buyer's lead; deleting the lead empties it only (foreign key below). */
    lead_id: uuid('lead_id'),
    buyer_email: text('buyer_email').notNull(),
    buyer_name: text('buyer_name'),
    funnel_id: uuid('funnel_id').references(() => funnels.id, { onDelete: 'set null' }),
    page_id: uuid('page_id').references(() => funnelPages.id, { onDelete: 'set null' }),
    utm_source: text('utm_source'),
    utm_medium: text('utm_medium'),
    utm_campaign: text('utm_campaign'),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    currency: char('currency', { length: 3 }).notNull(),
    subtotal_cents: integer('subtotal_cents').notNull(),
    tax_cents: integer('tax_cents').notNull(),
    total_cents: integer('total_cents').notNull(),
    refunded_cents: integer('refunded_cents').notNull().default(0),
    provider: text('provider', { enum: ORDER_PROVIDERS }).notNull(),
    provider_customer_id: text('provider_customer_id'),
    provider_payment_method_id: text('provider_payment_method_id'),
    idempotency_key: text('idempotency_key').notNull(),
    paid_at: timestamp('paid_at', { withTimezone: true }),
    fulfilled_at: timestamp('fulfilled_at', { withTimezone: true }),
    /** Null for a one-time order; `pending` from the first payment until the provider's subscription exists. */
    subscription_status: text('subscription_status', { enum: SUBSCRIPTION_STATUSES }),
    subscription_interval: text('subscription_interval', { enum: SUBSCRIPTION_INTERVALS }),
    subscription_id: text('subscription_id'),
    current_period_end: timestamp('current_period_end', { withTimezone: true }),
    /** Set while one caller creates the subscription (a lease: others skip it; a crashed caller's expires). */
    subscription_attempt_at: timestamp('subscription_attempt_at', { withTimezone: true }),
    /** The provider's last refusal to create the subscription (retried at the next confirmation), else null. */
    subscription_error: text('subscription_error'),
    /** The sum of `order_renewals` (count and amount), kept with each one in the same transaction. */
    renewals: integer('renewals').notNull().default(0),
    renewed_cents: integer('renewed_cents').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    // (workspace_id, lead_id) -> a lead of the same workspace. The migration writes ON DELETE SET NULL ("lead_id")
    // (PostgreSQL 15+ column list), which drizzle cannot express: deleting the lead empties lead_id only.
    foreignKey({ columns: [t.workspace_id, t.lead_id], foreignColumns: [leads.workspace_id, leads.id] }).onDelete('set null'),
    uniqueIndex('orders_workspace_id_uq').on(t.workspace_id, t.id),
    uniqueIndex('orders_workspace_number_uq').on(t.workspace_id, t.number),
    uniqueIndex('orders_workspace_idempotency_uq').on(t.workspace_id, t.idempotency_key),
    index('orders_workspace_created_idx').on(t.workspace_id, t.created_at, t.id),
    // A funnel's sales and the dashboard's revenue read paid orders by their payment day (commerce/stats, dashboard).
    index('orders_workspace_funnel_paid_idx').on(t.workspace_id, t.funnel_id, t.paid_at),
    index('orders_workspace_paid_idx').on(t.workspace_id, t.paid_at),
    index('orders_lead_idx').on(t.lead_id),
    // Ads attribute orders to a campaign by utm_campaign, any case (modules/ads/campaigns/ad-attribution.ts).
    index('orders_workspace_utm_campaign_idx')
      .on(t.workspace_id, sql`lower(${t.utm_campaign})`)
      .where(sql`${t.utm_campaign} IS NOT NULL`),
    // Stripe's subscription events find their order by the subscription's id.
    uniqueIndex('orders_workspace_subscription_uq').on(t.workspace_id, t.subscription_id),
    check('orders_subscription_of_interval', sql`${t.subscription_status} IS NULL OR ${t.subscription_interval} IS NOT NULL`),
    check('orders_renewals', sql`${t.renewals} >= 0 AND ${t.renewed_cents} >= 0`),
    check('orders_amounts', sql`${t.total_cents} >= 0 AND ${t.refunded_cents} >= 0 AND ${t.refunded_cents} <= ${t.total_cents}`),
  ],
);

/**
 * One thing sold in an order. The main product and its bump share the order's first payment (one line per kind
 * and payment: unique (workspace, payment_id, kind)); each accepted offer is its own payment, at most once per
 * offer page and order. Products and prices are referenced with NO ACTION (checked at the end of the statement, so
 * deleting a whole workspace still cascades; deleting a sold product is refused: products.service's `product_sold`).
 * `refunded_cents`: the part of its payment's refunds allocated to it (main line first).
 */
export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    order_id: uuid('order_id').notNull(),
    kind: text('kind', { enum: ORDER_LINE_KINDS }).notNull(),
    product_id: uuid('product_id').notNull(),
    price_id: uuid('price_id')
      .notNull()
      .references(() => productPrices.id, { onDelete: 'no action' }),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull().default(1),
    unit_amount_cents: integer('unit_amount_cents').notNull(),
    tax_cents: integer('tax_cents').notNull(),
    amount_cents: integer('amount_cents').notNull(),
    refunded_cents: integer('refunded_cents').notNull().default(0),
    payment_id: text('payment_id'),
    status: text('status', { enum: ORDER_LINE_STATUSES }).notNull().default('pending'),
    offer_page_id: uuid('offer_page_id').references(() => funnelPages.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    foreignKey({ columns: [t.workspace_id, t.order_id], foreignColumns: [orders.workspace_id, orders.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspace_id, t.product_id], foreignColumns: [products.workspace_id, products.id] }).onDelete('no action'),
    index('order_lines_order_idx').on(t.order_id),
    uniqueIndex('order_lines_payment_kind_uq').on(t.workspace_id, t.payment_id, t.kind),
    uniqueIndex('order_lines_offer_uq').on(t.order_id, t.offer_page_id),
    index('order_lines_price_idx').on(t.price_id),
    check('order_lines_quantity_one', sql`${t.quantity} = 1`),
    check('order_lines_amounts', sql`${t.amount_cents} > 0 AND ${t.refunded_cents} >= 0 AND ${t.refunded_cents} <= ${t.amount_cents}`),
  ],
);

/**
 * A renewal of an order's subscription: one paid invoice of the provider after the first period (the first period is
 * the order's own payment, in `total_cents`). One row per invoice (unique (workspace, invoice_id)): the same invoice
 * told twice counts once. The order's `renewals` and `renewed_cents` add them up.
 */
export const orderRenewals = pgTable(
  'order_renewals',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    order_id: uuid('order_id').notNull(),
    invoice_id: text('invoice_id').notNull(),
    amount_cents: integer('amount_cents').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    period_end: timestamp('period_end', { withTimezone: true }),
    paid_at: timestamp('paid_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.workspace_id, t.order_id], foreignColumns: [orders.workspace_id, orders.id] }).onDelete('cascade'),
    uniqueIndex('order_renewals_workspace_invoice_uq').on(t.workspace_id, t.invoice_id),
    index('order_renewals_order_idx').on(t.order_id, t.paid_at),
    index('order_renewals_workspace_paid_idx').on(t.workspace_id, t.paid_at),
    check('order_renewals_amount', sql`${t.amount_cents} > 0`),
  ],
);

/** Largest payload kept of a provider event (its JSON text); a larger one keeps its id, type and object id only. */
export const MAX_PAYMENT_EVENT_PAYLOAD_CHARS = 64_000;

/**
 * Provider webhook events as received: one row per event id and workspace (a replay is stored once), processed
 * once (`processed_at`; null when processing failed, so the provider's retry processes it again).
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: ORDER_PROVIDERS }).notNull(),
    event_id: text('event_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    received_at: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processed_at: timestamp('processed_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('payment_events_workspace_event_uq').on(t.workspace_id, t.event_id),
    index('payment_events_workspace_received_idx').on(t.workspace_id, t.received_at),
  ],
);
