import { useTranslation } from 'react-i18next';

/** Formats ISO timestamps as date + time in the interface's language. */
export function useFormatDate(): (iso: string, withTime?: boolean) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  return (iso, withTime = true) =>
    new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(
      new Date(iso),
    );
}
