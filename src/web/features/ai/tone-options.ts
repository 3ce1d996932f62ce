import { useTranslation } from 'react-i18next';
import { AI_TONES } from '../../../contracts/ai.js';

/** The tones a brief can ask for, named in the interface's language. */
export function useToneOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  return AI_TONES.map((value) => ({ value, label: t(`aiGenerate.tones.${value}`) }));
}
