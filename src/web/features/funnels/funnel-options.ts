import { useTranslation } from 'react-i18next';
import { FUNNEL_LANGUAGES } from '../../../contracts/funnels.js';

/** The languages a funnel's pages can be written in, named in the interface's language ("Français", "Anglais"). */
export function useLanguageOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  return FUNNEL_LANGUAGES.map((value) => ({ value, label: t(`funnelList.languages.${value}`) }));
}
