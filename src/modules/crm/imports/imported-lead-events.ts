import type { Db } from '../../../platform/db/database.js';

// An import does not write one `imported` lead event per lead: the lead's import_id is its record (timeline,
// segments). Per-lead events are only written, with their outbox rows, for workspaces where another module
// consumes them (an automation on "lead created", an outgoing webhook), so that consumer still gets one event
// per imported lead. Modules declare what they consume in modules/index.ts; the CRM does not import them.

/** True when this workspace has a consumer of per-lead `imported` events (one cheap query; run per batch). */
export type TImportedLeadEventsWanted = (db: Db, workspaceId: string) => Promise<boolean>;

const consumers: TImportedLeadEventsWanted[] = [];

/** Declares a consumer of `imported` lead events (once: the same function again changes nothing). */
export function wantImportedLeadEvents(check: TImportedLeadEventsWanted): void {
  if (!consumers.includes(check)) consumers.push(check);
}

/** Whether an import into this workspace must write per-lead `imported` events now. */
export async function importedLeadEventsWanted(db: Db, workspaceId: string): Promise<boolean> {
  for (const check of consumers) if (await check(db, workspaceId)) return true;
  return false;
}
