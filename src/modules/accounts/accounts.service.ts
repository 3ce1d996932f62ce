import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TLoginBody, TProfileBody, TSignupBody } from '../../contracts/accounts.js';
import type { TAuth } from '../../platform/auth/access.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../platform/auth/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { createWorkspace, getWorkspace, roleIn, workspacesOf } from '../workspaces/index.js';
import { passwordResets, users } from './accounts.tables.js';

export type TUserRow = typeof users.$inferSelect;

/** Finds a user by email, case-insensitively. */
export async function findUserByEmail(db: Db, email: string): Promise<TUserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

/** Reads a user by id. */
export async function getUser(db: Db, userId: string): Promise<TUserRow> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw notFound('User');
  return row;
}

/** Creates a user; a taken email is a 409. */
export async function createUser(db: Db, input: { email: string; password: string; name: string; locale?: 'fr' | 'en' }): Promise<TUserRow> {
  if (await findUserByEmail(db, input.email)) {
    throw new AppError('conflict', 'An account with this email already exists', {
      errors: [{ path: 'body.email', message: 'already registered', code: 'email_registered' }],
    });
  }
  const password_hash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, password_hash, locale: input.locale ?? 'fr' })
    .returning();
  return row!;
}

/** Sign-up: a user and their first workspace, of which they are the owner. */
export async function signup(db: Db, input: TSignupBody) {
  // One transaction: a failed workspace never leaves an account behind.
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    const workspace = await createWorkspace(tx, { name: input.workspace_name, ownerUserId: user.id, timezone: input.timezone, currency: input.currency });
    return { user, workspace };
  });
}

/** Checks credentials; the same error (and time) whether the email exists or not. */
export async function checkCredentials(db: Db, input: TLoginBody): Promise<TUserRow> {
  const user = await findUserByEmail(db, input.email);
  if (!user) {
    await verifyAgainstDummy(input.password);
    throw new AppError('unauthorized', 'Wrong email or password', { reason: 'wrong_credentials' });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw new AppError('unauthorized', 'Wrong email or password', { reason: 'wrong_credentials' });
  }
  return user;
}

/**
 * The workspace a new session starts in: the user's oldest. A user who left every workspace
 * gets a fresh one rather than an account they cannot use.
 */
export async function workspaceForLogin(db: Db, user: TUserRow): Promise<string> {
  const [first] = await workspacesOf(db, user.id);
  if (first) return first.id;
  const created = await createWorkspace(db, { name: user.name, ownerUserId: user.id });
  return created.id;
}

/** Everything /api/auth/me returns about the caller. */
export async function describeCaller(db: Db, auth: TAuth) {
  const workspace = await getWorkspace(db, auth.workspace_id);
  const user = auth.user_id ? await getUser(db, auth.user_id) : null;
  const workspaces = user ? await workspacesOf(db, user.id) : [{ id: workspace.id, name: workspace.name, role: auth.role }];
  return { user, workspace, role: auth.role, csrf_token: auth.csrf_token, workspaces };
}

/** Checks the user belongs to the workspace they want to switch to (else 404). */
export async function assertMember(db: Db, userId: string, workspaceId: string): Promise<void> {
  if (!(await roleIn(db, userId, workspaceId))) throw notFound('Workspace');
}

/** Updates name and language. */
export async function updateProfile(db: Db, userId: string, input: TProfileBody): Promise<TUserRow> {
  const [row] = await db.update(users).set(input).where(eq(users.id, userId)).returning();
  if (!row) throw notFound('User');
  return row;
}

/** Sets a new password and cancels every outstanding reset link (the caller revokes sessions). */
export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  const password_hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ password_hash }).where(eq(users.id, userId));
    await tx
      .update(passwordResets)
      .set({ used_at: sql`now()` })
      .where(and(eq(passwordResets.user_id, userId), isNull(passwordResets.used_at)));
  });
}
