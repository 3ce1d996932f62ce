import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { reseal, type TRotation } from '../credentials/index.js';
import { newWebhookSecret } from '../webhooks/index.js';
import { automations } from './automations.tables.js';

// Each automation signs its webhook calls with a secret of its own (Standard Webhooks, `whsec_…`), sealed
// with the SecretBox like the workspace webhooks' secrets. It is made the first time it is needed (a call,
// or an admin asking for it), so automations without a webhook never hold one.

/** The sealed secret opens only for this automation of this workspace. */
export function secretContext(workspaceId: string, automationId: string): string {
  return `${workspaceId}:automation-webhook:${automationId}`;
}

/** The automation's signing secret, made and stored if it has none yet (two callers at once get the same one). */
export async function automationWebhookSecret(tenant: Tenant, secrets: SecretBox, automationId: string): Promise<string> {
  const context = secretContext(tenant.workspaceId, automationId);
  const row = await tenant.get(automations, automationId, 'Automation');
  if (row.webhook_secret_sealed) return secrets.decrypt(row.webhook_secret_sealed, context);
  const secret = newWebhookSecret();
  const stored = await tenant.db
    .update(automations)
    .set({ webhook_secret_sealed: secrets.encrypt(secret, context) })
    .where(and(tenant.byId(automations, automationId), isNull(automations.webhook_secret_sealed)))
    .returning({ id: automations.id });
  if (stored.length > 0) return secret;
  // Another caller stored one first: use that one.
  return automationWebhookSecret(tenant, secrets, automationId);
}

/** Replaces the automation's signing secret (the old one stops working at once); returns the new one. */
export async function rotateAutomationWebhookSecret(tenant: Tenant, secrets: SecretBox, automationId: string): Promise<string> {
  await tenant.get(automations, automationId, 'Automation');
  const secret = newWebhookSecret();
  await tenant.db
    .update(automations)
    .set({ webhook_secret_sealed: secrets.encrypt(secret, secretContext(tenant.workspaceId, automationId)) })
    .where(and(tenant.byId(automations, automationId), eq(automations.workspace_id, tenant.workspaceId)));
  return secret;
}

/** Re-encrypts every automation's signing secret still sealed with an older APP_SECRET (npm run secrets:rotate). */
export async function rotateAutomationWebhookSecrets(db: Tenant['db'], secrets: SecretBox): Promise<TRotation> {
  const rows = await db
    .select({ id: automations.id, workspace_id: automations.workspace_id, sealed: automations.webhook_secret_sealed })
    // eslint-disable-next-line local/tenant-scope -- key rotation (operator command) re-seals every workspace's secrets
    .from(automations)
    .where(isNotNull(automations.webhook_secret_sealed));
  const result: TRotation = { rewritten: 0, unreadable: 0 };
  for (const row of rows) {
    if (SecretBox.keyIdOf(row.sealed!) === secrets.currentKeyId) continue;
    const sealed = reseal(secrets, row.sealed!, secretContext(row.workspace_id, row.id));
    if (!sealed) result.unreadable += 1;
    else {
      // eslint-disable-next-line local/tenant-scope -- key rotation: the row just read, by id
      await db.update(automations).set({ webhook_secret_sealed: sealed }).where(eq(automations.id, row.id));
      result.rewritten += 1;
    }
  }
  return result;
}
