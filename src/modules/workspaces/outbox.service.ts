import { desc } from 'drizzle-orm';
import type { Tenant } from '../../platform/db/tenant.js';
import { outboxMessages } from '../../platform/mail/outbox.tables.js';

const OUTBOX_PAGE = 200;

/** The workspace's most recent mails (invitations, campaigns...), newest first. */
export async function listOutbox(tenant: Tenant) {
  return tenant.db.select().from(outboxMessages).where(tenant.where(outboxMessages)).orderBy(desc(outboxMessages.created_at)).limit(OUTBOX_PAGE);
}

/** One mail of the workspace. */
export async function getOutboxMessage(tenant: Tenant, id: string) {
  return tenant.get(outboxMessages, id, 'Mail');
}
