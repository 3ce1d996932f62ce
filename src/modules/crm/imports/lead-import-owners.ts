import { eq } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { users } from '../../accounts/index.js';
import { workspaceMembers } from '../../workspaces/index.js';
import type { TOwners } from './lead-import-mapping.js';

/** The workspace's members, whom an owner_id cell may name by id or by email. */
export async function workspaceOwners(tenant: Tenant): Promise<TOwners> {
  const rows = await tenant.db
    .select({ id: users.id, email: users.email })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.user_id))
    .where(tenant.where(workspaceMembers));
  return { ids: new Set(rows.map((r) => r.id)), byEmail: new Map(rows.map((r) => [r.email.toLowerCase(), r.id])) };
}
