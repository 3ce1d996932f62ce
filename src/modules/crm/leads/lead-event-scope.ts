import { AsyncLocalStorage } from 'node:async_hooks';

// What the code running now is writing lead events for. Two things, kept per async call chain:
// - the events recorded so far, so whoever opened the scope knows there is something to dispatch once its
//   transaction committed (publish-lead-events.ts nudges the outbox dispatcher);
// - the automation chain that caused them (`cause`), stored with each event in the outbox so the loop
//   guard still knows, when the event is dispatched, which automations led to it.

export type TLeadEventCause = { depth: number; chain: string[] };
export type TCollectedLeadEvent = {
  id: string;
  workspaceId: string;
  /** Set by the outbox dispatcher and recordLeadEvent (writers that collect events in bulk may leave it out). */
  leadId?: string;
  type: string;
  data: Record<string, unknown>;
  cause?: TLeadEventCause | null;
  /** Its writer did not rescore the lead: a debounced rescore is due (recordLeadEvent). */
  rescore?: boolean;
};

type TScope = { events: TCollectedLeadEvent[]; cause: TLeadEventCause | null; parent: TScope | undefined };

const scope = new AsyncLocalStorage<TScope>();

/** Called by the event writers for every event they write; a no-op outside a scope. Enclosing scopes see it too. */
export function collectLeadEvent(event: TCollectedLeadEvent): void {
  for (let current = scope.getStore(); current; current = current.parent) current.events.push(event);
}

/** The automation chain the current code runs for (null: a person, an import, a job). */
export function currentLeadEventCause(): TLeadEventCause | null {
  return scope.getStore()?.cause ?? null;
}

/** Runs fn and returns its result with the lead events recorded meanwhile (by fn and what it awaits). */
export async function collectLeadEvents<T>(fn: () => Promise<T>, cause?: TLeadEventCause): Promise<{ result: T; events: TCollectedLeadEvent[] }> {
  const events: TCollectedLeadEvent[] = [];
  const result = await scope.run({ events, cause: cause ?? currentLeadEventCause(), parent: scope.getStore() }, fn);
  return { result, events };
}
