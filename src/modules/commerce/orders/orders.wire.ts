import { iso } from '../../../contracts/common.js';
import type { TOrder, TOrderDetail, TOrderLine } from '../../../contracts/commerce-orders.js';
import type { TOrderLineRow, TOrderRow, TOrderWithLines } from './orders.service.js';

/** An order as the API shows it (the provider's customer, card and subscription ids stay on the server). */
export function order(row: TOrderRow): TOrder {
  return {
    id: row.id,
    number: row.number,
    lead_id: row.lead_id,
    buyer_email: row.buyer_email,
    buyer_name: row.buyer_name,
    funnel_id: row.funnel_id,
    page_id: row.page_id,
    utm_source: row.utm_source,
    utm_medium: row.utm_medium,
    utm_campaign: row.utm_campaign,
    status: row.status,
    currency: row.currency,
    subtotal_cents: row.subtotal_cents,
    tax_cents: row.tax_cents,
    total_cents: row.total_cents,
    refunded_cents: row.refunded_cents,
    provider: row.provider,
    paid_at: iso(row.paid_at),
    fulfilled_at: iso(row.fulfilled_at),
    subscription_status: row.subscription_status,
    subscription_interval: row.subscription_interval,
    current_period_end: iso(row.current_period_end),
    renewals: row.renewals,
    renewed_cents: row.renewed_cents,
    subscription_error: row.subscription_error,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function line(row: TOrderLineRow): TOrderLine {
  return {
    id: row.id,
    kind: row.kind,
    product_id: row.product_id,
    price_id: row.price_id,
    description: row.description,
    quantity: row.quantity,
    unit_amount_cents: row.unit_amount_cents,
    tax_cents: row.tax_cents,
    amount_cents: row.amount_cents,
    refunded_cents: row.refunded_cents,
    payment_id: row.payment_id,
    status: row.status,
    offer_page_id: row.offer_page_id,
    created_at: iso(row.created_at),
  };
}

export function orderDetail({ order: row, lines }: TOrderWithLines): TOrderDetail {
  return { ...order(row), lines: lines.map(line) };
}
