import { useTranslation } from 'react-i18next';
import { AI_TONES, type TAiTone } from '../../../contracts/ai.js';

/**
 * The writing tones, named in the interface's language (Professionnel, Chaleureux…): the generation briefs, the brand
 * kit and the editors' "IA" menu.
 */
export function useToneOptions(): { value: TAiTone; label: string }[] {
  const { t } = useTranslation();
  return AI_TONES.map((value) => ({ value, label: t(`aiGenerate.tones.${value}`) }));
}
