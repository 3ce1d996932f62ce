import { useMemo } from 'react';
import { BREAK_EVEN_ROAS, GOOD_CTR } from '../../../contracts/ads.js';
import { createFormatters, useFormatters, type TFormatters } from '../../lib/format.js';

/** The dash shown for a ratio whose denominator is 0 (never a fake 0). */
export const NONE = '—';

/** Formatters in a campaign's own currency (its figures stay in the currency they were spent in). */
export function useCampaignFormat(currency: string | undefined): TFormatters {
  const base = useFormatters();
  return useMemo(() => (currency && currency !== base.currency ? createFormatters(base.locale, currency, base.timeZone) : base), [base, currency]);
}

/** Formats a nullable value, the dash for null. */
export function orNone(value: number | null | undefined, formatValue: (n: number) => string): string {
  return value === null || value === undefined ? NONE : formatValue(value);
}

/** ROAS as "2,4×" (revenue per unit spent). */
export function formatRoas(format: TFormatters, roas: number | null): string {
  return orNone(roas, (n) => `${format.number(n, 2)}×`);
}

export type TQuality = 'good' | 'poor' | null;

/** Spec thresholds: CTR above 1 % is good. */
export function ctrQuality(ctr: number | null): TQuality {
  return ctr === null ? null : ctr > GOOD_CTR ? 'good' : 'poor';
}

/** A ROAS at or above 1 pays for its spend. */
export function roasQuality(roas: number | null): TQuality {
  return roas === null ? null : roas >= BREAK_EVEN_ROAS ? 'good' : 'poor';
}

/** The theme's text colours that keep AA contrast in light and dark schemes. */
export function qualityColor(quality: TQuality): string | undefined {
  if (quality === 'good') return 'var(--mantine-color-teal-text)';
  if (quality === 'poor') return 'var(--mantine-color-red-text)';
  return undefined;
}
