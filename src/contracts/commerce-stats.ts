import { z } from 'zod';
import { ZId } from './common.js';
import { ZFunnelPageType, ZFunnelStatsQuery } from './funnels.js';

// A funnel's sales over a range of days (issue 13, "Revenue everywhere"): what its orders brought, read from the
// orders and their lines (ARCHITECTURE.md, "Orders", says how they are paid and refunded). Amounts travel in cents
// of `currency`.
//
// - A sale is an order of the funnel whose first payment succeeded in the range (its `paid_at`, a day of the
//   workspace's time zone). A refunded order stays a sale, as the funnel's `total_sales` keeps it; its refunds lower
//   the revenue. Each order counts on the day it was paid, its later one-click offers and refunds included.
// - Revenue is net of refunds: the paid lines' amounts minus what was refunded of them.
// - One currency: a funnel sells in one currency in practice. The figures are those of the currency with the most
//   sales in the range (the workspace's currency when there is none); orders in any other currency are left out of
//   them and counted in `other_currencies`, never added to them.
// - A subscription's renewal counts on the day it was paid, in the revenue and the days (not in sales nor in the
//   average order, which are about purchases).

export const ZFunnelSalesParams = z.object({ funnelId: ZId });
export type TFunnelSalesParams = z.infer<typeof ZFunnelSalesParams>;

/** The same range as the funnel's statistics: days of the workspace's time zone, the last 30 by default. */
export const ZFunnelSalesQuery = ZFunnelStatsQuery;
export type TFunnelSalesQuery = z.infer<typeof ZFunnelSalesQuery>;

const ZRate = z.number().nullable();
const ZCents = z.number().int();

/** A one-click offer page (upsell or downsell) of the funnel. */
export const ZFunnelOfferStats = z.object({
  page_id: ZId,
  name: z.string(),
  page_type: ZFunnelPageType,
  /** The page's unique visitors in the range: the number of times the offer was shown, as far as we measure it. */
  shown: z.number().int(),
  /** Orders of the range that accepted the offer and paid it (refunded since or not). */
  accepted: z.number().int(),
  /** accepted / shown; null when the page had no visitor. */
  take_rate: ZRate,
  revenue_cents: ZCents,
});

/** A step (page) of the funnel: the order form's main product and bump, or an offer page's accepted offers. */
export const ZFunnelStepSales = z.object({
  page_id: ZId,
  name: z.string(),
  page_type: ZFunnelPageType,
  order: z.number().int(),
  /** Orders placed on this page, or offers accepted on it. */
  sales: z.number().int(),
  revenue_cents: ZCents,
});

export const ZFunnelUtmSales = z.object({
  /** null: direct or untagged traffic. */
  utm_source: z.string().nullable(),
  sales: z.number().int(),
  revenue_cents: ZCents,
  average_order_value_cents: z.number().nullable(),
});

export const ZFunnelDaySales = z.object({ date: z.string(), sales: z.number().int(), revenue_cents: ZCents });

export const ZFunnelSales = z.object({
  from: z.string(),
  to: z.string(),
  time_zone: z.string(),
  /** ISO 4217 code of every amount below. */
  currency: z.string(),
  /** Orders paid in the range (refunded ones included: see `refunded_orders`). */
  sales: z.number().int(),
  /** Orders of the range refunded in full since. */
  refunded_orders: z.number().int(),
  /** What the orders were paid, before refunds. */
  gross_revenue_cents: ZCents,
  refunded_cents: ZCents,
  /** Subscription renewals paid in the range (orders of any day): how many, and what they brought. */
  renewals: z.number().int(),
  renewal_revenue_cents: ZCents,
  /** "Revenus générés": the orders' gross minus refunded, plus the renewals. */
  revenue_cents: ZCents,
  /** "Valeur moyenne commande": the orders' revenue (renewals apart) / sales, in cents; null without a sale. */
  average_order_value_cents: z.number().nullable(),
  /** The funnel's unique visitors in the range (as its statistics count them). */
  unique_visitors: z.number().int(),
  /** revenue / unique visitors, in cents; null without a visitor. */
  earnings_per_visitor_cents: z.number().nullable(),
  /** Orders whose order bump was paid with them. */
  bump_orders: z.number().int(),
  /** bump_orders / sales; null without a sale. */
  bump_take_rate: ZRate,
  /** Upsell and downsell pages, in the funnel's order. */
  offers: z.array(ZFunnelOfferStats),
  /** Every page of the funnel, in its order (revenue of a deleted page is in the totals only). */
  steps: z.array(ZFunnelStepSales),
  /** The 50 biggest UTM sources by revenue. */
  utm: z.array(ZFunnelUtmSales),
  /** One row per day of the range. */
  days: z.array(ZFunnelDaySales),
  /** Sales of the range in other currencies, left out of the figures above. */
  other_currencies: z.array(z.object({ currency: z.string(), sales: z.number().int(), revenue_cents: ZCents })),
});
export type TFunnelSales = z.infer<typeof ZFunnelSales>;
