import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { resources, SUPPORTED_LANGUAGES, type TLanguage } from '../i18n/resources.js';

export const LANGUAGE_STORAGE_KEY = 'mk-language';

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: SUPPORTED_LANGUAGES,
    fallbackLng: 'fr',
    load: 'languageOnly',
    interpolation: { escapeValue: false }, // React already escapes
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      // Browsers report "fr-FR", "en-GB"...: keep only the language.
      convertDetectedLanguage: (lng: string) => lng.split('-')[0] ?? lng,
    },
  });

function syncHtmlLang(lng: string): void {
  document.documentElement.lang = currentLanguage(lng);
}
syncHtmlLang(i18n.resolvedLanguage ?? 'fr');
i18n.on('languageChanged', syncHtmlLang);

/** The supported language in use (the resolved one, never a regional variant). */
export function currentLanguage(lng = i18n.resolvedLanguage ?? i18n.language): TLanguage {
  const base = lng.split('-')[0];
  return SUPPORTED_LANGUAGES.find((l) => l === base) ?? 'fr';
}
