import { iso } from '../../../contracts/common.js';
import type { TProduct, TProductPrice } from '../../../contracts/commerce-products.js';
import type { TPriceRow, TProductWithPrices } from './products.service.js';

/** A product as the API shows it; its image's address is the media library's public one (PUBLIC_URL/files/<id>). */
export function product({ product: row, prices }: TProductWithPrices, publicUrl: string): TProduct {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    image_file_id: row.image_file_id,
    image_url: row.image_file_id ? `${publicUrl}/files/${row.image_file_id}` : null,
    status: row.status,
    tax_behavior: row.tax_behavior,
    tax_rate_bps: row.tax_rate_bps,
    stripe_tax: row.stripe_tax,
    stripe_product_id: row.stripe_product_id,
    prices: prices.map(price),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function price(row: TPriceRow): TProductPrice {
  return {
    id: row.id,
    product_id: row.product_id,
    kind: row.kind,
    interval: row.interval,
    amount_cents: row.amount_cents,
    currency: row.currency,
    nickname: row.nickname,
    is_default: row.is_default,
    active: row.active,
    stripe_price_id: row.stripe_price_id,
    created_at: iso(row.created_at),
  };
}
