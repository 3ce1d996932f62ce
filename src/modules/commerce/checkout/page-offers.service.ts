import { and, eq, inArray } from 'drizzle-orm';
import { OFFER_PAGE_TYPES, type TPageOffer, type TPageOfferBody, type TOfferPrice } from '../../../contracts/commerce-checkout.js';
import { AppError } from '../../../platform/errors.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { funnelPages, funnels } from '../../funnels/index.js';
import { productPrices, products } from '../products/products.tables.js';
import { pageOffers } from './page-offers.tables.js';

// What each funnel page sells, set in the funnel's step settings: checked when saved (prices of this workspace, one
// currency, no bump on offer pages) and again when a buyer pays (a price archived since cannot be sold:
// orders.service's sellablePrice).

type TOfferRow = typeof pageOffers.$inferSelect;

/** The offers of a funnel's pages. */
export async function listFunnelOffers(tenant: Tenant, funnelId: string): Promise<TPageOffer[]> {
  await tenant.get(funnels, funnelId, 'Funnel');
  const pages = await tenant.db
    .select({ id: funnelPages.id })
    .from(funnelPages)
    .where(tenant.where(funnelPages, eq(funnelPages.funnel_id, funnelId)));
  if (pages.length === 0) return [];
  const rows = await tenant.db
    .select()
    .from(pageOffers)
    .where(
      tenant.where(
        pageOffers,
        inArray(
          pageOffers.page_id,
          pages.map((p) => p.id),
        ),
      ),
    );
  return views(tenant, rows);
}

/** A page's offer, or null when it sells nothing. */
export async function getPageOffer(tenant: Tenant, funnelId: string, pageId: string): Promise<TPageOffer | null> {
  await pageOf(tenant, funnelId, pageId);
  const [row] = await tenant.db
    .select()
    .from(pageOffers)
    .where(tenant.where(pageOffers, eq(pageOffers.page_id, pageId)));
  return row ? ((await views(tenant, [row]))[0] ?? null) : null;
}

/** Sets what the page sells (replacing what it sold). */
export async function setPageOffer(tenant: Tenant, funnelId: string, pageId: string, body: TPageOfferBody): Promise<TPageOffer> {
  const page = await pageOf(tenant, funnelId, pageId);
  const offerPage = (OFFER_PAGE_TYPES as readonly string[]).includes(page.page_type);
  if (offerPage && body.bump_price_id) {
    throw new AppError('bad_request', 'An upsell or downsell page offers one product, without an order bump', {
      reason: 'bump_not_on_offer_page',
      errors: [{ path: 'body.bump_price_id', message: 'no order bump on an upsell or downsell page', code: 'bump_not_on_offer_page' }],
    });
  }
  // The order form's main product may be a subscription; an order bump and one-click offers are one-time.
  const main = await priceOf(tenant, body.price_id, 'body.price_id', !offerPage);
  const bump = body.bump_price_id ? await priceOf(tenant, body.bump_price_id, 'body.bump_price_id', false) : null;
  if (bump && bump.currency !== main.currency) {
    throw new AppError('bad_request', 'The order bump must be in the currency of the main price', {
      reason: 'order_currency_mismatch',
      errors: [{ path: 'body.bump_price_id', message: 'another currency than the main price', code: 'order_currency_mismatch' }],
    });
  }
  const values = {
    price_id: main.id,
    bump_price_id: bump?.id ?? null,
    bump_title: bump ? body.bump_title || null : null,
    bump_pitch: bump ? body.bump_pitch || null : null,
  };
  await tenant.db
    .insert(pageOffers)
    .values({ ...values, workspace_id: tenant.workspaceId, page_id: page.id })
    .onConflictDoUpdate({ target: pageOffers.page_id, set: { ...values, updated_at: new Date() } });
  return (await getPageOffer(tenant, funnelId, pageId))!;
}

/** The page sells nothing any more. */
export async function deletePageOffer(tenant: Tenant, funnelId: string, pageId: string): Promise<void> {
  await pageOf(tenant, funnelId, pageId);
  await tenant.db.delete(pageOffers).where(tenant.where(pageOffers, eq(pageOffers.page_id, pageId)));
}

/** The offer row of a page of this workspace (the public checkout's read), or undefined. */
export async function offerRowOfPage(tenant: Tenant, pageId: string): Promise<TOfferRow | undefined> {
  const [row] = await tenant.db
    .select()
    .from(pageOffers)
    .where(tenant.where(pageOffers, eq(pageOffers.page_id, pageId)));
  return row;
}

async function pageOf(tenant: Tenant, funnelId: string, pageId: string) {
  const page = await tenant.get(funnelPages, pageId, 'Page');
  if (page.funnel_id !== funnelId) throw new AppError('not_found', 'Page not found');
  return page;
}

/**
 * A price of this workspace that can be sold now; else a 400 on `path`. A recurring price only where `recurringAllowed`
 * (the order form's main product: its subscription starts after the first payment, orders' order-subscriptions.ts).
 */
async function priceOf(tenant: Tenant, priceId: string, path: string, recurringAllowed: boolean) {
  const [row] = await tenant.db
    .select({ price: productPrices, product: products })
    .from(productPrices)
    .innerJoin(products, and(eq(products.id, productPrices.product_id), eq(products.workspace_id, productPrices.workspace_id)))
    .where(tenant.where(productPrices, eq(productPrices.id, priceId)));
  if (!row || !row.price.active || row.product.status !== 'active') {
    throw new AppError('bad_request', 'This price cannot be sold: unknown or archived', {
      reason: 'price_unavailable',
      errors: [{ path, message: 'unknown or archived price', code: 'price_unavailable' }],
    });
  }
  // An order bump shares the first payment and an offer is one off-session charge: neither starts a subscription.
  if (row.price.kind !== 'one_time' && !recurringAllowed) {
    throw new AppError('bad_request', 'Only the main product of an order form can be a subscription: order bumps and one-click offers take one-time prices', {
      reason: 'recurring_main_only',
      errors: [{ path, message: 'a recurring price is sold by the order form’s main product only', code: 'recurring_main_only' }],
    });
  }
  return row.price;
}

async function views(tenant: Tenant, rows: TOfferRow[]): Promise<TPageOffer[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.price_id, ...(r.bump_price_id ? [r.bump_price_id] : [])]))];
  if (ids.length === 0) return [];
  const prices = await tenant.db
    .select({ price: productPrices, product: products })
    .from(productPrices)
    .innerJoin(products, and(eq(products.id, productPrices.product_id), eq(products.workspace_id, productPrices.workspace_id)))
    .where(tenant.where(productPrices, inArray(productPrices.id, ids)));
  const byId = new Map<string, TOfferPrice>(
    prices.map(({ price, product }) => [
      price.id,
      {
        price_id: price.id,
        product_id: product.id,
        product_name: product.name,
        amount_cents: price.amount_cents,
        currency: price.currency,
        sellable: price.active && product.status === 'active',
      },
    ]),
  );
  return rows.flatMap((row) => {
    const price = byId.get(row.price_id);
    if (!price) return [];
    return [
      {
        page_id: row.page_id,
        price,
        bump: row.bump_price_id ? (byId.get(row.bump_price_id) ?? null) : null,
        bump_title: row.bump_title,
        bump_pitch: row.bump_pitch,
        updated_at: row.updated_at.toISOString(),
      },
    ];
  });
}
