import { useTranslation } from 'react-i18next';
import { FUNNEL_PAGE_ROLES, type TFunnelPageRole } from '../../../contracts/ai.js';

const STEPS = ['copy', 'segment', 'visuals', 'save'] as const;

/** A progress step as the user reads it: `copy` → "Rédaction des textes…", `page:sales` → "Page de vente…". */
export function useStepLabel(): (step: string) => string {
  const { t } = useTranslation();
  return (step) => {
    if (step.startsWith('page:')) {
      const role = step.slice('page:'.length);
      if ((FUNNEL_PAGE_ROLES as readonly string[]).includes(role))
        return t('aiGenerate.steps.page', { page: t(`aiGenerate.roles.${role as TFunnelPageRole}`) });
    }
    const known = STEPS.find((value) => value === step);
    return known ? t(`aiGenerate.steps.${known}`) : t('aiGenerate.steps.other');
  };
}
