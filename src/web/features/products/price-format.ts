import type { TFunction } from 'i18next';
import type { TPriceInterval, TProductPrice } from '../../../contracts/commerce-products.js';

/**
 * A price as people read it: its amount in its own currency, always with cents ("29,00 €", "$29.00"), and its
 * period for a recurring price ("29,00 €/mois"). Pure (the locale and the translator are passed in).
 */
export function formatPrice(locale: string, t: TFunction, price: Pick<TProductPrice, 'amount_cents' | 'currency' | 'interval'>): string {
  const amount = new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    price.amount_cents / 100,
  );
  return price.interval ? `${amount}${t(`products.interval.${price.interval}`)}` : amount;
}

/** The three ways to bill the person types in a form: once, monthly, yearly. */
export const BILLINGS = ['one_time', 'month', 'year'] as const;
export type TBilling = (typeof BILLINGS)[number];

/** The API's kind and interval of a billing choice. */
export function billingToPrice(billing: TBilling): { kind: 'one_time' | 'recurring'; interval: TPriceInterval | null } {
  return billing === 'one_time' ? { kind: 'one_time', interval: null } : { kind: 'recurring', interval: billing };
}

/** Euros typed in a field (29.9) as the API's cents (2990), without float noise. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}
