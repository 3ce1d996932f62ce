import { asc, count, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import {
  MAX_PRODUCTS_PER_WORKSPACE,
  type TPriceCreateBody,
  type TProductCreateBody,
  type TProductListQuery,
  type TProductUpdateBody,
} from '../../../contracts/commerce-products.js';
import { decodeKeysetCursor, encodeKeysetCursor, olderThan } from '../../../platform/db/keyset-cursor.js';
import { pgErrorCode } from '../../../platform/db/pg-error.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { files } from '../../files/index.js';
import { productPrices, products } from './products.tables.js';

// A product's life: created with its first prices, edited (never its prices' amounts), archived, duplicated, and
// deleted while never sold. Prices are added and changed in product-prices.service.ts.

export type TProductRow = typeof products.$inferSelect;
export type TPriceRow = typeof productPrices.$inferSelect;
export type TProductWithPrices = { product: TProductRow; prices: TPriceRow[] };

/** The products of a page, newest first (keyset on created_at, id), with their prices. */
export async function listProducts(tenant: Tenant, query: TProductListQuery) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    query.status ? eq(products.status, query.status) : undefined,
    query.q ? ilike(products.name, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    after ? olderThan(products.created_at, products.id, after) : undefined,
  ];
  const rows = await tenant.db
    .select()
    .from(products)
    .where(tenant.where(products, ...conditions))
    .orderBy(desc(products.created_at), desc(products.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const prices = await pricesOf(
    tenant,
    page.map((p) => p.id),
  );
  return {
    items: page.map((product) => ({ product, prices: prices.get(product.id) ?? [] })),
    nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last.created_at, last.id) : null,
  };
}

/** One product with its prices, or a 404 (also for another workspace's). */
export async function getProduct(tenant: Tenant, id: string): Promise<TProductWithPrices> {
  const product = await tenant.get(products, id, 'Product');
  return { product, prices: (await pricesOf(tenant, [product.id])).get(product.id) ?? [] };
}

/** Prices of these products, default first then oldest first. */
export async function pricesOf(tenant: Tenant, productIds: string[]): Promise<Map<string, TPriceRow[]>> {
  const byProduct = new Map<string, TPriceRow[]>();
  if (productIds.length === 0) return byProduct;
  const rows = await tenant.db
    .select()
    .from(productPrices)
    .where(tenant.where(productPrices, inArray(productPrices.product_id, productIds)))
    .orderBy(desc(productPrices.is_default), asc(productPrices.created_at), asc(productPrices.id));
  for (const row of rows) byProduct.set(row.product_id, [...(byProduct.get(row.product_id) ?? []), row]);
  return byProduct;
}

/** Creates a product and its prices in one transaction; the workspace's cap is exact under concurrency. */
export async function createProduct(tenant: Tenant, body: TProductCreateBody): Promise<TProductWithPrices> {
  const { prices, ...fields } = body;
  if (fields.image_file_id) await checkImage(tenant, fields.image_file_id);
  return withinProductLimit(tenant, async (tx) => {
    const product = await tx.insert(products, {
      name: fields.name,
      description: fields.description ?? null,
      image_file_id: fields.image_file_id ?? null,
      status: fields.status ?? 'active',
      tax_behavior: fields.tax_behavior ?? 'inclusive',
      tax_rate_bps: fields.tax_rate_bps ?? null,
      stripe_tax: fields.stripe_tax ?? false,
    });
    const defaultIndex = Math.max(
      0,
      prices.findIndex((price) => price.is_default),
    );
    const rows = await insertPrices(tx, product.id, prices, defaultIndex);
    return { product, prices: rows };
  });
}

/** Changes a product's own fields (its prices change through their routes). */
export async function updateProduct(tenant: Tenant, id: string, body: TProductUpdateBody): Promise<TProductWithPrices> {
  if (body.image_file_id) await checkImage(tenant, body.image_file_id);
  await tenant.update(products, id, body, 'Product');
  return getProduct(tenant, id);
}

/**
 * Deletes a product never sold, with its prices. Orders (issue 13, later) reference the prices they sold with
 * ON DELETE RESTRICT: the database then refuses, said here as `product_sold` (archive it instead).
 */
export async function deleteProduct(tenant: Tenant, id: string): Promise<void> {
  try {
    await tenant.db.transaction(async (tx) => {
      const scoped = new Tenant(tx, tenant.workspaceId);
      await scoped.get(products, id, 'Product');
      await tx.delete(productPrices).where(scoped.where(productPrices, eq(productPrices.product_id, id)));
      await scoped.delete(products, id, 'Product');
    });
  } catch (error) {
    // 23001: ON DELETE RESTRICT; 23503: NO ACTION (either way a row still references a price).
    if (['23001', '23503'].includes(pgErrorCode(error) ?? ''))
      throw new AppError('conflict', 'This product was sold: archive it instead of deleting it', { reason: 'product_sold' });
    throw error;
  }
}

/** A copy named "<name> (copie)" unless named, with the active prices (same default), without Stripe ids. */
export async function duplicateProduct(tenant: Tenant, id: string, name: string | undefined): Promise<TProductWithPrices> {
  const source = await getProduct(tenant, id);
  const kept = source.prices.filter((price) => price.active);
  return withinProductLimit(tenant, async (tx) => {
    const product = await tx.insert(products, {
      name: (name ?? `${source.product.name} (copie)`).slice(0, 120),
      description: source.product.description,
      image_file_id: source.product.image_file_id,
      status: source.product.status,
      tax_behavior: source.product.tax_behavior,
      tax_rate_bps: source.product.tax_rate_bps,
      stripe_tax: source.product.stripe_tax,
    });
    const copies: TPriceCreateBody[] = kept.map((price) => ({
      kind: price.kind,
      interval: price.interval,
      amount_cents: price.amount_cents,
      currency: price.currency,
      nickname: price.nickname,
    }));
    // A product always has a price: the source's default is active, so `kept` holds at least it.
    const rows = await insertPrices(
      tx,
      product.id,
      copies,
      Math.max(
        0,
        kept.findIndex((price) => price.is_default),
      ),
    );
    return { product, prices: rows };
  });
}

/** Inserts prices of a new product; the one at `defaultIndex` is its default. */
async function insertPrices(tx: Tenant, productId: string, prices: TPriceCreateBody[], defaultIndex: number): Promise<TPriceRow[]> {
  const rows = await tx.db
    .insert(productPrices)
    .values(
      prices.map((price, index) => ({
        workspace_id: tx.workspaceId,
        product_id: productId,
        kind: price.kind,
        interval: price.kind === 'recurring' ? (price.interval ?? null) : null,
        amount_cents: price.amount_cents,
        currency: price.currency,
        nickname: price.nickname ?? null,
        is_default: index === defaultIndex,
      })),
    )
    .returning();
  return rows.sort((a, b) => Number(b.is_default) - Number(a.is_default));
}

/** Runs `create` in a transaction once the workspace is below its product cap (creations take turns on a lock). */
async function withinProductLimit<T>(tenant: Tenant, create: (tx: Tenant) => Promise<T>): Promise<T> {
  return tenant.db.transaction(async (db) => {
    const tx = new Tenant(db, tenant.workspaceId);
    await tx.lockForTransaction('products');
    const [{ value } = { value: 0 }] = await tx.db.select({ value: count() }).from(products).where(tx.where(products));
    if (value >= MAX_PRODUCTS_PER_WORKSPACE) {
      throw new AppError('conflict', `A workspace has at most ${MAX_PRODUCTS_PER_WORKSPACE} products: archive or delete one first`, {
        reason: 'products_limit',
        params: { limit: MAX_PRODUCTS_PER_WORKSPACE },
      });
    }
    return create(tx);
  });
}

/** The image must be a picture of this workspace's media library. */
async function checkImage(tenant: Tenant, fileId: string): Promise<void> {
  const [file] = await tenant.db.select({ content_type: files.content_type }).from(files).where(tenant.byId(files, fileId));
  if (!file)
    throw new AppError('bad_request', 'No such file in the media library', {
      errors: [{ path: 'body.image_file_id', message: 'unknown file', code: 'unknown_file' }],
    });
  if (!file.content_type.startsWith('image/'))
    throw new AppError('bad_request', 'The file is not an image', {
      errors: [{ path: 'body.image_file_id', message: 'not an image', code: 'not_an_image' }],
    });
}

/** Loads the product row locked for this transaction (price changes of one product take turns). */
export async function lockProduct(tx: Tenant, id: string): Promise<TProductRow> {
  const [product] = await tx.db.select().from(products).where(tx.byId(products, id)).for('update');
  if (!product) throw notFound('Product');
  return product;
}
