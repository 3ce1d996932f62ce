import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { users } from '../accounts/index.js';
import { workspaceMembers } from '../workspaces/index.js';
import { crmSettings } from './crm.tables.js';
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

/**
 * Owners for `count` new leads that have none, when round-robin is on: the same rotation as
 * nextRoundRobinOwner (round-robin.service.ts), but `count` slots taken with one UPDATE for the
 * whole batch. Empty when round-robin is off. Call it inside the batch's transaction.
 */
export async function roundRobinOwners(tx: Db, workspaceId: string, count: number): Promise<(string | null)[]> {
  if (count === 0) return [];
  const [slot] = await tx
    .update(crmSettings)
    .set({ round_robin_counter: sql`${crmSettings.round_robin_counter} + ${count}` })
    .where(and(eq(crmSettings.workspace_id, workspaceId), eq(crmSettings.round_robin_enabled, true), sql`cardinality(${crmSettings.round_robin_member_ids}) > 0`))
    .returning({ counter: crmSettings.round_robin_counter, memberIds: crmSettings.round_robin_member_ids });
  if (!slot) return [];
  const present = await tx
    .select({ user_id: workspaceMembers.user_id })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspace_id, workspaceId), inArray(workspaceMembers.user_id, slot.memberIds)));
  const stillHere = new Set(present.map((row) => row.user_id));
  const rotation = slot.memberIds.filter((id) => stillHere.has(id));
  if (rotation.length === 0) return [];
  // Slots first..counter, in the rows' order: slot s goes to rotation[(s - 1) mod n].
  const first = slot.counter - count + 1;
  return Array.from({ length: count }, (_, i) => rotation[(first + i - 1) % rotation.length]!);
}
