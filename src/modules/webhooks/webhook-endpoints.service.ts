import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { TWebhookEndpointBody, TWebhookEndpointUpdateBody } from '../../contracts/webhooks.js';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import { reseal, type TRotation } from '../credentials/index.js';
import { newWebhookSecret } from './webhook-signing.js';
import { webhookDeliveries, webhookEndpoints } from './webhooks.tables.js';

export type TWebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** A workspace calls at most this many URLs per event: each one multiplies every event's work. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
const DELIVERY_LOG_LIMIT = 100;

/** The sealed secret opens only for this endpoint of this workspace. */
export function secretContext(row: Pick<TWebhookEndpointRow, 'workspace_id' | 'id'>): string {
  return `${row.workspace_id}:webhook:${row.id}`;
}

/** Subscribes a URL; returns the row and its signing secret (shown this once). */
export async function createEndpoint(tenant: Tenant, secrets: SecretBox, body: TWebhookEndpointBody) {
  const [{ value: existing } = { value: 0 }] = await tenant.db.select({ value: count() }).from(webhookEndpoints).where(tenant.where(webhookEndpoints));
  if (existing >= MAX_WEBHOOK_ENDPOINTS) {
    throw new AppError('conflict', `A workspace has at most ${MAX_WEBHOOK_ENDPOINTS} webhooks: delete one first`, {
      reason: 'webhooks_limit',
      params: { limit: MAX_WEBHOOK_ENDPOINTS },
    });
  }
  const id = randomUUID();
  const secret = newWebhookSecret();
  const row = await tenant.insert(webhookEndpoints, {
    id,
    ...body,
    event_types: unique(body.event_types),
    secret_sealed: secrets.encrypt(secret, secretContext({ workspace_id: tenant.workspaceId, id })),
  });
  return { row, secret };
}

export function listEndpoints(tenant: Tenant) {
  return tenant.db.select().from(webhookEndpoints).where(tenant.where(webhookEndpoints)).orderBy(asc(webhookEndpoints.created_at));
}

export function getEndpoint(tenant: Tenant, id: string) {
  return tenant.get(webhookEndpoints, id, 'webhook');
}

export function updateEndpoint(tenant: Tenant, id: string, body: TWebhookEndpointUpdateBody) {
  return tenant.update(webhookEndpoints, id, { ...body, ...(body.event_types ? { event_types: unique(body.event_types) } : {}) }, 'webhook');
}

export async function deleteEndpoint(tenant: Tenant, id: string): Promise<void> {
  await tenant.delete(webhookEndpoints, id, 'webhook');
}

/** A new secret; the old one stops working at once (receivers must be updated). */
export async function rotateEndpointSecret(tenant: Tenant, secrets: SecretBox, id: string) {
  const current = await getEndpoint(tenant, id);
  const secret = newWebhookSecret();
  const row = await tenant.update(webhookEndpoints, current.id, { secret_sealed: secrets.encrypt(secret, secretContext(current)) }, 'webhook');
  return { row, secret };
}

/** The latest deliveries to one endpoint, newest first. */
export async function listDeliveries(tenant: Tenant, endpointId: string) {
  const endpoint = await getEndpoint(tenant, endpointId);
  return tenant.db
    .select()
    .from(webhookDeliveries)
    .where(tenant.where(webhookDeliveries, and(eq(webhookDeliveries.endpoint_id, endpoint.id))))
    .orderBy(desc(webhookDeliveries.created_at))
    .limit(DELIVERY_LOG_LIMIT);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Re-encrypts every endpoint's signing secret still sealed with an older APP_SECRET (operator command). */
export async function rotateWebhookSecrets(db: Tenant['db'], secrets: SecretBox): Promise<TRotation> {
  // eslint-disable-next-line local/tenant-scope -- key rotation (operator command) re-seals every workspace's secrets
  const rows = await db.select().from(webhookEndpoints);
  const result: TRotation = { rewritten: 0, unreadable: 0 };
  for (const row of rows) {
    if (SecretBox.keyIdOf(row.secret_sealed) === secrets.currentKeyId) continue;
    const sealed = reseal(secrets, row.secret_sealed, secretContext(row));
    if (!sealed) result.unreadable += 1;
    else {
      // eslint-disable-next-line local/tenant-scope -- key rotation: the row just read, by id
      await db.update(webhookEndpoints).set({ secret_sealed: sealed }).where(eq(webhookEndpoints.id, row.id));
      result.rewritten += 1;
    }
  }
  return result;
}
