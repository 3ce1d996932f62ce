import { STRIPE_WEBHOOK_EVENTS, type TPaymentsView, type TTestProviderReason } from '../../../contracts/commerce-payments.js';
import type { TCredentialValue } from '../../../contracts/credentials.js';
import type { TConfig } from '../../../platform/config.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { findCredential } from '../../credentials/index.js';
import { paymentsNotConfigured } from './payment-errors.js';
import type { PaymentProvider } from './payment-provider.js';
import { isStripeTestKey } from './stripe-client.js';
import { StripePaymentProvider } from './stripe-provider.js';
import { TestPaymentProvider } from './test-provider.js';

// Which provider takes a workspace's payments, decided in one place:
//   1. Stripe, when the workspace saved Stripe keys (Settings > Paiements);
//   2. else the built-in test provider, when the instance allows it (TEST_PAYMENTS; off in production by default);
//   3. else none: `payments_not_configured`.
// The test provider never runs beside Stripe keys, so a workspace that connected Stripe cannot be paid with a
// fake card, whatever the buyer's page sends.

type TSelection =
  | { kind: 'stripe'; keys: TCredentialValue<'stripe'>; testProvider: TTestProviderReason }
  | { kind: 'test' | 'none'; keys: undefined; testProvider: TTestProviderReason };

async function selectionOf(runtime: Pick<Runtime, 'config' | 'secrets'>, tenant: Tenant): Promise<TSelection> {
  const keys = await findCredential(tenant, runtime.secrets, 'stripe');
  if (keys) return { kind: 'stripe', keys, testProvider: 'stripe_configured' };
  const reason = testProviderReason(runtime.config);
  return { kind: reason === 'no_stripe_keys' ? 'test' : 'none', keys: undefined, testProvider: reason };
}

/** Why the test provider would run or not for a workspace without Stripe keys. */
function testProviderReason(config: Pick<TConfig, 'env' | 'testPayments'>): TTestProviderReason {
  if (config.testPayments) return 'no_stripe_keys';
  return config.env === 'production' ? 'production_without_setting' : 'disabled_by_setting';
}

/** The workspace's payment provider; throws `payments_not_configured` when it has none. */
export async function paymentProviderFor(runtime: Pick<Runtime, 'config' | 'secrets'>, tenant: Tenant): Promise<PaymentProvider> {
  const selection = await selectionOf(runtime, tenant);
  if (selection.kind === 'stripe') return new StripePaymentProvider(runtime.config, selection.keys);
  if (selection.kind === 'test') return new TestPaymentProvider(tenant);
  throw paymentsNotConfigured();
}

/** The test provider of a workspace whose payments it takes (the test payment page); else `payments_not_configured`. */
export async function testPaymentProviderFor(runtime: Pick<Runtime, 'config' | 'secrets'>, tenant: Tenant): Promise<TestPaymentProvider> {
  const provider = await paymentProviderFor(runtime, tenant);
  if (!(provider instanceof TestPaymentProvider)) throw paymentsNotConfigured();
  return provider;
}

/** Where Stripe sends a workspace's events: on the public server, one URL per workspace (its webhook secret). */
export function stripeWebhookUrl(config: Pick<TConfig, 'publicUrl'>, workspaceId: string): string {
  return `${config.publicUrl}/webhooks/stripe/${workspaceId}`;
}

/** Settings > Paiements: the provider in use, its mode, the webhook to set up, and the test provider's state. */
export async function paymentsView(runtime: Pick<Runtime, 'config' | 'secrets'>, tenant: Tenant): Promise<TPaymentsView> {
  const selection = await selectionOf(runtime, tenant);
  const keys = selection.keys;
  return {
    provider: selection.kind,
    test_mode: selection.kind === 'test' || (keys !== undefined && isStripeTestKey(keys.secret_key)),
    webhook_url: stripeWebhookUrl(runtime.config, tenant.workspaceId),
    webhook_events: [...STRIPE_WEBHOOK_EVENTS],
    stripe: {
      configured: keys !== undefined,
      mode: keys ? (isStripeTestKey(keys.secret_key) ? 'test' : 'live') : null,
      has_webhook_secret: Boolean(keys?.webhook_secret),
    },
    test_provider: { active: selection.kind === 'test', reason: selection.testProvider },
  };
}

/** What the buyer's page needs to take a payment: the provider, Stripe's publishable key, whether it is a test; null when none. */
export async function buyerPaymentSetup(
  runtime: Pick<Runtime, 'config' | 'secrets'>,
  tenant: Tenant,
): Promise<{ kind: 'stripe' | 'test'; publishable_key: string | null; test_mode: boolean } | null> {
  const selection = await selectionOf(runtime, tenant);
  if (selection.kind === 'none') return null;
  const keys = selection.keys;
  if (!keys) return { kind: 'test', publishable_key: null, test_mode: true };
  return { kind: 'stripe', publishable_key: keys.publishable_key, test_mode: isStripeTestKey(keys.secret_key) };
}
