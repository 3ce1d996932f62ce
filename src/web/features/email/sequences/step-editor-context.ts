import { createContext, useContext } from 'react';
import type { TSequenceStep } from '../../../../contracts/email-sequences.js';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import type { limitsOf, TListKey } from './step-tree.js';

/** What every card of the step tree needs, handed down once instead of through each nested flow. */
export type TStepEditor = {
  readOnly: boolean;
  limits: ReturnType<typeof limitsOf>;
  /** The sequence's emails by id (subjects on the email cards). */
  emails: ReadonlyMap<string, TEmailCampaign>;
  /** The server's complaints about a step, in the reader's words. */
  problemsOf: (stepId: string) => string[];
  change: (edit: (steps: TSequenceStep[]) => TSequenceStep[]) => void;
  /** Creates the email on the server, then inserts its step. */
  addEmail: (key: TListKey, index: number) => void;
  addingEmail: boolean;
  /** Opens an email in the campaign editor, saving the steps first so the new step is not lost. */
  openEmail: (emailId: string) => void;
};

export const StepEditorContext = createContext<TStepEditor | null>(null);

export function useStepEditor(): TStepEditor {
  const value = useContext(StepEditorContext);
  if (!value) throw new Error('useStepEditor outside StepsEditor');
  return value;
}
