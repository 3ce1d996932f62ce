import { and, eq } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { emailHash } from './email-hash.js';
import { leadSuppressions } from './privacy.tables.js';

// The suppression list on its own: creating a lead checks it, erasing a lead (lead-privacy.service.ts) writes it.

/** True when this email belongs to an erased person of the workspace. */
export async function isSuppressed(tenant: Tenant, email: string): Promise<boolean> {
  const [row] = await tenant.db
    .select({ id: leadSuppressions.id })
    .from(leadSuppressions)
    .where(and(eq(leadSuppressions.workspace_id, tenant.workspaceId), eq(leadSuppressions.email_hash, emailHash(email))));
  return row !== undefined;
}

/** Refuses to create a lead for an erased person (409 naming the email). */
export async function assertNotSuppressed(tenant: Tenant, email: string | null | undefined): Promise<void> {
  if (!email || !(await isSuppressed(tenant, email))) return;
  throw new AppError('conflict', 'This person was erased at their request; their email is on the suppression list', {
    errors: [{ path: 'body.email', message: 'erased on request (suppression list)', code: 'email_suppressed' }],
  });
}
