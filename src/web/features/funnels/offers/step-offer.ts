import { OFFER_PAGE_TYPES } from '../../../../contracts/commerce-checkout.js';
import type { TFunnelPageType } from '../../../../contracts/funnels.js';

/** Upsell and downsell pages sell one product by one click; the others through the order form. */
export function isOfferPage(type: TFunnelPageType): boolean {
  return (OFFER_PAGE_TYPES as readonly string[]).includes(type);
}

/** The steps that usually sell: their card shows what they sell, or that nothing is chosen yet (others only when they have checkout blocks). */
export function sellingStep(type: TFunnelPageType): boolean {
  return type === 'sales' || isOfferPage(type);
}
