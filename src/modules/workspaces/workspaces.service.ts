import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { TRole } from '../../contracts/common.js';
import type { TWorkspaceUpdateBody } from '../../contracts/workspaces.js';
import type { Db } from '../../platform/db/database.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TAuth } from '../../platform/auth/access.js';
import { users } from '../accounts/tables.js';
import { capKeysOf, revokeKeysOf } from './api-keys.service.js';
import { workspaceMembers, workspaces } from './workspaces.tables.js';
import { WORKSPACE_LIMITS } from '../../contracts/limits.js';

export type TWorkspaceRow = typeof workspaces.$inferSelect;

/** Creates a workspace with `ownerUserId` as its owner. */
export async function createWorkspace(db: Db, input: { name: string; ownerUserId: string; timezone?: string; currency?: string }): Promise<TWorkspaceRow> {
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: input.name, ...(input.timezone ? { timezone: input.timezone } : {}), ...(input.currency ? { currency: input.currency } : {}) })
      .returning();
    await tx.insert(workspaceMembers).values({ workspace_id: workspace!.id, user_id: input.ownerUserId, role: 'owner' });
    return workspace!;
  });
}

/** Reads a workspace by id. */
export async function getWorkspace(db: Db, workspaceId: string): Promise<TWorkspaceRow> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('Workspace');
  return row;
}

/** Renames the caller's workspace. */
export async function updateWorkspace(db: Db, workspaceId: string, change: TWorkspaceUpdateBody): Promise<TWorkspaceRow> {
  const [row] = await db.update(workspaces).set(change).where(eq(workspaces.id, workspaceId)).returning();
  if (!row) throw notFound('Workspace');
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user's role in a workspace, or null when they are not a member (a malformed id is no member:
 * answered without a query, so callers need not catch). Database errors propagate.
 */
export async function roleIn(db: Db, userId: string, workspaceId: string): Promise<TRole | null> {
  if (!UUID.test(userId)) return null;
  const [row] = await db
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.user_id, userId), eq(workspaceMembers.workspace_id, workspaceId)));
  return row?.role ?? null;
}

/** Every workspace the user belongs to, oldest membership first. */
export async function workspacesOf(db: Db, userId: string): Promise<{ id: string; name: string; role: TRole }[]> {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspace_id))
    .where(eq(workspaceMembers.user_id, userId))
    .orderBy(asc(workspaceMembers.created_at));
}

/** Adds a member (no-op when already a member); returns their role. */
export async function addMember(db: Db, workspaceId: string, userId: string, role: TRole): Promise<TRole> {
  await db
    .insert(workspaceMembers)
    .values({ workspace_id: workspaceId, user_id: userId, role })
    .onConflictDoNothing({ target: [workspaceMembers.workspace_id, workspaceMembers.user_id] });
  return (await roleIn(db, userId, workspaceId)) ?? role;
}

const memberColumns = {
  id: workspaceMembers.id,
  user_id: workspaceMembers.user_id,
  role: workspaceMembers.role,
  created_at: workspaceMembers.created_at,
  name: users.name,
  email: users.email,
};

/** Members of the workspace with their names and emails. */
export async function listMembers(tenant: Tenant) {
  return tenant.db
    .select(memberColumns)
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.user_id))
    .where(tenant.where(workspaceMembers))
    .orderBy(asc(workspaceMembers.created_at))
    .limit(WORKSPACE_LIMITS.members);
}

async function getMember(tenant: Tenant, memberId: string) {
  const [row] = await tenant.db
    .select(memberColumns)
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.user_id))
    .where(tenant.byId(workspaceMembers, memberId));
  if (!row) throw notFound('Member');
  return row;
}

async function otherOwnersCount(tenant: Tenant, exceptMemberId: string): Promise<number> {
  const [row] = await tenant.db
    .select({ n: sql<number>`count(*)::int` })
    .from(workspaceMembers)
    .where(tenant.where(workspaceMembers, eq(workspaceMembers.role, 'owner'), ne(workspaceMembers.id, exceptMemberId)));
  return row?.n ?? 0;
}

/** Only owners touch owners; a workspace always keeps at least one owner. */
async function assertCanChange(tenant: Tenant, actor: TAuth, member: { id: string; role: TRole }, newRole?: TRole) {
  const touchesOwner = member.role === 'owner' || newRole === 'owner';
  if (touchesOwner && actor.role !== 'owner') throw new AppError('forbidden', 'Only an owner can change an owner', { reason: 'owner_only' });
  if (member.role === 'owner' && newRole !== 'owner' && (await otherOwnersCount(tenant, member.id)) === 0) {
    throw new AppError('conflict', 'A workspace needs at least one owner: make someone else owner first', { reason: 'last_owner' });
  }
}

/** Changes a member's role. */
export async function updateMemberRole(tenant: Tenant, actor: TAuth, memberId: string, role: TRole) {
  const member = await getMember(tenant, memberId);
  await assertCanChange(tenant, actor, member, role);
  await tenant.update(workspaceMembers, memberId, { role }, 'Member');
  // Their keys never keep more rights than they have (authentication caps them too).
  await capKeysOf(tenant.db, tenant.workspaceId, member.user_id, role);
  return { ...member, role };
}

/** Removes a member from the workspace (their sessions then fall back to another workspace). */
export async function removeMember(tenant: Tenant, actor: TAuth, memberId: string): Promise<void> {
  const member = await getMember(tenant, memberId);
  await assertCanChange(tenant, actor, member);
  await tenant.delete(workspaceMembers, memberId, 'Member');
  await revokeKeysOf(tenant.db, tenant.workspaceId, member.user_id);
}

/** The signed-in user leaves the current workspace. */
export async function leaveWorkspace(tenant: Tenant, actor: TAuth): Promise<void> {
  if (!actor.user_id) throw new AppError('forbidden', 'API keys cannot leave a workspace', { reason: 'session_only' });
  const [member] = await tenant.db
    .select({ id: workspaceMembers.id, role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(tenant.where(workspaceMembers, eq(workspaceMembers.user_id, actor.user_id)));
  if (!member) throw notFound('Membership');
  if (member.role === 'owner' && (await otherOwnersCount(tenant, member.id)) === 0) {
    throw new AppError('conflict', 'You are the last owner: make someone else owner before leaving', { reason: 'last_owner' });
  }
  await tenant.delete(workspaceMembers, member.id, 'Membership');
  await revokeKeysOf(tenant.db, tenant.workspaceId, actor.user_id);
}
