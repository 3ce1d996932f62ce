import type Stripe from 'stripe';

// The one interface the checkout, orders and webhooks call, whoever takes the money: Stripe when the workspace
// saved its keys, else the built-in test provider. Amounts are integer cents; currencies ISO 4217 (any case, sent
// lower case); every call that moves money takes the caller's idempotency key, so a retried request, a double
// click or a replayed job charges once.

export type TPaymentProviderKind = 'stripe' | 'test';

/** Key-value pairs stored with a payment (Stripe allows 50 keys of 40 characters, values of 500). */
export type TPaymentMetadata = Record<string, string>;

export type TCustomerInput = { email: string; name?: string | null; leadId: string };

export type TStartPaymentInput = {
  amount: number;
  currency: string;
  customerId: string;
  description: string;
  metadata: TPaymentMetadata;
  /** Keep the card for one-click offers (off-session charges) after this payment. */
  savePaymentMethod: true;
  idempotencyKey: string;
};

/** A payment to confirm in the buyer's browser (Payment Element, or the test provider's card form). */
export type TStartedPayment = { id: string; clientSecret: string; status: TPaymentStatus };

export type TPaymentStatus = 'succeeded' | 'processing' | 'requires_action' | 'requires_payment_method' | 'canceled';

/** `code`: Stripe's error code (card_declined, authentication_required, expired_card…); `declineCode`: the bank's reason when it gave one. */
export type TPaymentError = { code: string; message: string; declineCode?: string };

export type TPayment = {
  id: string;
  status: TPaymentStatus;
  amount: number;
  currency: string;
  /** The card used (saved for off-session charges when the payment asked for it). */
  paymentMethodId: string | null;
  customerId: string | null;
  amountRefunded: number;
  metadata: TPaymentMetadata;
  /** Why the last attempt failed (a decline), else null. */
  lastError: TPaymentError | null;
};

export type TChargeInput = {
  customerId: string;
  paymentMethodId: string;
  amount: number;
  currency: string;
  metadata: TPaymentMetadata;
  idempotencyKey: string;
};

/** An off-session charge: done, on its way (bank debits), to authenticate (3-D Secure in the buyer's browser), or refused. */
export type TChargeResult =
  | { status: 'succeeded'; paymentId: string }
  | { status: 'processing'; paymentId: string }
  | { status: 'requires_action'; paymentId: string; clientSecret: string }
  | { status: 'failed'; paymentId: string | null; code: string; message: string; declineCode?: string };

export type TRefundInput = { paymentId: string; amount?: number; idempotencyKey: string };
export type TRefund = { id: string; paymentId: string; amount: number; status: 'succeeded' | 'pending' | 'failed' };

export type TPriceSpec = { amount: number; currency: string; interval: 'month' | 'year'; productName: string };
/**
 * A subscription on a saved card whose first period was already paid (the order's payment): nothing is charged now,
 * the first renewal is billed at `firstRenewalAt` (a fixed instant, derived by the caller from the payment, so a
 * retry sends the same parameters under the same idempotency key).
 */
export type TSubscriptionInput = {
  customerId: string;
  paymentMethodId: string;
  priceSpec: TPriceSpec;
  firstRenewalAt: Date;
  idempotencyKey: string;
  metadata?: TPaymentMetadata;
};
/** The provider's state (Stripe's `trialing` until the first renewal) and the end of the current period. */
export type TSubscription = {
  id: string;
  status: 'active' | 'incomplete' | 'canceled' | 'past_due' | 'trialing' | 'unpaid' | 'incomplete_expired' | 'paused';
  currentPeriodEnd: Date | null;
};

/** A verified webhook event (Stripe's Event object; the test provider sends none). */
export type TWebhookEvent = Stripe.Event;

/** What each provider does; one instance per workspace and call (see paymentProviderFor). */
export type PaymentProvider = {
  readonly kind: TPaymentProviderKind;
  /** True when no real money moves (Stripe test keys, or the built-in provider). */
  readonly testMode: boolean;
  /** The buyer as the provider's customer (found again by lead, else created); returns its id. */
  ensureCustomer(input: TCustomerInput): Promise<string>;
  /** Creates a payment the buyer confirms in the browser; the card is kept for later off-session charges. */
  startPayment(input: TStartPaymentInput): Promise<TStartedPayment>;
  /** The payment's state as the provider knows it (the source of truth after a redirect). */
  getPayment(id: string): Promise<TPayment>;
  /** Charges a saved card without the buyer typing it again (one-click upsell). */
  chargeOffSession(input: TChargeInput): Promise<TChargeResult>;
  /** Refunds the whole remaining amount, or `amount` cents of it. */
  refund(input: TRefundInput): Promise<TRefund>;
  /** A recurring price on the saved card, first billed at `firstRenewalAt` (the first period is already paid). */
  createSubscription(input: TSubscriptionInput): Promise<TSubscription>;
  /** Ends the subscription now (no refund); canceling a canceled one answers its state. */
  cancelSubscription(id: string): Promise<TSubscription>;
  /** Checks a webhook's signature on its raw body; throws a 400-class AppError when it is wrong or stale. */
  verifyWebhook(rawBody: Buffer, signatureHeader: string | undefined): TWebhookEvent;
};
