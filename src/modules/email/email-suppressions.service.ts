import { desc, sql } from 'drizzle-orm';
import type { TEmailSuppressionBody } from '../../contracts/email-campaigns.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import { leads } from '../crm/tables.js';
import { emailSuppressions } from './email.tables.js';

// The workspace's suppression list as members see it (the Contacts tab): bounces and complaints written by the
// engine, and addresses a member blocked by hand. A member may restore any of them; the next campaign mails it.

/** The newest first, at most 500 (the tab pages through leads; this list stays short in practice). */
export function listSuppressions(tenant: Tenant) {
  return tenant.db.select().from(emailSuppressions).where(tenant.where(emailSuppressions)).orderBy(desc(emailSuppressions.created_at)).limit(500);
}

/** Blocks an address by hand (a second time: 409 naming it). */
export async function suppressAddress(tenant: Tenant, body: TEmailSuppressionBody) {
  const [row] = await tenant.db
    .insert(emailSuppressions)
    .values({ workspace_id: tenant.workspaceId, email: body.email.toLowerCase(), reason: 'manual', detail: body.detail ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    throw new AppError('conflict', 'This address is already on the suppression list', {
      reason: 'already_suppressed',
      errors: [{ path: 'body.email', message: 'already on the suppression list', code: 'already_suppressed' }],
    });
  }
  return row;
}

/** Takes an address off the list (it will be mailed again). */
export async function restoreAddress(tenant: Tenant, id: string): Promise<void> {
  await tenant.delete(emailSuppressions, id, 'Suppression');
}

/** How the workspace's leads stand for email: mailable, unsubscribed, without email; suppressed addresses by reason. */
export async function subscriptionSummary(tenant: Tenant) {
  const [leadCounts] = await tenant.db
    .select({
      total: sql<number>`count(*)::int`,
      no_email: sql<number>`count(*) FILTER (WHERE coalesce(${leads.email}, '') = '')::int`,
      unsubscribed: sql<number>`count(*) FILTER (WHERE coalesce(${leads.email}, '') <> '' AND ${leads.unsubscribed_at} IS NOT NULL)::int`,
    })
    .from(leads)
    .where(tenant.where(leads));
  const byReason = await tenant.db
    .select({ reason: emailSuppressions.reason, count: sql<number>`count(*)::int` })
    .from(emailSuppressions)
    .where(tenant.where(emailSuppressions))
    .groupBy(emailSuppressions.reason);
  const suppressed = { hard_bounce: 0, soft_bounces: 0, complaint: 0, manual: 0 };
  for (const row of byReason) suppressed[row.reason] = row.count;
  const total = leadCounts?.total ?? 0;
  const noEmail = leadCounts?.no_email ?? 0;
  const unsubscribed = leadCounts?.unsubscribed ?? 0;
  return { leads: total, subscribed: total - noEmail - unsubscribed, unsubscribed, no_email: noEmail, suppressed };
}
