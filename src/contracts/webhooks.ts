import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';

// The workspace's outgoing webhooks (Settings > Webhooks): a URL subscribed to event types, every call signed
// with the Standard Webhooks scheme (headers webhook-id, webhook-timestamp, webhook-signature).

/** `*` subscribes to every event type, present and future. */
export const WEBHOOK_ALL_EVENTS = '*';
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const ZWebhookEndpoint = z.object({
  id: ZId,
  url: z.string(),
  description: z.string(),
  event_types: z.array(z.string()),
  is_active: z.boolean(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TWebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

/** Returned once, at creation and on rotation: the signing secret (`whsec_…`). */
export const ZWebhookEndpointWithSecret = ZWebhookEndpoint.extend({ secret: z.string() });

const ZWebhookUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000);

const endpointFields = {
  url: ZWebhookUrl,
  description: z.string().trim().max(200),
  event_types: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
  is_active: z.boolean(),
};
export const ZWebhookEndpointBody = z.object({
  ...endpointFields,
  description: endpointFields.description.default(''),
  is_active: endpointFields.is_active.default(true),
});
export type TWebhookEndpointBody = z.infer<typeof ZWebhookEndpointBody>;
/** Only the fields sent change: built without the defaults, which zod would otherwise fill in (switching a webhook off erased its description). */
export const ZWebhookEndpointUpdateBody = z.object(endpointFields).partial();
export type TWebhookEndpointUpdateBody = z.infer<typeof ZWebhookEndpointUpdateBody>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

/** Why a call failed, as a code the web translates (`error` keeps the details: the address, the receiver's words). */
export const WEBHOOK_CALL_ERROR_CODES = [
  'private_address',
  'bad_scheme',
  'timeout',
  'dns_failed',
  'connection_refused',
  'connection_reset',
  'tls_failed',
  'unreachable',
] as const;
export type TWebhookCallErrorCode = (typeof WEBHOOK_CALL_ERROR_CODES)[number];
export const WEBHOOK_DELIVERY_ERROR_CODES = [...WEBHOOK_CALL_ERROR_CODES, 'http_status', 'disabled'] as const;
export type TWebhookDeliveryErrorCode = (typeof WEBHOOK_DELIVERY_ERROR_CODES)[number];

export const ZWebhookDelivery = z.object({
  id: ZId,
  event_type: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  response_status: z.number().int().nullable(),
  error: z.string().nullable(),
  /** The failure as a code (null for a success, or for calls logged before migration 0022). */
  error_code: z.enum(WEBHOOK_DELIVERY_ERROR_CODES).nullable(),
  created_at: ZTimestamp,
  last_attempt_at: ZTimestamp.nullable(),
  delivered_at: ZTimestamp.nullable(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;
