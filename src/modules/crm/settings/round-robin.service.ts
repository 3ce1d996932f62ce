import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { workspaceMembers } from '../../workspaces/index.js';
import { crmSettings } from './crm-settings.tables.js';

/**
 * The owner for a new lead that has none, when round-robin is enabled: the next member of the
 * rotation, or null. Call it inside the transaction that creates the lead.
 */
export async function nextRoundRobinOwner(tx: Db, workspaceId: string): Promise<string | null> {
  const [owner] = await roundRobinOwners(tx, workspaceId, 1);
  return owner ?? null;
}

/**
 * Owners for `count` new leads without one (an import batch takes all its slots at once); empty when
 * round-robin is off. The counter moves with one atomic UPDATE … RETURNING, so concurrent creations
 * each get their own slots (the row stays locked until the caller commits). Members who left the
 * workspace are skipped; the rotation's order is the settings' order.
 */
export async function roundRobinOwners(tx: Db, workspaceId: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const [slot] = await tx
    .update(crmSettings)
    .set({ round_robin_counter: sql`${crmSettings.round_robin_counter} + ${count}` })
    .where(
      and(eq(crmSettings.workspace_id, workspaceId), eq(crmSettings.round_robin_enabled, true), sql`cardinality(${crmSettings.round_robin_member_ids}) > 0`),
    )
    .returning({ counter: crmSettings.round_robin_counter, memberIds: crmSettings.round_robin_member_ids });
  if (!slot) return [];
  const present = await tx
    .select({ user_id: workspaceMembers.user_id })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspace_id, workspaceId), inArray(workspaceMembers.user_id, slot.memberIds)));
  const stillHere = new Set(present.map((row) => row.user_id));
  const rotation = slot.memberIds.filter((id) => stillHere.has(id));
  if (rotation.length === 0) return [];
  // Slots first..counter, in order: slot s goes to rotation[(s - 1) mod n].
  const first = slot.counter - count + 1;
  return Array.from({ length: count }, (_, i) => rotation[(first + i - 1) % rotation.length]!);
}
