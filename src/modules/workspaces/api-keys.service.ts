import { and, desc, eq, isNull } from 'drizzle-orm';
import type { TApiKeyCreateBody } from '../../contracts/workspaces.js';
import type { TAuth } from '../../platform/auth/access.js';
import { roleAtLeast } from '../../platform/auth/access.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/database.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError, notFound } from '../../platform/errors.js';
import { apiKeys } from './workspaces.tables.js';

export const API_KEY_PREFIX = 'mk_';
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
// Writing last_used_at on every request would turn each read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Creates a key; the secret is returned here once and only its SHA-256 is stored. */
export async function createApiKey(tenant: Tenant, actor: TAuth, input: TApiKeyCreateBody) {
  if (!roleAtLeast(actor.role, input.role)) {
    throw new AppError('forbidden', `You cannot create a key with more rights (${input.role}) than your own`);
  }
  const key = `${API_KEY_PREFIX}${randomToken(32)}`;
  const row = await tenant.insert(apiKeys, {
    name: input.name,
    role: input.role,
    prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
    key_hash: sha256(key),
    created_by: actor.user_id,
  });
  return { row, key };
}

/** Active (not revoked) keys of the workspace, newest first. */
export async function listApiKeys(tenant: Tenant) {
  return tenant.db
    .select()
    .from(apiKeys)
    .where(tenant.where(apiKeys, isNull(apiKeys.revoked_at)))
    .orderBy(desc(apiKeys.created_at));
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

/** Resolves a presented key to its workspace and role, or null. */
export async function authenticateApiKey(db: Db, key: string): Promise<TAuth | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.key_hash, sha256(key)), isNull(apiKeys.revoked_at)));
  if (!row) return null;
  const now = Date.now();
  if (!row.last_used_at || now - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ last_used_at: new Date(now) }).where(eq(apiKeys.id, row.id));
  }
  return { via: 'api_key', user_id: null, workspace_id: row.workspace_id, role: row.role, api_key_id: row.id };
}
