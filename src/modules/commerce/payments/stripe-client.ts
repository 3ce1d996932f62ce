import Stripe from 'stripe';
import type { TConfig } from '../../../platform/config.js';

/** The Stripe API version this code was written and tested against (the package's types describe it). */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const satisfies Stripe.LatestApiVersion;

/** Seconds a webhook's signature timestamp may be old (Stripe's own default). */
export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * A Stripe client for one secret key: version pinned (Stripe's answers keep the shape the code reads), two
 * automatic retries (each POST carries an idempotency key, so a retry never charges twice), a 20 s timeout, and
 * the API address from STRIPE_API_URL when set (the tests' local fake).
 */
export function stripeClient(config: Pick<TConfig, 'stripeApi'>, secretKey: string): Stripe {
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'marketing-platform' },
    ...(config.stripeApi ? { host: config.stripeApi.host, port: config.stripeApi.port, protocol: config.stripeApi.protocol } : {}),
  });
}

/** Test keys (sk_test_, rk_test_, pk_test_) move no real money. */
export function isStripeTestKey(key: string): boolean {
  return /^(sk|rk|pk)_test_/.test(key);
}
