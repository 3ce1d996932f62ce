import { AsyncLocalStorage } from 'node:async_hooks';

// Collects the lead events recorded while a piece of code runs, so that whoever opened the scope
// can hand them to automations once the transaction that wrote them has committed
// (see publish-lead-events.ts). recordLeadEvent is the only writer: it calls collectLeadEvent.

export type TCollectedLeadEvent = { id: string; workspaceId: string; type: string; data: Record<string, unknown> };

const scope = new AsyncLocalStorage<TCollectedLeadEvent[]>();

/** Called by recordLeadEvent for every event it writes; a no-op outside a scope. */
export function collectLeadEvent(event: TCollectedLeadEvent): void {
  scope.getStore()?.push(event);
}

/** Runs fn and returns its result with the lead events recorded meanwhile (by fn and what it awaits). */
export async function collectLeadEvents<T>(fn: () => Promise<T>): Promise<{ result: T; events: TCollectedLeadEvent[] }> {
  const events: TCollectedLeadEvent[] = [];
  const result = await scope.run(events, fn);
  return { result, events };
}
