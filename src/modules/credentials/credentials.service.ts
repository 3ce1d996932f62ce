import { asc, eq, sql } from 'drizzle-orm';
import { CREDENTIAL_PROVIDERS, type TCredentialProvider, type TCredentialValue } from '../../contracts/credentials.js';
import type { TAuth } from '../../platform/auth/access.js';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { notFound } from '../../platform/errors.js';
import { workspaceCredentials } from './credentials.tables.js';

export type TCredentialRow = typeof workspaceCredentials.$inferSelect;

/** The additional authenticated data of a sealed value: it only opens for this workspace and provider. */
function contextOf(tenant: Tenant, provider: string): string {
  return `${tenant.workspaceId}:${provider}`;
}

/** Stores (or replaces) a provider's credentials, sealed; `input` is already validated by the provider's schema. */
export async function saveCredential<P extends TCredentialProvider>(
  tenant: Tenant,
  secrets: SecretBox,
  actor: TAuth,
  provider: P,
  input: TCredentialValue<P>,
): Promise<TCredentialRow> {
  const value = CREDENTIAL_PROVIDERS[provider].parse(input);
  const sealed = secrets.encrypt(JSON.stringify(value), contextOf(tenant, provider));
  const rows = await tenant.db
    .insert(workspaceCredentials)
    .values({ workspace_id: tenant.workspaceId, provider, sealed, updated_by: actor.user_id })
    .onConflictDoUpdate({
      target: [workspaceCredentials.workspace_id, workspaceCredentials.provider],
      set: { sealed, updated_by: actor.user_id, updated_at: sql`now()` },
    })
    .returning();
  return rows[0]!;
}

/** The decrypted credentials of a provider, for the module that calls the provider; not found when unset. */
export async function readCredential<P extends TCredentialProvider>(tenant: Tenant, secrets: SecretBox, provider: P): Promise<TCredentialValue<P>> {
  const row = await findRow(tenant, provider);
  if (!row) throw notFound('credential');
  return openRow(tenant, secrets, row) as TCredentialValue<P>;
}

/** The decrypted credentials of a provider, or undefined when the workspace has none. */
export async function findCredential<P extends TCredentialProvider>(tenant: Tenant, secrets: SecretBox, provider: P): Promise<TCredentialValue<P> | undefined> {
  const row = await findRow(tenant, provider);
  return row ? (openRow(tenant, secrets, row) as TCredentialValue<P>) : undefined;
}

/** Every configured provider of the workspace, with its fields decrypted (the wire masks the secrets). */
export async function listCredentials(tenant: Tenant, secrets: SecretBox) {
  const rows = await tenant.db.select().from(workspaceCredentials).where(tenant.where(workspaceCredentials)).orderBy(asc(workspaceCredentials.provider));
  return rows.map((row) => ({ row, value: openRow(tenant, secrets, row) }));
}

/** Removes a provider's credentials; not found when there were none. */
export async function deleteCredential(tenant: Tenant, provider: TCredentialProvider): Promise<void> {
  const rows = await tenant.db
    .delete(workspaceCredentials)
    .where(tenant.where(workspaceCredentials, eq(workspaceCredentials.provider, provider)))
    .returning({ id: workspaceCredentials.id });
  if (rows.length === 0) throw notFound('credential');
}

/**
 * Re-encrypts every stored credential still sealed with an older key (after APP_SECRET changed and the old
 * secret moved to APP_SECRET_PREVIOUS). Returns how many values were rewritten. Runs across workspaces: it is an
 * operator's command (`npm run secrets:rotate`), never reachable from a request. Values no known key opens are
 * counted in `unreadable` and left as they are (the command reports them), so one bad row never stops the rest.
 */
export async function rotateCredentials(db: Tenant['db'], secrets: SecretBox): Promise<TRotation> {
  // eslint-disable-next-line local/tenant-scope -- key rotation (operator command) re-seals every workspace's secrets
  const rows = await db.select().from(workspaceCredentials);
  const result: TRotation = { rewritten: 0, unreadable: 0 };
  for (const row of rows) {
    const context = `${row.workspace_id}:${row.provider}`;
    if (SecretBox.keyIdOf(row.sealed) === secrets.currentKeyId) continue;
    const sealed = reseal(secrets, row.sealed, context);
    if (!sealed) result.unreadable += 1;
    else {
      // eslint-disable-next-line local/tenant-scope -- key rotation: the row just read, by id
      await db.update(workspaceCredentials).set({ sealed }).where(eq(workspaceCredentials.id, row.id));
      result.rewritten += 1;
    }
  }
  return result;
}

/** What a rotation did: values re-encrypted, and values no configured key could open. */
export type TRotation = { rewritten: number; unreadable: number };

/** The value re-sealed with the current key, or undefined when no configured key opens it. */
export function reseal(secrets: SecretBox, sealed: string, context: string): string | undefined {
  try {
    return secrets.encrypt(secrets.decrypt(sealed, context), context);
  } catch {
    return undefined;
  }
}

async function findRow(tenant: Tenant, provider: string): Promise<TCredentialRow | undefined> {
  const rows = await tenant.db
    .select()
    .from(workspaceCredentials)
    .where(tenant.where(workspaceCredentials, eq(workspaceCredentials.provider, provider)))
    .limit(1);
  return rows[0];
}

function openRow(tenant: Tenant, secrets: SecretBox, row: TCredentialRow): Record<string, unknown> {
  return JSON.parse(secrets.decrypt(row.sealed, contextOf(tenant, row.provider))) as Record<string, unknown>;
}
