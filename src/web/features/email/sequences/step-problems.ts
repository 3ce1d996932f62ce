import { useTranslation } from 'react-i18next';
import type { TSequenceStep } from '../../../../contracts/email-sequences.js';
import { translateFieldError } from '../../../lib/api.js';
import { stepAtPath } from './step-tree.js';
import type { TStepProblem } from './use-steps-draft.js';

/**
 * The server's validation errors sorted out: those that point at a step (by its path, "steps.1.yes.0") go on its card,
 * the others ("steps": too many, no steps) above the flow. `email_not_ready` names the missing email fields in words.
 */
export function useStepProblems(steps: readonly TSequenceStep[], problems: readonly TStepProblem[]) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.resolvedLanguage ?? 'fr', { type: 'conjunction' });
  const message = (problem: TStepProblem): string => {
    const fields = problem.params?.fields;
    if (problem.code === 'email_not_ready') {
      // Only the fields we can name in words; otherwise the general sentence (subject, content, sender).
      const keys = (Array.isArray(fields) ? fields : []).map((field) => `email.sequences.errors.fields.${String(field)}`).filter((key) => i18n.exists(key));
      const names = [...new Set(keys)].map((key) => t(key as never));
      return names.length > 0 ? t('email.sequences.errors.emailMissing', { fields: list.format(names) }) : t('errors.reasons.email_not_ready');
    }
    return translateFieldError(problem);
  };
  const byStep = new Map<string, string[]>();
  const general: string[] = [];
  for (const problem of problems) {
    const step = stepAtPath(steps, problem.path, problem.params?.step_id);
    if (step) byStep.set(step.id, [...(byStep.get(step.id) ?? []), message(problem)]);
    else general.push(message(problem));
  }
  return { problemsOf: (id: string) => byStep.get(id) ?? [], general };
}
