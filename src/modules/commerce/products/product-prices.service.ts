import { and, count, eq } from 'drizzle-orm';
import { MAX_PRICES_PER_PRODUCT, type TPriceCreateBody, type TPriceUpdateBody } from '../../../contracts/commerce-products.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { getProduct, lockProduct, type TProductWithPrices } from './products.service.js';
import { productPrices } from './products.tables.js';

// A product's prices: added (never edited: an amount is changed by adding a price and archiving the old one, as
// Stripe does), renamed, archived or restored, made the default. Each change locks the product's row, so two
// changes of one product take turns: its price cap is exact and it never has two defaults, or none.

/** Adds a price to a product (at most MAX_PRICES_PER_PRODUCT); `is_default` makes it the default. */
export async function addPrice(tenant: Tenant, productId: string, body: TPriceCreateBody): Promise<TProductWithPrices> {
  await inProductTransaction(tenant, productId, async (tx) => {
    const [{ value } = { value: 0 }] = await tx.db
      .select({ value: count() })
      .from(productPrices)
      .where(tx.where(productPrices, eq(productPrices.product_id, productId)));
    if (value >= MAX_PRICES_PER_PRODUCT) {
      throw new AppError('conflict', `A product has at most ${MAX_PRICES_PER_PRODUCT} prices`, {
        reason: 'prices_limit',
        params: { limit: MAX_PRICES_PER_PRODUCT },
      });
    }
    if (body.is_default) await clearDefault(tx, productId);
    await tx.insert(productPrices, {
      product_id: productId,
      kind: body.kind,
      interval: body.kind === 'recurring' ? (body.interval ?? null) : null,
      amount_cents: body.amount_cents,
      currency: body.currency,
      nickname: body.nickname ?? null,
      is_default: body.is_default ?? false,
    });
  });
  return getProduct(tenant, productId);
}

/**
 * Renames, archives, restores or makes default one price. The default price stays active and a product keeps one:
 * unsetting it (is_default false) or archiving it is refused; make another price the default first.
 */
export async function updatePrice(tenant: Tenant, productId: string, priceId: string, body: TPriceUpdateBody): Promise<TProductWithPrices> {
  await inProductTransaction(tenant, productId, async (tx) => {
    const [price] = await tx.db
      .select()
      .from(productPrices)
      .where(and(tx.byId(productPrices, priceId), eq(productPrices.product_id, productId)));
    if (!price) throw notFound('Price');
    const isDefault = body.is_default ?? price.is_default;
    const active = body.active ?? price.active;
    if (price.is_default && body.is_default === false) {
      throw new AppError('conflict', 'A product always has a default price: make another price the default instead', { reason: 'default_price_required' });
    }
    if (isDefault && !active) {
      throw new AppError('conflict', 'The default price cannot be archived: make another price the default first', { reason: 'default_price_archived' });
    }
    if (isDefault && !price.is_default) await clearDefault(tx, productId);
    await tx.update(productPrices, price.id, { nickname: body.nickname, active: body.active, is_default: body.is_default }, 'Price');
  });
  return getProduct(tenant, productId);
}

/** The product's current default stops being one (before another becomes it: the unique index allows one). */
async function clearDefault(tx: Tenant, productId: string): Promise<void> {
  await tx.db
    .update(productPrices)
    .set({ is_default: false })
    .where(tx.where(productPrices, and(eq(productPrices.product_id, productId), eq(productPrices.is_default, true))));
}

async function inProductTransaction(tenant: Tenant, productId: string, work: (tx: Tenant) => Promise<void>): Promise<void> {
  await tenant.db.transaction(async (db) => {
    const tx = new Tenant(db, tenant.workspaceId);
    await lockProduct(tx, productId);
    await work(tx);
  });
}
