import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { workspaceMembers } from '../workspaces/index.js';
import { crmSettings } from './crm.tables.js';

/**
 * The owner for a new lead that has none, when round-robin is enabled: the next member of the
 * rotation, or null. Call it inside the transaction that creates the lead. The counter is taken
 * with one atomic UPDATE … RETURNING, so concurrent creations each get their own slot (the row
 * stays locked until the caller commits). Members who left the workspace are skipped.
 */
export async function nextRoundRobinOwner(tx: Db, workspaceId: string): Promise<string | null> {
  const [slot] = await tx
    .update(crmSettings)
    .set({ round_robin_counter: sql`${crmSettings.round_robin_counter} + 1` })
    .where(
      and(
        eq(crmSettings.workspace_id, workspaceId),
        eq(crmSettings.round_robin_enabled, true),
        sql`cardinality(${crmSettings.round_robin_member_ids}) > 0`,
      ),
    )
    .returning({ counter: crmSettings.round_robin_counter, memberIds: crmSettings.round_robin_member_ids });
  if (!slot) return null;
  const present = await tx
    .select({ user_id: workspaceMembers.user_id })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspace_id, workspaceId), inArray(workspaceMembers.user_id, slot.memberIds)));
  const stillHere = new Set(present.map((row) => row.user_id));
  // The rotation's order is the settings' order, without the members who left.
  const rotation = slot.memberIds.filter((id) => stillHere.has(id));
  if (rotation.length === 0) return null;
  return rotation[(slot.counter - 1) % rotation.length]!;
}
