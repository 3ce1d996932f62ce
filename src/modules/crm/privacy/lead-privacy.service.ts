import { asc, eq, sql } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { automationRuns } from '../../automations/tables.js';
import { leadEvents, leadInteractions, leads, leadTasks } from '../leads/leads.tables.js';
import { leadSuppressions } from './privacy.tables.js';
import { emailHash } from './email-hash.js';
import { leadImportFailures } from '../imports/imports.tables.js';
import { getLead } from '../leads/leads.service.js';
import { leadScoreHistory } from '../scoring/scoring.tables.js';

/** Everything the workspace holds on one lead (GDPR access / portability), as plain JSON. */
export async function exportLeadData(tenant: Tenant, leadId: string) {
  const lead = await getLead(tenant, leadId);
  const byLead = <T extends typeof leadEvents | typeof leadInteractions | typeof leadTasks | typeof leadScoreHistory>(table: T) =>
    tenant.db.select().from(table as typeof leadEvents).where(tenant.where(table, eq(table.lead_id, leadId))).orderBy(asc(table.created_at));
  const [events, interactions, tasks, scoreHistory, runs] = await Promise.all([
    byLead(leadEvents),
    byLead(leadInteractions),
    byLead(leadTasks),
    byLead(leadScoreHistory),
    tenant.db.select().from(automationRuns).where(tenant.where(automationRuns, eq(automationRuns.lead_id, leadId))).orderBy(asc(automationRuns.created_at)),
  ]);
  return {
    exported_at: new Date().toISOString(),
    lead,
    events,
    interactions,
    tasks,
    score_history: scoreHistory,
    automation_runs: runs,
  };
}

/**
 * Erases a lead (GDPR erasure): its row and everything attached to it go, and its email stays
 * only as a SHA-256 hash on the suppression list, so an import or a form cannot bring it back.
 * Import reports that quoted the person's rows are removed too. All in one transaction.
 */
export async function eraseLead(tenant: Tenant, leadId: string): Promise<{ suppressed: boolean }> {
  const lead = await getLead(tenant, leadId);
  await tenant.db.transaction(async (tx) => {
    if (lead.email) {
      await tx
        .insert(leadSuppressions)
        .values({ workspace_id: tenant.workspaceId, email_hash: emailHash(lead.email), reason: 'erased' })
        .onConflictDoNothing();
      await tx
        .delete(leadImportFailures)
        .where(tenant.where(leadImportFailures, sql`position(${lead.email.toLowerCase()} in lower(${leadImportFailures.raw}::text)) > 0`));
    }
    // Runs keep a copy of the trigger event and webhook answers: they go with the lead.
    await tx.delete(automationRuns).where(tenant.where(automationRuns, eq(automationRuns.lead_id, leadId)));
    await tx.delete(leads).where(tenant.byId(leads, leadId));
  });
  return { suppressed: lead.email !== null };
}
