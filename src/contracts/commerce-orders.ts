import { z } from 'zod';
import { ZEmail, ZId, ZTimestamp } from './common.js';
import { defineAutomationTriggers, defineLeadEventTypes } from './lead-event-definitions.js';

// Orders (issue 13, part C): what a buyer paid through a funnel's order form, its order bump and its one-click
// offers. Amounts travel in cents. An order is paid once, fulfilled once (lead won, receipt, funnel totals), and
// refunded through the workspace's payment provider (ARCHITECTURE.md, "Orders").

const commerce = 'commerce';

export const ORDER_STATUSES = ['pending', 'paid', 'failed', 'refunded', 'partially_refunded', 'disputed'] as const;
export const ZOrderStatus = z.enum(ORDER_STATUSES);
export type TOrderStatus = z.infer<typeof ZOrderStatus>;

export const ORDER_LINE_KINDS = ['main', 'bump', 'upsell', 'downsell'] as const;
export const ZOrderLineKind = z.enum(ORDER_LINE_KINDS);
export type TOrderLineKind = z.infer<typeof ZOrderLineKind>;

export const ORDER_LINE_STATUSES = ['pending', 'paid', 'failed', 'refunded'] as const;
export const ZOrderLineStatus = z.enum(ORDER_LINE_STATUSES);
export type TOrderLineStatus = z.infer<typeof ZOrderLineStatus>;

export const ORDER_PROVIDERS = ['stripe', 'test'] as const;

/**
 * A recurring order's subscription (null for one-time orders): `pending` once the first period is paid and until the
 * provider's subscription exists (created after the payment, retried when it failed), then the provider's state:
 * `active` (Stripe's `trialing` too: the order paid the first period), `past_due` (a renewal failed, retried by the
 * provider), `unpaid` or `incomplete` (the provider stopped retrying), `canceled` (for good).
 */
export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'past_due', 'unpaid', 'incomplete', 'canceled'] as const;
export const ZSubscriptionStatus = z.enum(SUBSCRIPTION_STATUSES);
export type TSubscriptionStatus = z.infer<typeof ZSubscriptionStatus>;

export const SUBSCRIPTION_INTERVALS = ['month', 'year'] as const;
export type TSubscriptionInterval = (typeof SUBSCRIPTION_INTERVALS)[number];

/** Orders are numbered per workspace from this one (a human-readable number on receipts and in the list). */
export const FIRST_ORDER_NUMBER = 1001;

export const ZOrderLine = z.object({
  id: ZId,
  kind: ZOrderLineKind,
  product_id: ZId,
  price_id: ZId,
  description: z.string(),
  quantity: z.number().int(),
  unit_amount_cents: z.number().int(),
  tax_cents: z.number().int(),
  amount_cents: z.number().int(),
  refunded_cents: z.number().int(),
  payment_id: z.string().nullable(),
  status: ZOrderLineStatus,
  offer_page_id: ZId.nullable(),
  created_at: ZTimestamp,
});
export type TOrderLine = z.infer<typeof ZOrderLine>;

export const ZOrder = z.object({
  id: ZId,
  number: z.number().int(),
  lead_id: ZId.nullable(),
  buyer_email: z.string(),
  buyer_name: z.string().nullable(),
  funnel_id: ZId.nullable(),
  page_id: ZId.nullable(),
  utm_source: z.string().nullable(),
  utm_medium: z.string().nullable(),
  utm_campaign: z.string().nullable(),
  status: ZOrderStatus,
  currency: z.string(),
  subtotal_cents: z.number().int(),
  tax_cents: z.number().int(),
  total_cents: z.number().int(),
  refunded_cents: z.number().int(),
  provider: z.enum(ORDER_PROVIDERS),
  paid_at: ZTimestamp.nullable(),
  fulfilled_at: ZTimestamp.nullable(),
  /** Null for a one-time order; else the subscription's state (SUBSCRIPTION_STATUSES). */
  subscription_status: ZSubscriptionStatus.nullable(),
  subscription_interval: z.enum(SUBSCRIPTION_INTERVALS).nullable(),
  /** When the current period ends: the next renewal of an active subscription. */
  current_period_end: ZTimestamp.nullable(),
  /** Renewals paid after the order's first payment (not in total_cents), and their amount. */
  renewals: z.number().int(),
  renewed_cents: z.number().int(),
  /** Why the provider's subscription could not be created yet (retried), else null. */
  subscription_error: z.string().nullable(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TOrder = z.infer<typeof ZOrder>;

export const ZOrderDetail = ZOrder.extend({ lines: z.array(ZOrderLine) });
export type TOrderDetail = z.infer<typeof ZOrderDetail>;

export const ZOrderList = z.object({ items: z.array(ZOrder), next_cursor: z.string().nullable() });

export const ZOrderListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  status: ZOrderStatus.optional(),
  funnel_id: z.uuid().optional(),
  /** Part of the buyer's email, any case. */
  q: z.string().trim().max(254).optional(),
});
export type TOrderListQuery = z.infer<typeof ZOrderListQuery>;

/** A refund of the whole remaining amount, or of `amount_cents` of it. */
export const ZOrderRefundBody = z.strictObject({ amount_cents: z.number().int().min(1).max(100_000_000).optional() });
export type TOrderRefundBody = z.infer<typeof ZOrderRefundBody>;

const ZUtm = z.string().trim().max(200).optional();

/** What the order form sends to start an order (the checkout calls the service with it). */
export const ZStartOrderInput = z.strictObject({
  price_id: z.uuid(),
  bump_price_id: z.uuid().optional(),
  buyer: z.strictObject({ email: ZEmail, name: z.string().trim().max(200).optional() }),
  lead_id: z.uuid().optional(),
  funnel_id: z.uuid().optional(),
  page_id: z.uuid().optional(),
  utm: z.strictObject({ utm_source: ZUtm, utm_medium: ZUtm, utm_campaign: ZUtm }).optional(),
  idempotency_key: z.string().trim().min(8).max(200),
});
export type TStartOrderInput = z.infer<typeof ZStartOrderInput>;

/** A one-click offer (upsell or downsell page) accepted after the order was paid. */
export const ZAcceptOfferInput = z.strictObject({
  order_id: z.uuid(),
  offer_page_id: z.uuid(),
  price_id: z.uuid(),
  /** upsell unless said (a downsell page offers the cheaper one after a refusal). */
  kind: z.enum(['upsell', 'downsell']).optional(),
  idempotency_key: z.string().trim().min(8).max(200),
});
export type TAcceptOfferInput = z.infer<typeof ZAcceptOfferInput>;

const ZOrderEventData = z.looseObject({
  order_id: z.string(),
  number: z.number().int(),
  amount_cents: z.number().int(),
  currency: z.string(),
  funnel_id: z.string().nullable().optional(),
});

export const ORDER_LEAD_EVENT_TYPES = defineLeadEventTypes({
  /** A payment of an order succeeded (the order itself, or one accepted offer): once per payment. */
  order_paid: { module: commerce, scorable: true, segmentable: true, trigger: 'order_paid', data: ZOrderEventData },
  /** Money of an order was refunded (`amount_cents` this time, `refunded_cents` in all). */
  order_refunded: { module: commerce, scorable: true, segmentable: true, trigger: 'order_refunded', data: ZOrderEventData },
  /** An order's subscription ended (canceled here, at the provider, or after failed renewals): once per order. */
  subscription_canceled: { module: commerce, scorable: true, segmentable: true, trigger: 'subscription_canceled', data: ZOrderEventData },
});

/** "A lead pays an order" (a renewal too: `data.renewal`), "an order is refunded" and "a subscription ends". */
export const ORDER_AUTOMATION_TRIGGERS = defineAutomationTriggers({
  order_paid: { module: commerce, params: {} },
  order_refunded: { module: commerce, params: {} },
  subscription_canceled: { module: commerce, params: {} },
});
