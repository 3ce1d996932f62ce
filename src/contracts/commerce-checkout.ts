import { z } from 'zod';
import { ZEmail } from './common.js';
import { ZTestCardBody } from './commerce-payments.js';

// What a funnel page sells (its offer) and the buyer's side of a payment on the public server: the order form with
// its order bump, and one-click upsell and downsell pages (ARCHITECTURE.md, "Checkout").

/** Page types whose accept button charges the saved card in one click; the others sell through the order form. */
export const OFFER_PAGE_TYPES = ['upsell', 'downsell'] as const;

/** Longest order-bump headline and pitch (a checkbox line and a short paragraph). */
export const BUMP_TITLE_MAX = 120;
export const BUMP_PITCH_MAX = 600;

/**
 * A page's offer. On an order-form page (sales, VSL or opt-in with the order form block): the main price and an
 * optional order bump. On an upsell or downsell page: the one price its accept button charges (no bump there).
 */
export const ZPageOfferBody = z
  .strictObject({
    price_id: z.uuid(),
    bump_price_id: z.uuid().nullable().optional(),
    bump_title: z.string().trim().max(BUMP_TITLE_MAX).nullable().optional(),
    bump_pitch: z.string().trim().max(BUMP_PITCH_MAX).nullable().optional(),
  })
  .refine((body) => !body.bump_price_id || body.bump_price_id !== body.price_id, {
    path: ['bump_price_id'],
    message: 'the order bump must be another price than the main one',
  });
export type TPageOfferBody = z.infer<typeof ZPageOfferBody>;

const ZOfferPrice = z.object({
  price_id: z.uuid(),
  product_id: z.uuid(),
  product_name: z.string(),
  amount_cents: z.number().int(),
  currency: z.string(),
  /** False when the price or its product was archived since: the page cannot sell until the offer is changed. */
  sellable: z.boolean(),
});
export type TOfferPrice = z.infer<typeof ZOfferPrice>;

export const ZPageOffer = z.object({
  page_id: z.uuid(),
  price: ZOfferPrice,
  bump: ZOfferPrice.nullable(),
  bump_title: z.string().nullable(),
  bump_pitch: z.string().nullable(),
  updated_at: z.iso.datetime({ offset: true }),
});
export type TPageOffer = z.infer<typeof ZPageOffer>;

export const ZFunnelOffers = z.object({ items: z.array(ZPageOffer) });

/** What our checkout script reads to draw a page's order form or offer (public: no ids of leads, nothing private). */
export type TPublicOffer = {
  kind: 'order' | 'upsell' | 'downsell';
  language: 'fr' | 'en';
  product: { name: string; description: string | null; image_url: string | null };
  /** `interval`: a subscription's period (the buyer pays the first one now, then each period), null when paid once. */
  price: { amount_cents: number; currency: string; tax_included: boolean; interval: 'month' | 'year' | null };
  bump: { title: string; pitch: string | null; product_name: string; amount_cents: number } | null;
  provider: { kind: 'stripe' | 'test'; publishable_key: string | null; test_mode: boolean };
};

/** The order form's submission (our checkout script sends it as JSON). */
export const ZCheckoutBody = z.strictObject({
  email: ZEmail,
  name: z.string().trim().max(200).optional(),
  bump: z.boolean().default(false),
  idempotency_key: z.string().trim().min(16).max(100),
  utm_source: z.string().trim().max(200).optional(),
  utm_medium: z.string().trim().max(200).optional(),
  utm_campaign: z.string().trim().max(200).optional(),
});
export type TCheckoutBody = z.infer<typeof ZCheckoutBody>;

/** The test provider's card form, for the payment `client_secret` the checkout started. */
export const ZTestCardConfirmBody = z.strictObject({ client_secret: z.string().min(10).max(200), card: ZTestCardBody });
/** The test provider's 3-D Secure page: the buyer approves or refuses. */
export const ZTestAuthenticateBody = z.strictObject({ client_secret: z.string().min(10).max(200), approve: z.boolean() });
/** After Stripe.js handled 3-D Secure for an offer: the payment to check. */
export const ZOfferConfirmBody = z.strictObject({ payment_id: z.string().min(3).max(200) });

/** Every answer of the buyer's payment calls: go on (`redirect`), authenticate, or try again. */
export type TCheckoutAnswer =
  | { status: 'pay'; provider: 'stripe' | 'test'; client_secret: string; publishable_key: string | null; return_url: string }
  | { status: 'succeeded' | 'processing'; redirect: string }
  | { status: 'requires_action'; provider: 'stripe' | 'test'; client_secret: string; payment_id: string; publishable_key: string | null }
  | { status: 'failed'; code: string; message: string };
