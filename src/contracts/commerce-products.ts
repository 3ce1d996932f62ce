import { z } from 'zod';
import { DEFAULT_CURRENCY, ZCurrency, ZId, ZTimestamp } from './common.js';

// Products and their prices (issue 13, part 1): what a funnel's order form, order bump, upsell and downsell sell.
// Amounts travel in cents (integers). A price is immutable once created except its nickname, whether it is active
// and whether it is the product's default: to change an amount, add a price and archive the old one (as Stripe does),
// so an order always points at the amount it was sold for.

export const PRODUCT_STATUSES = ['active', 'archived'] as const;
export const ZProductStatus = z.enum(PRODUCT_STATUSES);
export type TProductStatus = z.infer<typeof ZProductStatus>;

/** `inclusive`: the amounts include VAT (TTC); `exclusive`: VAT is added on top (HT). */
export const TAX_BEHAVIORS = ['inclusive', 'exclusive'] as const;
export const ZTaxBehavior = z.enum(TAX_BEHAVIORS);
export type TTaxBehavior = z.infer<typeof ZTaxBehavior>;

export const PRICE_KINDS = ['one_time', 'recurring'] as const;
export const ZPriceKind = z.enum(PRICE_KINDS);
export type TPriceKind = z.infer<typeof ZPriceKind>;

export const PRICE_INTERVALS = ['month', 'year'] as const;
export const ZPriceInterval = z.enum(PRICE_INTERVALS);
export type TPriceInterval = z.infer<typeof ZPriceInterval>;

/** The currencies the product screens offer; the API takes any ISO 4217 code. */
export const PRODUCT_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD'] as const;

/** Largest amount of one price: 1,000,000.00 in the currency (also a CHECK in the table). */
export const MAX_PRICE_AMOUNT_CENTS = 100_000_000;
/** Most prices one product holds (archived ones included). */
export const MAX_PRICES_PER_PRODUCT = 200;
/** Most products in a workspace (archived ones included). */
export const MAX_PRODUCTS_PER_WORKSPACE = 5_000;
/** Largest VAT rate in basis points (100 %). */
export const MAX_TAX_RATE_BPS = 10_000;

const ZName = z.string().trim().min(1).max(120);
const ZDescription = z.string().trim().max(2000);
const ZNickname = z.string().trim().max(80);

/** One price of a product as the API shows it. */
export const ZProductPrice = z.object({
  id: ZId,
  product_id: ZId,
  kind: ZPriceKind,
  /** Billing period of a recurring price; null for a one-time price. */
  interval: ZPriceInterval.nullable(),
  /** In cents of `currency`, 1 to 100,000,000. */
  amount_cents: z.number().int(),
  currency: z.string(),
  nickname: z.string().nullable(),
  /** The price shown and sold when a page does not choose one: exactly one per product. */
  is_default: z.boolean(),
  /** An archived price (false) stays on the orders that used it but is not sold any more. */
  active: z.boolean(),
  stripe_price_id: z.string().nullable(),
  created_at: ZTimestamp,
});
export type TProductPrice = z.infer<typeof ZProductPrice>;

/** A product as the API shows it, with its prices (default first, then oldest first). */
export const ZProduct = z.object({
  id: ZId,
  name: z.string(),
  description: z.string().nullable(),
  /** A file of the media library, and its public address. */
  image_file_id: ZId.nullable(),
  image_url: z.string().nullable(),
  status: ZProductStatus,
  tax_behavior: ZTaxBehavior,
  /** VAT rate in basis points (2000 = 20 %), printed on the built-in provider's receipts; null: none stated. */
  tax_rate_bps: z.number().int().nullable(),
  /** Stripe Tax computes the tax at checkout (when the workspace's Stripe account has it enabled). */
  stripe_tax: z.boolean(),
  stripe_product_id: z.string().nullable(),
  prices: z.array(ZProductPrice),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TProduct = z.infer<typeof ZProduct>;

export const ZProductList = z.object({ items: z.array(ZProduct), next_cursor: z.string().nullable() });
export type TProductList = z.infer<typeof ZProductList>;

export const ZProductListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  status: ZProductStatus.optional(),
  /** Part of the name, any case. */
  q: z.string().trim().max(120).optional(),
});
export type TProductListQuery = z.infer<typeof ZProductListQuery>;

/** A new price. One-time prices have no interval; recurring ones need `month` or `year`. */
export const ZPriceCreateBody = z
  .strictObject({
    kind: ZPriceKind,
    interval: ZPriceInterval.nullable().optional(),
    amount_cents: z.number().int().min(1).max(MAX_PRICE_AMOUNT_CENTS),
    currency: ZCurrency.default(DEFAULT_CURRENCY),
    nickname: ZNickname.nullable().optional(),
    /** Makes it the product's default (the former default stays, not default). */
    is_default: z.boolean().optional(),
  })
  .superRefine((price, ctx) => {
    if (price.kind === 'recurring' && !price.interval)
      ctx.addIssue({
        code: 'custom',
        path: ['interval'],
        message: 'a recurring price needs an interval (month or year)',
        params: { code: 'interval_required' },
      });
    if (price.kind === 'one_time' && price.interval)
      ctx.addIssue({ code: 'custom', path: ['interval'], message: 'a one-time price has no interval', params: { code: 'interval_not_allowed' } });
  });
export type TPriceCreateBody = z.infer<typeof ZPriceCreateBody>;

const ZTaxRateBps = z.number().int().min(0).max(MAX_TAX_RATE_BPS);

export const ZProductCreateBody = z
  .strictObject({
    name: ZName,
    description: ZDescription.nullable().optional(),
    image_file_id: ZId.nullable().optional(),
    status: ZProductStatus.optional(),
    tax_behavior: ZTaxBehavior.optional(),
    tax_rate_bps: ZTaxRateBps.nullable().optional(),
    stripe_tax: z.boolean().optional(),
    /** At least one; the one marked `is_default` (else the first) is the default. */
    prices: z.array(ZPriceCreateBody).min(1).max(MAX_PRICES_PER_PRODUCT),
  })
  .superRefine((product, ctx) => {
    if (product.prices.filter((price) => price.is_default).length > 1)
      ctx.addIssue({ code: 'custom', path: ['prices'], message: 'only one price can be the default', params: { code: 'one_default_price' } });
  });
export type TProductCreateBody = z.infer<typeof ZProductCreateBody>;

/** What can change on a product (its prices change through their own routes). */
export const ZProductUpdateBody = z.strictObject({
  name: ZName.optional(),
  description: ZDescription.nullable().optional(),
  image_file_id: ZId.nullable().optional(),
  status: ZProductStatus.optional(),
  tax_behavior: ZTaxBehavior.optional(),
  tax_rate_bps: ZTaxRateBps.nullable().optional(),
  stripe_tax: z.boolean().optional(),
});
export type TProductUpdateBody = z.infer<typeof ZProductUpdateBody>;

/** What can change on a price: never its amount, currency, kind or interval. */
export const ZPriceUpdateBody = z.strictObject({
  nickname: ZNickname.nullable().optional(),
  active: z.boolean().optional(),
  /** true makes it the default (the former one is not any more); false is refused: choose another price instead. */
  is_default: z.boolean().optional(),
});
export type TPriceUpdateBody = z.infer<typeof ZPriceUpdateBody>;

export const ZProductDuplicateBody = z.strictObject({ name: ZName.optional() });

export const ZProductPriceParams = z.object({ id: ZId, priceId: ZId });
