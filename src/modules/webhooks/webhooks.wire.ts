import { iso } from '../../contracts/common.js';
import type { TWebhookDelivery, TWebhookEndpoint } from '../../contracts/webhooks.js';
import type { TWebhookEndpointRow } from './webhook-endpoints.service.js';
import type { webhookDeliveries } from './webhooks.tables.js';

export function endpoint(row: TWebhookEndpointRow): TWebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: row.event_types,
    is_active: row.is_active,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function delivery(row: typeof webhookDeliveries.$inferSelect): TWebhookDelivery {
  return {
    id: row.id,
    event_type: row.event_type,
    status: row.status,
    attempts: row.attempts,
    response_status: row.response_status,
    error: row.error,
    error_code: row.error_code,
    created_at: iso(row.created_at),
    last_attempt_at: iso(row.last_attempt_at),
    delivered_at: iso(row.delivered_at),
  };
}
