import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/session.js';

/** The product's currency until a workspace chooses its own. */
export const DEFAULT_CURRENCY = 'EUR';

/**
 * Every number, amount, ratio, duration and date the interface shows, formatted by `Intl` in one locale and
 * one currency, so the card, the drawer and the KPIs agree ("4 575 €" everywhere in French, "€4,575" in English).
 */
export type TFormatters = {
  locale: string;
  currency: string;
  /** IANA time zone dates and times are shown in (the workspace's). */
  timeZone: string | undefined;
  /** 12 500 / 12,500; up to `maxDigits` decimals (2 by default). */
  number: (value: number, maxDigits?: number) => string;
  /** An amount in the workspace's currency: no cents when whole ("4 575 €"), two digits otherwise ("4 575,50 €"). */
  money: (value: number) => string;
  /** A ratio between 0 and 1 as a percentage: 0.51 → "51 %" (fr) / "51%" (en). */
  percent: (ratio: number, maxDigits?: number) => string;
  /** A number of days: "18,6 j" (fr) / "18.6 days" (en). */
  days: (value: number) => string;
  /** An ISO timestamp as a date ("1 déc. 2026"). */
  date: (iso: string | Date) => string;
  /** An ISO timestamp as a date and a time ("1 déc. 2026, 15:02"). */
  dateTime: (iso: string | Date) => string;
};

/**
 * Builds the formatters for a locale ("fr", "en"), an ISO 4217 currency ("EUR") and a time zone
 * ("Europe/Paris"; the browser's when undefined). Pure: used by the hook and the tests.
 */
export function createFormatters(locale: string, currency: string = DEFAULT_CURRENCY, timeZone?: string): TFormatters {
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (maxDigits: number) => {
    let format = numberFormats.get(maxDigits);
    if (!format) numberFormats.set(maxDigits, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits })));
    return format;
  };
  const wholeMoney = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const centsMoney = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: locale.startsWith('en') ? 'long' : 'short', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
  return {
    locale,
    currency,
    timeZone,
    number: (value, maxDigits = 2) => numberFormat(maxDigits).format(value),
    money: (value) => (Number.isInteger(Math.round(value * 100) / 100) ? wholeMoney : centsMoney).format(value),
    percent: (ratio, maxDigits = 0) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: maxDigits }).format(ratio),
    days: (value) => days.format(value),
    date: (value) => date.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
  };
}

/** The currency and time zone of the signed-in workspace (EUR and the browser's zone before sign-in). */
function useWorkspaceSettings(): { currency: string; timeZone: string | undefined } {
  const { data: me } = useMe();
  return { currency: me?.workspace.currency ?? DEFAULT_CURRENCY, timeZone: me?.workspace.timezone };
}

/** The formatters of the interface's language and the workspace's currency: the one place pages format values. */
export function useFormatters(): TFormatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const { currency, timeZone } = useWorkspaceSettings();
  return useMemo(() => createFormatters(locale, currency, timeZone), [locale, currency, timeZone]);
}

/** Formats ISO timestamps as date + time (or date only) in the interface's language. */
export function useFormatDate(): (iso: string, withTime?: boolean) => string {
  const format = useFormatters();
  return (iso, withTime = true) => (withTime ? format.dateTime(iso) : format.date(iso));
}
