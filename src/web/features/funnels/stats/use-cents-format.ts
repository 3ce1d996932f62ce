import { useMemo } from 'react';
import { createFormatters, useFormatters } from '../../../lib/format.js';

/** Formats an amount in cents of the sales report's currency (the funnel's, which may differ from the workspace's). */
export type TCentsFormat = (cents: number) => string;

/** Cents of `currency` formatted by `Intl` in the interface's language ("1 240 €", "55,20 €"). */
export function useCentsFormat(currency: string): TCentsFormat {
  const { locale, timeZone } = useFormatters();
  return useMemo(() => {
    const { money } = createFormatters(locale, currency, timeZone);
    return (cents: number) => money(cents / 100);
  }, [locale, currency, timeZone]);
}
