import { and, asc, eq, sql } from 'drizzle-orm';
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
    tenant.db
      .select()
      .from(table as typeof leadEvents)
      .where(tenant.where(table, eq(table.lead_id, leadId)))
      .orderBy(asc(table.created_at));
  const [events, interactions, tasks, scoreHistory, runs] = await Promise.all([
    byLead(leadEvents),
    byLead(leadInteractions),
    byLead(leadTasks),
    byLead(leadScoreHistory),
    tenant.db
      .select()
      .from(automationRuns)
      .where(tenant.where(automationRuns, eq(automationRuns.lead_id, leadId)))
      .orderBy(asc(automationRuns.created_at)),
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
 * Erases a lead (GDPR erasure): its row and everything attached to it go, and its emails stay
 * only as SHA-256 hashes on the suppression list, so an import or a form cannot bring them back.
 * "Its emails" are the current one and every earlier one its `field_changed` events remember:
 * a person who changed address must not come back under the old one. Import report rows that
 * quoted any of those emails or the person's full name are removed too. All in one transaction.
 */
export async function eraseLead(tenant: Tenant, leadId: string): Promise<{ suppressed: boolean }> {
  const lead = await getLead(tenant, leadId);
  const fullName = [lead.first_name, lead.last_name]
    .filter((part) => part && part.trim())
    .join(' ')
    .trim();
  await tenant.db.transaction(async (tx) => {
    const emails = await everyEmail(tx, tenant, leadId, lead.email);
    if (emails.length > 0) {
      await tx
        .insert(leadSuppressions)
        .values(emails.map((email) => ({ workspace_id: tenant.workspaceId, email_hash: emailHash(email), reason: 'erased' as const })))
        .onConflictDoNothing();
    }
    // Report rows are raw CSV cells: match case-insensitively anywhere in the row. A name alone
    // ("Jules") is too common to erase by; the full name (first and last) is specific enough.
    const needles = [...emails, ...(fullName.includes(' ') ? [fullName.toLowerCase()] : [])];
    if (needles.length > 0) {
      const raw = sql`lower(${leadImportFailures.raw}::text)`;
      const matches = sql.join(
        needles.map((needle) => sql`position(${needle} in ${raw}) > 0`),
        sql` OR `,
      );
      await tx.delete(leadImportFailures).where(tenant.where(leadImportFailures, sql`(${matches})`));
    }
    // Runs keep a copy of the trigger event and webhook answers: they go with the lead.
    await tx.delete(automationRuns).where(tenant.where(automationRuns, eq(automationRuns.lead_id, leadId)));
    await tx.delete(leads).where(tenant.byId(leads, leadId));
  });
  return { suppressed: lead.email !== null };
}

/** The lead's current email and every earlier value its `field_changed` events kept, trimmed and lower-cased. */
async function everyEmail(tx: Pick<Tenant['db'], 'select'>, tenant: Tenant, leadId: string, current: string | null): Promise<string[]> {
  const changes = await tx
    .select({ data: leadEvents.data })
    .from(leadEvents)
    .where(
      tenant.where(leadEvents, and(eq(leadEvents.lead_id, leadId), eq(leadEvents.event_type, 'field_changed'), sql`${leadEvents.data}->>'field' = 'email'`)),
    );
  const all = [current, ...changes.flatMap(({ data }) => [data.from, data.to])];
  const emails = all.filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim().toLowerCase());
  return [...new Set(emails)];
}
