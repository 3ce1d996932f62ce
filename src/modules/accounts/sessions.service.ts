import { and, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { TAuth } from '../../platform/auth/access.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { TConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { roleIn, workspacesOf } from '../workspaces/index.js';
import { sessions } from './accounts.tables.js';

// Updating last_seen_at on every request would turn reads into writes; a minute is precise enough
// for an idle timeout counted in days.
const TOUCH_RESOLUTION_MS = 60_000;

export type TNewSession = { token: string; csrfToken: string; expiresAt: Date };

/** Opens a session: a 256-bit random token for the cookie, stored only as its SHA-256. */
export async function createSession(
  db: Db,
  config: TConfig,
  input: { userId: string; workspaceId: string; ip?: string; userAgent?: string },
): Promise<TNewSession> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + config.sessionAbsoluteMs);
  await db.insert(sessions).values({
    token_hash: sha256(token),
    csrf_token: csrfToken,
    user_id: input.userId,
    active_workspace_id: input.workspaceId,
    ip: input.ip ?? null,
    user_agent: input.userAgent?.slice(0, 500) ?? null,
    expires_at: expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/** Resolves a cookie token to the caller, enforcing idle and absolute timeouts. */
export async function authenticateSession(db: Db, config: TConfig, token: string): Promise<TAuth | null> {
  if (token.length > 200) return null;
  const now = Date.now();
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.token_hash, sha256(token)), gt(sessions.expires_at, new Date(now))));
  if (!session) return null;
  if (now - session.last_seen_at.getTime() > config.sessionIdleMs) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  let workspaceId = session.active_workspace_id;
  let role = await roleIn(db, session.user_id, workspaceId);
  if (!role) {
    // Removed from the active workspace: fall back to another one rather than signing out.
    const [other] = await workspacesOf(db, session.user_id);
    if (!other) return null;
    workspaceId = other.id;
    role = other.role;
    await db.update(sessions).set({ active_workspace_id: workspaceId }).where(eq(sessions.id, session.id));
  }
  if (now - session.last_seen_at.getTime() > TOUCH_RESOLUTION_MS) {
    await db
      .update(sessions)
      .set({ last_seen_at: new Date(now) })
      .where(eq(sessions.id, session.id));
  }
  return {
    via: 'session',
    user_id: session.user_id,
    workspace_id: workspaceId,
    role,
    session_id: session.id,
    csrf_token: session.csrf_token,
  };
}

/** Ends one session (logout). */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, except `keepSessionId` when given. */
export async function revokeUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.user_id, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
}

/** Points a session at another workspace. */
export async function setActiveWorkspace(db: Db, sessionId: string, workspaceId: string): Promise<void> {
  await db.update(sessions).set({ active_workspace_id: workspaceId }).where(eq(sessions.id, sessionId));
}

/** Deletes expired sessions (housekeeping). */
export async function purgeExpiredSessions(db: Db, config: TConfig): Promise<void> {
  const idleCutoff = new Date(Date.now() - config.sessionIdleMs);
  await db.delete(sessions).where(or(lt(sessions.expires_at, new Date()), lt(sessions.last_seen_at, idleCutoff)));
}
