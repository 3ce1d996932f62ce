import { flattenSteps, type TSequenceStep } from '../../../contracts/email-sequences.js';

// How a lead moves through a sequence's tree of steps: one after the other, into a condition's yes or no branch,
// and out of a branch to the step after its condition (branches join again).

type TStepNode = {
  step: TSequenceStep;
  /** The step after this one once it is done: the next in its list, or after the enclosing condition; null: the end. */
  next: string | null;
};

/** A sequence's steps by id, each with the step that follows it. */
export class StepIndex {
  private readonly nodes = new Map<string, TStepNode>();
  readonly first: string | null;

  constructor(readonly steps: readonly TSequenceStep[]) {
    this.first = this.add(steps, null);
  }

  /** Indexes a list whose last step continues with `after`; returns the id a lead reaching the list goes to. */
  private add(list: readonly TSequenceStep[], after: string | null): string | null {
    list.forEach((step, i) => {
      const next = list[i + 1]?.id ?? after;
      this.nodes.set(step.id, { step, next });
      if (step.type === 'condition') {
        this.add(step.yes, next);
        this.add(step.no, next);
      }
    });
    return list[0]?.id ?? after;
  }

  get(id: string | null): TSequenceStep | undefined {
    return id === null ? undefined : this.nodes.get(id)?.step;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Where a lead goes once step `id` is done (for a condition: `branch` says which way). */
  after(id: string, branch?: 'yes' | 'no'): string | null {
    const node = this.nodes.get(id);
    if (!node) return null;
    if (node.step.type === 'condition' && branch) {
      const list = branch === 'yes' ? node.step.yes : node.step.no;
      return list[0]?.id ?? node.next;
    }
    return node.next;
  }

  ids(): string[] {
    return [...this.nodes.keys()];
  }
}

/**
 * The rule for a live sequence's edit (ARCHITECTURE.md, "Sequences"): a lead at a step that no longer exists goes
 * to the first step after it, in the old order, that still exists (null: the end, the enrollment completes). Steps
 * kept keep their leads, wherever they moved.
 */
export function relocationsOf(before: readonly TSequenceStep[], after: readonly TSequenceStep[]): Map<string, string | null> {
  const old = new StepIndex(before);
  const kept = new StepIndex(after);
  const moves = new Map<string, string | null>();
  for (const id of old.ids()) {
    if (kept.has(id)) continue;
    let next = old.after(id);
    // A removed condition's leads skip its branches: they go where the condition led on.
    while (next !== null && !kept.has(next)) next = old.after(next);
    moves.set(id, next);
  }
  return moves;
}

/** The email ids an email step names. */
export function emailIdsOf(steps: readonly TSequenceStep[]): string[] {
  return flattenSteps(steps).flatMap(({ step }) => (step.type === 'email' ? [step.email_id] : []));
}
