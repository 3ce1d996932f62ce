import { flattenSteps, MAX_SEQUENCE_DEPTH, MAX_SEQUENCE_STEPS, type TSequenceStep } from '../../../../contracts/email-sequences.js';

// Pure edits of a sequence's step tree. A list of steps is named by where it hangs: the sequence itself ('root') or a
// condition's branch ('<condition id>:yes'); steps are found by id, which the client chooses and keeps across edits
// (enrollments point at them), so every edit returns a new tree and never renames a step.

export type TListKey = 'root' | `${string}:yes` | `${string}:no`;
export type TConditionStep = Extract<TSequenceStep, { type: 'condition' }>;

/** A short id unlikely to collide in one sequence ("s_k3f9x2ab"); the contract allows letters, digits, - and _. */
export function newStepId(taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const id = `s_${Math.random().toString(36).slice(2, 10)}`;
    if (!taken.has(id)) return id;
  }
}

/** Every step id of the tree. */
export function stepIds(steps: readonly TSequenceStep[]): Set<string> {
  return new Set(flattenSteps(steps).map(({ step }) => step.id));
}

/** Applies `edit` to the list named `key`, wherever it is in the tree. */
export function editList(steps: TSequenceStep[], key: TListKey, edit: (list: TSequenceStep[]) => TSequenceStep[]): TSequenceStep[] {
  if (key === 'root') return edit(steps);
  const [conditionId, branch] = key.split(':') as [string, 'yes' | 'no'];
  return steps.map((step) => {
    if (step.type !== 'condition') return step;
    if (step.id === conditionId) return { ...step, [branch]: edit(step[branch]) };
    return { ...step, yes: editList(step.yes, key, edit), no: editList(step.no, key, edit) };
  });
}

/** The tree with `step` inserted at `index` of the list `key`. */
export function insertStep(steps: TSequenceStep[], key: TListKey, index: number, step: TSequenceStep): TSequenceStep[] {
  return editList(steps, key, (list) => [...list.slice(0, index), step, ...list.slice(index)]);
}

/** The tree with the step at `index` of list `key` swapped with its neighbour (`delta` -1 up, +1 down). */
export function moveStep(steps: TSequenceStep[], key: TListKey, index: number, delta: -1 | 1): TSequenceStep[] {
  return editList(steps, key, (list) => {
    const target = index + delta;
    if (target < 0 || target >= list.length) return list;
    const next = [...list];
    [next[index], next[target]] = [next[target]!, next[index]!];
    return next;
  });
}

/** The tree without the step `id` (a condition goes with both its branches). */
export function removeStep(steps: TSequenceStep[], id: string): TSequenceStep[] {
  return steps
    .filter((step) => step.id !== id)
    .map((step) => (step.type === 'condition' ? { ...step, yes: removeStep(step.yes, id), no: removeStep(step.no, id) } : step));
}

/** The tree with the step `id` replaced by `next` (same id). */
export function replaceStep(steps: TSequenceStep[], id: string, next: TSequenceStep): TSequenceStep[] {
  return steps.map((step) => {
    if (step.id === id) return next;
    return step.type === 'condition' ? { ...step, yes: replaceStep(step.yes, id, next), no: replaceStep(step.no, id, next) } : step;
  });
}

/** What may still be added: the step budget, and whether a list at this depth may hold steps or a condition. */
export function limitsOf(steps: readonly TSequenceStep[]) {
  const full = flattenSteps(steps).length >= MAX_SEQUENCE_STEPS;
  return {
    full,
    /** Steps of a list at `depth` (root 0) are accepted below MAX_SEQUENCE_DEPTH. */
    canAddAt: (depth: number) => !full && depth < MAX_SEQUENCE_DEPTH,
    /** A condition's branches sit one level deeper: a condition whose branches could hold nothing is not offered. */
    canAddConditionAt: (depth: number) => !full && depth + 1 < MAX_SEQUENCE_DEPTH,
  };
}

/**
 * The step a server error points at: by id (activation errors: "steps.<step id>", params.step_id) or by position
 * (body validation: "steps.2.yes.0.amount" → the first step of the third step's yes branch); null for the whole list.
 */
export function stepAtPath(steps: readonly TSequenceStep[], path: string, stepId?: unknown): TSequenceStep | null {
  const all = flattenSteps(steps).map(({ step }) => step);
  const parts = path.replace(/^body\./, '').split('.');
  const byId = all.find((step) => step.id === stepId || (parts[0] === 'steps' && step.id === parts[1]));
  if (byId) return byId;
  if (parts[0] !== 'steps') return null;
  let list: readonly TSequenceStep[] = steps;
  let found: TSequenceStep | null = null;
  for (let i = 1; i < parts.length; i += 1) {
    const part = parts[i]!;
    if (/^\d+$/.test(part)) {
      found = list[Number(part)] ?? found;
      if (!list[Number(part)]) break;
    } else if ((part === 'yes' || part === 'no') && found?.type === 'condition') {
      list = found[part];
    } else break;
  }
  return found;
}
