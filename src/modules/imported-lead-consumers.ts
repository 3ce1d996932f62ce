import { and, eq, sql } from 'drizzle-orm';
import { WEBHOOK_ALL_EVENTS } from '../contracts/webhooks.js';
import type { Db } from '../platform/db/database.js';
import { automations } from './automations/tables.js';
import { wantImportedLeadEvents } from './crm/index.js';
import { webhookEndpoints } from './webhooks/index.js';

// Who consumes per-lead `imported` events, so that a CSV import writes them (with their outbox rows) only
// for workspaces that have such a consumer (crm/imports/imported-lead-events.ts); otherwise leads.import_id
// is the only record of the import, and a 100,000-row import writes no 100,000 events.

async function exists(query: Promise<unknown[]>): Promise<boolean> {
  return (await query).length > 0;
}

/** Automations on "lead created" start for imported leads (automation-triggers.ts maps `imported` to it). */
function automationOnLeadCreated(db: Db, workspaceId: string): Promise<boolean> {
  return exists(
    db
      .select({ id: automations.id })
      .from(automations)
      .where(and(eq(automations.workspace_id, workspaceId), eq(automations.active, true), sql`${automations.trigger} ->> 'type' = 'lead_created'`))
      .limit(1),
  );
}

/** Outgoing webhooks subscribed to `lead.imported` (or to everything) get one call per imported lead. */
function webhookOnLeadImported(db: Db, workspaceId: string): Promise<boolean> {
  return exists(
    db
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.workspace_id, workspaceId),
          eq(webhookEndpoints.is_active, true),
          sql`${webhookEndpoints.event_types} && ${`{lead.imported,${WEBHOOK_ALL_EVENTS}}`}::text[]`,
        ),
      )
      .limit(1),
  );
}

/** Declares both consumers to the CRM's import (modules/index.ts calls it once, beside subscribeToLeadEvents). */
export function declareImportedLeadEventConsumers(): void {
  wantImportedLeadEvents(automationOnLeadCreated);
  wantImportedLeadEvents(webhookOnLeadImported);
}
