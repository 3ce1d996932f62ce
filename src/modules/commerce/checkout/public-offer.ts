import { and, eq, inArray } from 'drizzle-orm';
import type { TPublicOffer } from '../../../contracts/commerce-checkout.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TLivePage } from '../../funnels/index.js';
import { buyerPaymentSetup } from '../payments/payment-providers.js';
import { productPrices, products } from '../products/products.tables.js';
import { offerRowOfPage } from './page-offers.service.js';
import { OFFER_PAGE_TYPES } from '../../../contracts/commerce-checkout.js';

// What our checkout script draws on a published page: the product, its price, the order bump, and how to pay. Read
// per request (a price archived or Stripe connected since shows at once); undefined when the page sells nothing
// sellable now or the workspace takes no payments.

export async function publicOfferOf(runtime: Runtime, tenant: Tenant, page: TLivePage): Promise<TPublicOffer | undefined> {
  const row = await offerRowOfPage(tenant, page.id);
  if (!row) return undefined;
  const ids = [row.price_id, ...(row.bump_price_id ? [row.bump_price_id] : [])];
  const found = await tenant.db
    .select({ price: productPrices, product: products })
    .from(productPrices)
    .innerJoin(products, and(eq(products.id, productPrices.product_id), eq(products.workspace_id, productPrices.workspace_id)))
    .where(tenant.where(productPrices, inArray(productPrices.id, ids)));
  const isOfferPage = (OFFER_PAGE_TYPES as readonly string[]).includes(page.pageType);
  // A subscription is sold by the order form's main product only (its first period paid now); bumps and offers are one-time.
  const sellable = (id: string | null, recurringAllowed: boolean) => {
    const hit = found.find((f) => f.price.id === id);
    return hit && hit.price.active && (hit.price.kind === 'one_time' || recurringAllowed) && hit.product.status === 'active' ? hit : undefined;
  };
  const main = sellable(row.price_id, !isOfferPage);
  const provider = await buyerPaymentSetup(runtime, tenant);
  if (!main || !provider) return undefined;
  const bump = isOfferPage ? undefined : sellable(row.bump_price_id, false);
  return {
    kind: isOfferPage ? (page.pageType as 'upsell' | 'downsell') : 'order',
    language: page.language,
    product: {
      name: main.product.name,
      description: main.product.description,
      image_url: main.product.image_file_id ? `${runtime.config.publicUrl}/files/${main.product.image_file_id}` : null,
    },
    price: {
      amount_cents: main.price.amount_cents,
      currency: main.price.currency,
      tax_included: main.product.tax_behavior === 'inclusive',
      interval: main.price.kind === 'recurring' ? main.price.interval : null,
    },
    bump:
      bump && bump.price.currency === main.price.currency
        ? { title: row.bump_title || bump.product.name, pitch: row.bump_pitch, product_name: bump.product.name, amount_cents: bump.price.amount_cents }
        : null,
    provider,
  };
}

/** The price ids an order on this page charges now: the main one, and the bump's when the buyer ticked it. */
export async function checkoutPrices(tenant: Tenant, page: TLivePage, withBump: boolean): Promise<{ priceId: string; bumpPriceId?: string } | undefined> {
  const row = await offerRowOfPage(tenant, page.id);
  if (!row) return undefined;
  const isOfferPage = (OFFER_PAGE_TYPES as readonly string[]).includes(page.pageType);
  return { priceId: row.price_id, ...(withBump && !isOfferPage && row.bump_price_id ? { bumpPriceId: row.bump_price_id } : {}) };
}
