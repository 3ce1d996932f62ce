import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSequence, TSequenceStep } from '../../../../contracts/email-sequences.js';
import { ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useUpdateSequence } from './use-sequence-mutations.js';

export type TStepProblem = ApiError['errors'][number];

/**
 * The steps being edited, apart from the saved ones until "Enregistrer" (one PATCH of the whole tree: the server checks
 * it as one). Held by the page, so switching tabs keeps the edits and "Activer" can save them first.
 */
export function useStepsDraft(sequence: TSequence) {
  const { t } = useTranslation();
  const [steps, setSteps] = useState<TSequenceStep[]>(sequence.steps);
  const [problems, setProblems] = useState<TStepProblem[]>([]);
  const update = useUpdateSequence(sequence.id);
  const dirty = JSON.stringify(steps) !== JSON.stringify(sequence.steps);

  /** Saves the draft; resolves false (errors shown) when the server refused it. */
  const save = async (): Promise<boolean> => {
    if (!dirty) return true;
    try {
      const saved = await update.mutateAsync({ steps });
      setSteps(saved.steps);
      setProblems([]);
      notifications.show({ color: 'teal', message: t('email.sequences.steps.saved') });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) setProblems(error.errors);
      else notifyError(error, t);
      return false;
    }
  };

  return {
    steps,
    /** Applies an edit; the problems found by the last save stay until the next one. */
    change: (edit: (current: TSequenceStep[]) => TSequenceStep[]) => setSteps(edit),
    dirty,
    saving: update.isPending,
    save,
    reset: () => {
      setSteps(sequence.steps);
      setProblems([]);
    },
    problems,
    setProblems,
  };
}

export type TStepsDraft = ReturnType<typeof useStepsDraft>;
