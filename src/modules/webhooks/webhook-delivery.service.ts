import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { WEBHOOK_ALL_EVENTS, WEBHOOK_TEST_EVENT, type TWebhookDeliveryErrorCode } from '../../contracts/webhooks.js';
import type { Db } from '../../platform/db/database.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { postWebhook, WebhookError } from '../../platform/http/outbound-webhook.js';
import { defineJob } from '../../platform/jobs/define-job.js';
import type { Runtime } from '../../platform/runtime.js';
import { getEndpoint, secretContext } from './webhook-endpoints.service.js';
import { signedHeaders } from './webhook-signing.js';
import { webhookDeliveries, webhookEndpoints } from './webhooks.tables.js';

/** An event for the workspace's webhooks: its type and the JSON it carries. */
export type TWebhookEvent = { workspaceId: string; type: string; data: Record<string, unknown> };

/**
 * Writes one delivery per active endpoint subscribed to the event and queues them, in `db` (the caller's
 * transaction when it has one: no delivery for a change that rolled back, none lost for one that committed).
 */
export async function queueWebhookEvents(runtime: Runtime, db: Db, events: TWebhookEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const byWorkspace = new Map<string, TWebhookEvent[]>();
  for (const event of events) byWorkspace.set(event.workspaceId, [...(byWorkspace.get(event.workspaceId) ?? []), event]);
  const ids: string[] = [];
  for (const [workspaceId, list] of byWorkspace) {
    const endpoints = await db
      .select({ id: webhookEndpoints.id, event_types: webhookEndpoints.event_types })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.workspace_id, workspaceId), eq(webhookEndpoints.is_active, true)));
    const rows = list.flatMap((event) =>
      endpoints
        .filter((e) => e.event_types.includes(event.type) || e.event_types.includes(WEBHOOK_ALL_EVENTS))
        .map((e) => ({ workspace_id: workspaceId, endpoint_id: e.id, event_type: event.type, payload: envelope(event) })),
    );
    if (rows.length === 0) continue;
    const inserted = await db.insert(webhookDeliveries).values(rows).returning({ id: webhookDeliveries.id });
    ids.push(...inserted.map((r) => r.id));
  }
  await runtime.queue.insert(
    deliverWebhookJob,
    ids.map((id) => ({ data: { delivery_id: id } })),
    { db },
  );
  return ids.length;
}

/** Queues a signed `webhook.test` event to one endpoint, whatever its subscriptions; returns the delivery. */
export async function sendTestDelivery(runtime: Runtime, tenant: Tenant, endpointId: string) {
  const endpoint = await getEndpoint(tenant, endpointId);
  const event = { workspaceId: tenant.workspaceId, type: WEBHOOK_TEST_EVENT, data: { webhook_id: endpoint.id } };
  const rows = await tenant.db
    .insert(webhookDeliveries)
    .values({ workspace_id: tenant.workspaceId, endpoint_id: endpoint.id, event_type: event.type, payload: envelope(event) })
    .returning();
  await runtime.queue.send(deliverWebhookJob, { delivery_id: rows[0]!.id });
  return rows[0]!;
}

/** Of these workspaces, those with at least one active webhook (most have none: their events cost one query). */
export async function workspacesWithWebhooks(db: Db, workspaceIds: string[]): Promise<Set<string>> {
  if (workspaceIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ workspaceId: webhookEndpoints.workspace_id })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.workspace_id, [...new Set(workspaceIds)]), eq(webhookEndpoints.is_active, true)));
  return new Set(rows.map((r) => r.workspaceId));
}

/** The body receivers get (Standard Webhooks' recommended shape). */
function envelope(event: TWebhookEvent) {
  return { type: event.type, timestamp: new Date().toISOString(), data: event.data };
}

/** Why a call failed, for the delivery log and the job's retry. */
class DeliveryFailed extends Error {}

/**
 * Sends one delivery, signed. A 2xx answer marks it succeeded; anything else is recorded and thrown so
 * pg-boss retries with exponential backoff (8 retries: about 40 minutes in all); after the last one the
 * delivery is `failed`. Delivery is at least once: receivers dedupe by `webhook-id` (the delivery id).
 */
export async function deliverWebhook(runtime: Runtime, deliveryId: string): Promise<void> {
  const rows = await runtime.db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    // eslint-disable-next-line local/tenant-scope -- a delivery job's row by id (it carries its workspace)
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpoint_id))
    .where(eq(webhookDeliveries.id, deliveryId))
    .limit(1);
  const found = rows[0];
  if (!found || found.delivery.status !== 'pending') return;
  const { delivery, endpoint } = found;
  if (!endpoint.is_active) {
    await record(runtime, deliveryId, { status: 'failed', error: 'webhook disabled', error_code: 'disabled' });
    return;
  }
  const secret = runtime.secrets.decrypt(endpoint.secret_sealed, secretContext(endpoint));
  const body = JSON.stringify(delivery.payload);
  let status: number | null = null;
  try {
    status = await postWebhook(endpoint.url, body, {
      allowPrivateAddresses: runtime.config.webhookAllowPrivateAddresses,
      headers: signedHeaders(secret, delivery.id, body),
      userAgent: 'MarketingPlatform-Webhooks/1',
    });
  } catch (error) {
    await record(runtime, deliveryId, { error: (error as Error).message, error_code: error instanceof WebhookError ? error.code : 'unreachable' });
    throw new DeliveryFailed((error as Error).message);
  }
  if (status >= 200 && status < 300) {
    await record(runtime, deliveryId, { status: 'succeeded', response_status: status, error: null, error_code: null, delivered: true });
    return;
  }
  await record(runtime, deliveryId, { response_status: status, error: `HTTP ${status}`, error_code: 'http_status' });
  throw new DeliveryFailed(`HTTP ${status}`);
}

async function record(
  runtime: Runtime,
  deliveryId: string,
  change: {
    status?: 'succeeded' | 'failed';
    response_status?: number | null;
    error?: string | null;
    error_code?: TWebhookDeliveryErrorCode | null;
    delivered?: boolean;
  },
) {
  await runtime.db
    // eslint-disable-next-line local/tenant-scope -- a delivery job's row by id
    .update(webhookDeliveries)
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.response_status !== undefined ? { response_status: change.response_status } : {}),
      ...(change.error !== undefined ? { error: change.error?.slice(0, 500) ?? null } : {}),
      ...(change.error_code !== undefined ? { error_code: change.error_code } : {}),
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      last_attempt_at: sql`now()`,
      ...(change.delivered ? { delivered_at: sql`now()` } : {}),
    })
    .where(eq(webhookDeliveries.id, deliveryId));
}

export const deliverWebhookJob = defineJob({
  name: 'webhooks.deliver',
  schema: z.object({ delivery_id: z.uuid() }),
  handler: (payload, runtime) => deliverWebhook(runtime, payload.delivery_id),
  retryLimit: 8,
  retryDelaySeconds: 10,
  retryBackoff: true,
  concurrency: 4,
  onFinalFailure: async (payload, runtime) => {
    await runtime.db
      // eslint-disable-next-line local/tenant-scope -- a delivery job's row by id
      .update(webhookDeliveries)
      .set({ status: 'failed' })
      .where(and(eq(webhookDeliveries.id, payload.delivery_id), eq(webhookDeliveries.status, 'pending')));
  },
});
