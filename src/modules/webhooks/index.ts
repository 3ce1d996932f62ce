// Public surface of the webhooks module: the workspace's outgoing, signed webhooks.
// Other modules announce their events with queueWebhookEvents (in their transaction).
export { webhooksRoutes } from './webhooks.routes.js';
export { deliverWebhookJob, queueWebhookEvents, type TWebhookEvent } from './webhook-delivery.service.js';
export { rotateWebhookSecrets } from './webhook-endpoints.service.js';
export { queueLeadEventWebhooks } from './lead-event-webhooks.js';
export { webhookEndpoints, webhookDeliveries } from './webhooks.tables.js';
// The Standard Webhooks signer, also used by automations' webhook actions.
export { newWebhookSecret, signedHeaders } from './webhook-signing.js';
