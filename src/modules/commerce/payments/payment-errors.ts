import { AppError } from '../../../platform/errors.js';

// The payment layer's refusals, each with a reason the web app translates (errors.reasons.* in app.json).

/** No Stripe keys and the built-in test provider is off (production without TEST_PAYMENTS=on). */
export function paymentsNotConfigured(): AppError {
  return new AppError('conflict', 'Payments are not configured: save Stripe keys in Settings > Paiements', { reason: 'payments_not_configured' });
}

/** Stripe refused the workspace's secret key (401: wrong, revoked or rolled). */
export function stripeKeysInvalid(): AppError {
  return new AppError('conflict', 'Stripe refused the secret key: check it in Settings > Paiements', { reason: 'stripe_keys_invalid' });
}

/** Stripe could not be reached (network, timeout, Stripe's own 5xx) after the client's retries. */
export function stripeUnavailable(detail: string): AppError {
  return new AppError('conflict', `Stripe could not be reached: ${detail}`, { reason: 'stripe_unavailable' });
}

/** Stripe refused the request itself (an amount below the minimum, an unknown customer...): its message. */
export function stripeRequestInvalid(detail: string): AppError {
  return new AppError('bad_request', `Stripe refused the request: ${detail}`, { reason: 'stripe_request_invalid' });
}

/** The same idempotency key came back with other parameters (a bug of the caller, never a retry). */
export function idempotencyKeyReused(): AppError {
  return new AppError('conflict', 'This idempotency key was used with other parameters', { reason: 'idempotency_key_reused' });
}

/** A refund of more than what is left of the payment. */
export function refundTooLarge(remaining: number): AppError {
  return new AppError('bad_request', `At most ${remaining} cents are left to refund`, { reason: 'refund_too_large', params: { remaining } });
}

/** A refund of a payment not (or no longer) refundable: not paid, or already refunded in full. */
export function paymentNotRefundable(): AppError {
  return new AppError('conflict', 'This payment cannot be refunded (not paid, or already refunded in full)', { reason: 'payment_not_refundable' });
}

/** A webhook whose signature is missing, wrong or older than the tolerance: changes nothing. */
export function webhookSignatureInvalid(detail: string): AppError {
  return new AppError('bad_request', `Webhook signature check failed: ${detail}`, { reason: 'webhook_signature_invalid' });
}

/** A Stripe webhook reached a workspace that saved no webhook secret. */
export function webhookSecretMissing(): AppError {
  return new AppError('conflict', 'No Stripe webhook secret is saved for this workspace', { reason: 'stripe_webhook_secret_missing' });
}

/** An off-session charge with a card this customer never saved (test provider). */
export function paymentMethodUnknown(): AppError {
  return new AppError('bad_request', 'Unknown payment method for this customer', { reason: 'payment_method_unknown' });
}
