import { useTranslation } from 'react-i18next';

/** Formats euros in the interface's language (the product's currency until workspaces choose theirs). */
export function useFormatMoney(): (value: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'fr', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return (value) => format.format(value);
}
