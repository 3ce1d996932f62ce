import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { TInvitationCreateBody } from '../../contracts/workspaces.js';
import type { TAuth } from '../../platform/auth/access.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/database.js';
import { Tenant } from '../../platform/db/tenant.js';
import { AppError, notFound } from '../../platform/errors.js';
import { sendMail } from '../../platform/mail/mail.jobs.js';
import type { Runtime } from '../../platform/runtime.js';
import { users } from '../accounts/tables.js';
import { invitationMail } from './invitation.mail.js';
import { addMember } from './workspaces.service.js';
import { invitations, workspaceMembers, workspaces } from './workspaces.tables.js';
import { WORKSPACE_LIMITS } from '../../contracts/limits.js';
import { assertBelowWorkspaceLimit } from '../../platform/db/workspace-limit.js';

const INVITATION_TTL_MS = 7 * 86_400_000;

const pending = () => and(isNull(invitations.accepted_at), isNull(invitations.revoked_at), gt(invitations.expires_at, new Date()));

const invitationColumns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  expires_at: invitations.expires_at,
  created_at: invitations.created_at,
  invited_by_name: users.name,
};

/** Pending invitations of the workspace. */
export async function listInvitations(tenant: Tenant) {
  return tenant.db
    .select(invitationColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invited_by))
    .where(tenant.where(invitations, pending()))
    .orderBy(desc(invitations.created_at))
    .limit(WORKSPACE_LIMITS.pendingInvitations);
}

/** Invites someone by email: replaces any pending invitation to the same address and mails the link. */
export async function createInvitation(runtime: Runtime, tenant: Tenant, actor: TAuth, input: TInvitationCreateBody) {
  const [existing] = await tenant.db
    .select({ id: workspaceMembers.id })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.user_id))
    .where(tenant.where(workspaceMembers, eq(sql`lower(${users.email})`, input.email)));
  if (existing)
    throw new AppError('conflict', `${input.email} is already a member of this workspace`, { reason: 'already_member', params: { email: input.email } });
  const token = randomToken();
  const [workspace] = await tenant.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, tenant.workspaceId));
  const inviterName = actor.user_id ? await userName(tenant.db, actor.user_id) : null;
  const link = `${runtime.config.appUrl}/invitations/${token}`;
  // The mail is part of the invitation: written in its transaction, it exists only if the invitation does.
  const row = await tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    await assertBelowWorkspaceLimit(scoped, { table: workspaceMembers, list: 'members' });
    // Inviting the same address again replaces its pending invitation, so that one does not count.
    await assertBelowWorkspaceLimit(scoped, { table: invitations, list: 'pendingInvitations', condition: and(pending(), ne(invitations.email, input.email)) });
    await tx
      .update(invitations)
      .set({ revoked_at: new Date() })
      .where(tenant.where(invitations, eq(invitations.email, input.email), pending()));
    const [created] = await tx
      .insert(invitations)
      .values({
        workspace_id: tenant.workspaceId,
        email: input.email,
        role: input.role,
        token_hash: sha256(token),
        invited_by: actor.user_id,
        expires_at: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning();
    await sendMail(
      runtime,
      {
        workspaceId: tenant.workspaceId,
        category: 'invitation',
        to: input.email,
        ...invitationMail({ workspaceName: workspace?.name ?? '', inviterName, link }),
      },
      { db: tx },
    );
    return created!;
  });
  return { ...row, invited_by_name: inviterName };
}

/** Revokes a pending invitation. */
export async function revokeInvitation(tenant: Tenant, id: string): Promise<void> {
  const rows = await tenant.db
    .update(invitations)
    .set({ revoked_at: new Date() })
    .where(tenant.where(invitations, tenant.byId(invitations, id), pending()))
    .returning({ id: invitations.id });
  if (rows.length === 0) throw notFound('Invitation');
}

/** Looks an invitation up by its secret token (what the invitation page shows). */
export async function previewInvitation(db: Db, token: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      workspace_id: invitations.workspace_id,
      workspace_name: workspaces.name,
      email: invitations.email,
      role: invitations.role,
      invited_by_name: users.name,
    })
    // eslint-disable-next-line local/tenant-scope -- an invitation by its secret token, before any workspace is known
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspace_id))
    .leftJoin(users, eq(users.id, invitations.invited_by))
    .where(and(eq(invitations.token_hash, sha256(token)), pending()));
  if (!row) throw notFound('Invitation (it may have expired, been revoked or already used)');
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, row.email));
  return { ...row, account_exists: Boolean(account) };
}

/** Marks the invitation used and makes the user a member; the user's email must be the invited one. */
export async function acceptInvitation(db: Db, token: string, user: { id: string; email: string }): Promise<string> {
  const invitation = await previewInvitation(db, token);
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError('forbidden', `This invitation was sent to ${invitation.email}; sign in with that address`, {
      reason: 'invitation_other_email',
      params: { email: invitation.email },
    });
  }
  await db.transaction(async (tx) => {
    // eslint-disable-next-line local/tenant-scope -- the invitation just read by its token, by id
    await tx.update(invitations).set({ accepted_at: new Date() }).where(eq(invitations.id, invitation.id));
    await addMember(tx, invitation.workspace_id, user.id, invitation.role);
  });
  return invitation.workspace_id;
}

async function userName(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}
