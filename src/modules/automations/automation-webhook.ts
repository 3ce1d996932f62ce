// The SSRF-guarded webhook call now lives in the platform (every module that calls a workspace's URL uses it).
export { isPrivateAddress, postWebhook, WEBHOOK_TIMEOUT_MS, WebhookError } from '../../platform/http/outbound-webhook.js';
