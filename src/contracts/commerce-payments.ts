import { z } from 'zod';
import { CREDENTIAL_PROVIDERS } from './credentials.js';

// Settings > Paiements: which provider takes the workspace's payments (its Stripe account, the built-in test
// provider, or none), the Stripe webhook to set up, and the Stripe connection check.

export const PAYMENT_PROVIDER_KINDS = ['stripe', 'test', 'none'] as const;
export const ZPaymentProviderKind = z.enum(PAYMENT_PROVIDER_KINDS);
export type TPaymentProviderKindView = z.infer<typeof ZPaymentProviderKind>;

/**
 * Why the built-in test provider runs or not: it runs when there are no Stripe keys (`no_stripe_keys`); it never
 * runs beside Stripe keys, nor in production without TEST_PAYMENTS=on, nor anywhere with TEST_PAYMENTS=off.
 */
export const TEST_PROVIDER_REASONS = ['no_stripe_keys', 'stripe_configured', 'production_without_setting', 'disabled_by_setting'] as const;
export const ZTestProviderReason = z.enum(TEST_PROVIDER_REASONS);
export type TTestProviderReason = z.infer<typeof ZTestProviderReason>;

/** The events to tick on the Stripe webhook endpoint (Dashboard > Developers > Webhooks); the product reads these. */
export const STRIPE_WEBHOOK_EVENTS = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.processing',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.closed',
  'invoice.paid',
  'invoice.payment_failed',
  'customer.subscription.updated',
  'customer.subscription.deleted',
] as const;

export const ZPaymentsView = z.object({
  provider: ZPaymentProviderKind,
  /** No real money moves: Stripe test keys, or the built-in test provider. */
  test_mode: z.boolean(),
  /** Where Stripe sends the workspace's events: `PUBLIC_URL/webhooks/stripe/<workspace id>`. */
  webhook_url: z.string(),
  webhook_events: z.array(z.string()),
  stripe: z.object({
    configured: z.boolean(),
    /** From the secret key's prefix: sk_test_ or sk_live_ (null without keys). */
    mode: z.enum(['test', 'live']).nullable(),
    has_webhook_secret: z.boolean(),
  }),
  test_provider: z.object({ active: z.boolean(), reason: ZTestProviderReason }),
});
export type TPaymentsView = z.infer<typeof ZPaymentsView>;

/** "Tester la connexion": the keys being typed (not saved yet), or, without a body key, the saved ones. */
export const ZStripeCheckBody = z.object({ secret_key: CREDENTIAL_PROVIDERS.stripe.shape.secret_key.optional() }).strict();
export type TStripeCheckBody = z.infer<typeof ZStripeCheckBody>;

/** The Stripe account behind the key (GET /v1/account). */
export const ZStripeCheck = z.object({
  account_id: z.string(),
  /** From the key: live keys move real money. */
  livemode: z.boolean(),
  charges_enabled: z.boolean(),
  country: z.string().nullable(),
  default_currency: z.string().nullable(),
});
export type TStripeCheck = z.infer<typeof ZStripeCheck>;

/**
 * The card typed on the built-in test payment page (the checkout's public route validates with this; the test
 * provider then answers as Stripe's test cards do). Never a real card: the page says so.
 */
export const ZTestCardBody = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[\d\s-]{12,23}$/, 'must be a card number'),
  exp_month: z.coerce.number().int().min(1).max(12),
  exp_year: z.coerce.number().int().min(0).max(2100),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
});
export type TTestCardBody = z.infer<typeof ZTestCardBody>;
