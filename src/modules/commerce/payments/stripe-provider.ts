import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { TConfig } from '../../../platform/config.js';
import type { TCredentialValue } from '../../../contracts/credentials.js';
import { AppError } from '../../../platform/errors.js';
import {
  idempotencyKeyReused,
  paymentNotRefundable,
  refundTooLarge,
  stripeKeysInvalid,
  stripeRequestInvalid,
  stripeUnavailable,
  webhookSecretMissing,
  webhookSignatureInvalid,
} from './payment-errors.js';
import type {
  PaymentProvider,
  TChargeInput,
  TChargeResult,
  TCustomerInput,
  TPayment,
  TPaymentStatus,
  TRefund,
  TRefundInput,
  TStartedPayment,
  TStartPaymentInput,
  TSubscription,
  TSubscriptionInput,
  TWebhookEvent,
} from './payment-provider.js';
import { isStripeTestKey, STRIPE_WEBHOOK_TOLERANCE_SECONDS, stripeClient } from './stripe-client.js';

/** The workspace's own Stripe account, through the official client (PaymentIntents, Refunds, Subscriptions). */
export class StripePaymentProvider implements PaymentProvider {
  readonly kind = 'stripe' as const;
  readonly testMode: boolean;
  private readonly stripe: Stripe;

  constructor(
    config: Pick<TConfig, 'stripeApi'>,
    private readonly keys: TCredentialValue<'stripe'>,
  ) {
    this.stripe = stripeClient(config, keys.secret_key);
    this.testMode = isStripeTestKey(keys.secret_key);
  }

  async ensureCustomer(input: TCustomerInput): Promise<string> {
    return call(async () => {
      // Found again by its lead (one Stripe customer per lead), so saved cards stay together.
      const existing = await this.stripe.customers.list({ email: input.email, limit: 100 });
      const mine = existing.data.find((customer) => customer.metadata?.lead_id === input.leadId);
      if (mine) return mine.id;
      const created = await this.stripe.customers.create(
        { email: input.email, ...(input.name ? { name: input.name } : {}), metadata: { lead_id: input.leadId } },
        // Per lead and address: a lead whose email changed gets its customer without reusing a key with other parameters.
        { idempotencyKey: `customer-${input.leadId}-${createHash('sha256').update(input.email.toLowerCase()).digest('hex').slice(0, 16)}` },
      );
      return created.id;
    });
  }

  async startPayment(input: TStartPaymentInput): Promise<TStartedPayment> {
    const intent = await call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          customer: input.customerId,
          description: input.description,
          metadata: input.metadata,
          // The card is kept on the customer for the one-click offers that follow.
          setup_future_usage: 'off_session',
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { id: intent.id, clientSecret: intent.client_secret ?? '', status: statusOf(intent.status) };
  }

  async getPayment(id: string): Promise<TPayment> {
    const intent = await call(() => this.stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] }));
    return paymentOf(intent);
  }

  async chargeOffSession(input: TChargeInput): Promise<TChargeResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          customer: input.customerId,
          payment_method: input.paymentMethodId,
          off_session: true,
          confirm: true,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      if (intent.status === 'succeeded') return { status: 'succeeded', paymentId: intent.id };
      if (intent.status === 'processing') return { status: 'processing', paymentId: intent.id };
      if (intent.status === 'requires_action') return { status: 'requires_action', paymentId: intent.id, clientSecret: intent.client_secret ?? '' };
      const error = intent.last_payment_error;
      return { status: 'failed', paymentId: intent.id, code: error?.code ?? 'payment_failed', message: error?.message ?? intent.status, ...declineOf(error) };
    } catch (error) {
      if (!isStripeError(error) || error.type !== 'StripeCardError') throw mapStripeError(error);
      const intent = error.payment_intent;
      // The bank asks the buyer to authenticate (3-D Secure): the checkout sends them through it, then back.
      if (error.code === 'authentication_required' && intent) {
        return { status: 'requires_action', paymentId: intent.id, clientSecret: intent.client_secret ?? '' };
      }
      return { status: 'failed', paymentId: intent?.id ?? null, code: error.code ?? 'card_declined', message: error.message, ...declineOf(error) };
    }
  }

  async refund(input: TRefundInput): Promise<TRefund> {
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: input.paymentId, ...(input.amount !== undefined ? { amount: input.amount } : {}) },
        { idempotencyKey: input.idempotencyKey },
      );
      return { id: refund.id, paymentId: input.paymentId, amount: refund.amount, status: refundStatusOf(refund.status) };
    } catch (error) {
      if (isStripeError(error) && error.code === 'charge_already_refunded') throw paymentNotRefundable();
      if (isStripeError(error) && error.type === 'StripeInvalidRequestError' && error.param === 'amount') {
        const intent = await this.getPayment(input.paymentId);
        throw refundTooLarge(intent.amount - intent.amountRefunded);
      }
      throw mapStripeError(error);
    }
  }

  async createSubscription(input: TSubscriptionInput): Promise<TSubscription> {
    const { priceSpec } = input;
    return call(async () => {
      const price = await this.stripe.prices.create(
        {
          currency: priceSpec.currency.toLowerCase(),
          unit_amount: priceSpec.amount,
          recurring: { interval: priceSpec.interval },
          product_data: { name: priceSpec.productName },
        },
        { idempotencyKey: `${input.idempotencyKey}-price` },
      );
      const subscription = await this.stripe.subscriptions.create(
        {
          customer: input.customerId,
          default_payment_method: input.paymentMethodId,
          items: [{ price: price.id }],
          // The first period was paid by the order: Stripe's documented way to bill nothing now and the price from a
          // later date is a trial ending then (status `trialing` until that first renewal).
          trial_end: Math.floor(input.firstRenewalAt.getTime() / 1000),
          off_session: true,
          // An authentication or a decline leaves it `incomplete` (an answer) instead of an error.
          payment_behavior: 'allow_incomplete',
          ...(input.metadata ? { metadata: input.metadata } : {}),
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return subscriptionOf(subscription);
    });
  }

  async cancelSubscription(id: string): Promise<TSubscription> {
    try {
      return subscriptionOf(await this.stripe.subscriptions.cancel(id));
    } catch (error) {
      // Stripe refuses to cancel a canceled subscription: a second cancel (here, or after one in Stripe's dashboard)
      // answers its state.
      if (isStripeError(error) && error.type === 'StripeInvalidRequestError') {
        const current = await call(() => this.stripe.subscriptions.retrieve(id));
        if (current.status === 'canceled') return subscriptionOf(current);
      }
      throw mapStripeError(error);
    }
  }

  verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined): TWebhookEvent {
    const secret = this.keys.webhook_secret;
    if (!secret) throw webhookSecretMissing();
    if (!signatureHeader) throw webhookSignatureInvalid('no Stripe-Signature header');
    try {
      return this.stripe.webhooks.constructEvent(rawBody, signatureHeader, secret, STRIPE_WEBHOOK_TOLERANCE_SECONDS);
    } catch (error) {
      throw webhookSignatureInvalid(error instanceof Error ? error.message : String(error));
    }
  }
}

/** Stripe's account behind a secret key: what Settings > Paiements shows after "Tester la connexion". */
export async function checkStripeAccount(config: Pick<TConfig, 'stripeApi'>, secretKey: string) {
  const account = await call(() => stripeClient(config, secretKey).accounts.retrieveCurrent());
  return {
    account_id: account.id,
    // An account has no mode; the key does (a live account answers test keys too).
    livemode: !isStripeTestKey(secretKey),
    charges_enabled: account.charges_enabled,
    country: account.country ?? null,
    default_currency: account.default_currency ?? null,
  };
}

function paymentOf(intent: Stripe.PaymentIntent): TPayment {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const error = intent.last_payment_error;
  return {
    id: intent.id,
    status: statusOf(intent.status),
    amount: intent.amount,
    currency: intent.currency,
    paymentMethodId: idOf(intent.payment_method),
    customerId: idOf(intent.customer),
    amountRefunded: charge?.amount_refunded ?? 0,
    metadata: intent.metadata ?? {},
    lastError: error ? { code: error.code ?? 'payment_failed', message: error.message ?? '', ...declineOf(error) } : null,
  };
}

/** Stripe's eight states in our five (no manual capture here: requires_capture is money on its way). */
function statusOf(status: Stripe.PaymentIntent.Status): TPaymentStatus {
  switch (status) {
    case 'succeeded':
      return 'succeeded';
    case 'requires_action':
      return 'requires_action';
    case 'canceled':
      return 'canceled';
    case 'processing':
    case 'requires_capture':
      return 'processing';
    default:
      return 'requires_payment_method';
  }
}

/** A subscription as the orders need it; the period's end is on its item since Stripe's 2025-03-31 API. */
export function subscriptionOf(subscription: Stripe.Subscription): TSubscription {
  const item = subscription.items?.data?.[0] as { current_period_end?: number } | undefined;
  const legacy = (subscription as unknown as { current_period_end?: number }).current_period_end;
  const end = item?.current_period_end ?? legacy ?? subscription.trial_end ?? null;
  return { id: subscription.id, status: subscriptionStatusOf(subscription.status), currentPeriodEnd: end ? new Date(end * 1000) : null };
}

const SUBSCRIPTION_STATUSES: readonly string[] = ['active', 'incomplete', 'canceled', 'past_due', 'trialing', 'unpaid', 'incomplete_expired', 'paused'];

/** Stripe's subscription states; one added after this version reads as `incomplete` (not paid, not ended). */
function subscriptionStatusOf(status: string): TSubscription['status'] {
  return (SUBSCRIPTION_STATUSES.includes(status) ? status : 'incomplete') as TSubscription['status'];
}

function refundStatusOf(status: string | null): TRefund['status'] {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'failed' || status === 'canceled') return 'failed';
  return 'pending';
}

function declineOf(error: { decline_code?: string } | null | undefined): { declineCode?: string } {
  return error?.decline_code ? { declineCode: error.decline_code } : {};
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

type TStripeError = Error & {
  type: string;
  code?: string;
  decline_code?: string;
  param?: string;
  statusCode?: number;
  payment_intent?: Stripe.PaymentIntent;
};

function isStripeError(error: unknown): error is TStripeError {
  const type = error instanceof Error ? (error as unknown as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type.startsWith('Stripe');
}

/** Runs a Stripe call, turning its errors into ours. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw mapStripeError(error);
  }
}

/** Stripe's error classes as our codes: keys refused, unreachable, idempotency misuse, request refused. */
function mapStripeError(error: unknown): Error {
  if (error instanceof AppError || !isStripeError(error)) return error as Error;
  switch (error.type) {
    case 'StripeAuthenticationError':
    case 'StripePermissionError':
      return stripeKeysInvalid();
    case 'StripeConnectionError':
    case 'StripeAPIError':
    case 'StripeRateLimitError':
      return stripeUnavailable(error.message);
    case 'StripeIdempotencyError':
      return idempotencyKeyReused();
    default:
      return stripeRequestInvalid(error.message);
  }
}
