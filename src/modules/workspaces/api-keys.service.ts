import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { ROLE_NAMES, type TRole } from '../../contracts/common.js';
import type { TApiKeyCreateBody } from '../../contracts/workspaces.js';
import type { TAuth } from '../../platform/auth/access.js';
import { roleAtLeast } from '../../platform/auth/access.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/database.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError, notFound } from '../../platform/errors.js';
import { users } from '../accounts/tables.js';
import { apiKeys, workspaceMembers } from './workspaces.tables.js';
import { WORKSPACE_LIMITS } from '../../contracts/limits.js';
import { createWithinWorkspaceLimit } from '../../platform/db/workspace-limit.js';

export const API_KEY_PREFIX = 'mk_';
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
// Writing last_used_at on every request would turn each read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Creates a key; the secret is returned here once and only its SHA-256 is stored.
 * A key always acts for a person (`created_by`): a key created by another key inherits that key's
 * creator, so every key's rights can follow a member's role (see `authenticateApiKey`).
 */
export async function createApiKey(tenant: Tenant, actor: TAuth, input: TApiKeyCreateBody) {
  if (!roleAtLeast(actor.role, input.role)) {
    throw new AppError('forbidden', `You cannot create a key with more rights (${input.role}) than your own`, {
      reason: 'key_role_too_high',
      params: { role: input.role },
    });
  }
  const createdBy = actor.user_id ?? (await keyCreator(tenant, actor.api_key_id));
  if (!createdBy) throw new AppError('forbidden', 'This API key belongs to no member and cannot create keys', { reason: 'key_without_member' });
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  const row = await createWithinWorkspaceLimit(tenant, { table: apiKeys, list: 'activeApiKeys', condition: isNull(apiKeys.revoked_at) }, (tx) =>
    tx.insert(apiKeys, {
      name: input.name,
      role: input.role,
      prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
      key_hash: sha256(key),
      created_by: createdBy,
    }),
  );
  return { row, key };
}

async function keyCreator(tenant: Tenant, apiKeyId: string | undefined): Promise<string | null> {
  if (!apiKeyId) return null;
  const [row] = await tenant.db.select({ created_by: apiKeys.created_by }).from(apiKeys).where(tenant.byId(apiKeys, apiKeyId));
  return row?.created_by ?? null;
}

/** Active (not revoked) keys of the workspace, newest first, with their creator's name. */
export async function listApiKeys(tenant: Tenant) {
  return tenant.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      created_at: apiKeys.created_at,
      last_used_at: apiKeys.last_used_at,
      created_by: apiKeys.created_by,
      created_by_name: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.created_by))
    .where(tenant.where(apiKeys, isNull(apiKeys.revoked_at)))
    .orderBy(desc(apiKeys.created_at))
    .limit(WORKSPACE_LIMITS.activeApiKeys);
}

/** Revokes a key: it stops working at once. */
export async function revokeApiKey(tenant: Tenant, id: string): Promise<void> {
  const rows = await tenant.db
    .update(apiKeys)
    .set({ revoked_at: new Date() })
    .where(tenant.where(apiKeys, tenant.byId(apiKeys, id), isNull(apiKeys.revoked_at)))
    .returning({ id: apiKeys.id });
  if (rows.length === 0) throw notFound('API key');
}

/** Revokes every key a person created in the workspace (they were removed or left). */
export async function revokeKeysOf(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revoked_at: new Date() })
    .where(and(eq(apiKeys.workspace_id, workspaceId), eq(apiKeys.created_by, userId), isNull(apiKeys.revoked_at)));
}

/** Lowers the person's keys in the workspace to `role` at most (they were demoted). */
export async function capKeysOf(db: Db, workspaceId: string, userId: string, role: TRole): Promise<void> {
  const above = ROLE_NAMES.filter((r) => !roleAtLeast(role, r));
  if (above.length === 0) return;
  await db
    .update(apiKeys)
    .set({ role })
    .where(and(eq(apiKeys.workspace_id, workspaceId), eq(apiKeys.created_by, userId), inArray(apiKeys.role, above), isNull(apiKeys.revoked_at)));
}

/**
 * Resolves a presented key to its workspace and role, or null. The role is the key's, capped by its
 * creator's current role; a key whose creator is no longer a member is refused. The membership is read
 * at every request, so nothing a stale key row says can outlive the person it acts for.
 */
export async function authenticateApiKey(db: Db, key: string): Promise<TAuth | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const [row] = await db
    .select({ key: apiKeys, creator_role: workspaceMembers.role })
    // eslint-disable-next-line local/tenant-scope -- authentication: the key's hash finds its workspace
    .from(apiKeys)
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.workspace_id, apiKeys.workspace_id), eq(workspaceMembers.user_id, apiKeys.created_by)))
    .where(and(eq(apiKeys.key_hash, sha256(key)), isNull(apiKeys.revoked_at)));
  if (!row) return null;
  const { key: apiKey, creator_role } = row;
  const now = Date.now();
  if (!apiKey.last_used_at || now - apiKey.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      // eslint-disable-next-line local/tenant-scope -- the key just authenticated, by id
      .update(apiKeys)
      .set({ last_used_at: new Date(now) })
      .where(eq(apiKeys.id, apiKey.id));
  }
  const role = roleAtLeast(creator_role, apiKey.role) ? apiKey.role : creator_role;
  return { via: 'api_key', user_id: null, workspace_id: apiKey.workspace_id, role, api_key_id: apiKey.id };
}
