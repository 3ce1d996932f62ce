import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StripeFake } from '../../../../test/stripe-fake.js';
import { loadConfig, type TConfig } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import { STRIPE_API_VERSION, stripeClient } from './stripe-client.js';
import { checkStripeAccount, StripePaymentProvider } from './stripe-provider.js';

// The Stripe provider through the official client, against a local fake of the Stripe API (test/stripe-fake.ts):
// what a checkout and a one-click upsell will do, and what must never happen twice.

let fake: StripeFake;
let config: Pick<TConfig, 'stripeApi'>;
let provider: StripePaymentProvider;
const webhookSecret = 'whsec_test_secret_of_the_workspace';

beforeAll(async () => {
  fake = new StripeFake();
  config = loadConfig({ NODE_ENV: 'test', STRIPE_API_URL: await fake.start() });
  provider = new StripePaymentProvider(config, { secret_key: fake.secretKey, publishable_key: 'pk_test_fake', webhook_secret: webhookSecret });
});
afterAll(() => fake.stop());

let keyCounter = 0;
const key = (label: string) => `${label}-${Date.now()}-${(keyCounter += 1)}`;

/** What Stripe.js does in the buyer's browser with the Payment Element: confirms the intent with a card. */
async function confirmInBrowser(paymentId: string, paymentMethod: string) {
  return stripeClient(config, fake.secretKey)
    .paymentIntents.confirm(paymentId, { payment_method: paymentMethod })
    .catch((error: unknown) => (error as { payment_intent: Stripe.PaymentIntent }).payment_intent);
}

/** A customer who paid once on-session with this card: its saved payment method. */
async function buyerWithSavedCard(card: string): Promise<{ customerId: string; paymentMethodId: string }> {
  const customerId = await provider.ensureCustomer({ email: `${key('buyer')}@example.com`, name: 'Anne', leadId: crypto.randomUUID() });
  const started = await provider.startPayment({
    amount: 4_700,
    currency: 'EUR',
    customerId,
    description: 'Formation',
    metadata: { order_id: 'o1' },
    savePaymentMethod: true,
    idempotencyKey: key('start'),
  });
  await confirmInBrowser(started.id, card);
  if (card === 'pm_card_authenticationRequired') fake.completeAuthentication(started.id, true);
  const payment = await provider.getPayment(started.id);
  expect(payment.status).toBe('succeeded');
  return { customerId, paymentMethodId: payment.paymentMethodId! };
}

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

describe('Stripe provider against the fake Stripe API', () => {
  it('finds a lead’s customer again instead of creating a second one, and pins the API version', async () => {
    const leadId = crypto.randomUUID();
    const email = `${key('same')}@example.com`;
    const first = await provider.ensureCustomer({ email, name: 'Anne', leadId });
    const again = await provider.ensureCustomer({ email, name: 'Anne', leadId });
    expect(again).toBe(first);
    expect(first).toMatch(/^cus_/);
    expect(fake.callsTo('POST', '/v1/customers').filter((c) => c.params.email === email)).toHaveLength(1);
    expect(fake.calls.every((call) => call.stripeVersion === STRIPE_API_VERSION)).toBe(true);
  });

  it('starts a payment that saves the card, and a repeated key gives the same payment (one PaymentIntent)', async () => {
    const customerId = await provider.ensureCustomer({ email: `${key('a')}@example.com`, leadId: crypto.randomUUID() });
    const input = {
      amount: 9_700,
      currency: 'EUR',
      customerId,
      description: 'Formation',
      metadata: { order_id: 'o-1' },
      savePaymentMethod: true as const,
      idempotencyKey: key('start'),
    };
    const before = fake.paymentIntents().length;
    const first = await provider.startPayment(input);
    const second = await provider.startPayment(input);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: 'requires_payment_method' });
    expect(first.clientSecret).toMatch(new RegExp(`^${first.id}_secret_`));
    expect(fake.paymentIntents().length).toBe(before + 1);
    const call = fake.callsTo('POST', '/v1/payment_intents').at(-1)!;
    expect(call.params).toMatchObject({ amount: '9700', currency: 'eur', setup_future_usage: 'off_session', metadata: { order_id: 'o-1' } });
    expect(call.idempotencyKey).toBe(input.idempotencyKey);

    // The same key with another amount is a caller's bug: refused, never a second payment.
    expect(await reason(provider.startPayment({ ...input, amount: 100 }))).toBe('idempotency_key_reused');
  });

  it('retries a request whose answer was lost with the same key: one payment', async () => {
    const customerId = await provider.ensureCustomer({ email: `${key('lost')}@example.com`, leadId: crypto.randomUUID() });
    const before = fake.paymentIntents().length;
    const calls = fake.callsTo('POST', '/v1/payment_intents').length;
    fake.dropResponses(1);
    const started = await provider.startPayment({
      amount: 2_000,
      currency: 'eur',
      customerId,
      description: 'x',
      metadata: {},
      savePaymentMethod: true,
      idempotencyKey: key('lost'),
    });
    expect(started.id).toMatch(/^pi_/);
    const sent = fake.callsTo('POST', '/v1/payment_intents').slice(calls);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.idempotencyKey).toBe(sent[1]!.idempotencyKey);
    expect(fake.paymentIntents().length).toBe(before + 1);
  });

  it('reads a paid payment with its saved card and customer', async () => {
    const { customerId, paymentMethodId } = await buyerWithSavedCard('pm_card_visa');
    expect(paymentMethodId).toMatch(/^pm_/);
    expect(paymentMethodId).not.toBe('pm_card_visa');
    expect(customerId).toMatch(/^cus_/);
  });

  it('charges a saved card off-session once per key (a double click is one charge)', async () => {
    const { customerId, paymentMethodId } = await buyerWithSavedCard('pm_card_visa');
    const input = { customerId, paymentMethodId, amount: 2_700, currency: 'eur', metadata: { offer: 'upsell' }, idempotencyKey: key('upsell') };
    const before = fake.paymentIntents().length;
    const [a, b] = await Promise.all([provider.chargeOffSession(input), provider.chargeOffSession(input)]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ status: 'succeeded' });
    expect(fake.paymentIntents().length).toBe(before + 1);
    const payment = await provider.getPayment(a.paymentId!);
    expect(payment).toMatchObject({ status: 'succeeded', amount: 2_700, customerId, paymentMethodId, lastError: null });
    expect(fake.callsTo('POST', '/v1/payment_intents').at(-1)!.params).toMatchObject({ off_session: 'true', confirm: 'true' });
  });

  it('reports a declined card (card_declined and the bank’s reason) without throwing', async () => {
    const customerId = await provider.ensureCustomer({ email: `${key('declined')}@example.com`, leadId: crypto.randomUUID() });
    const result = await provider.chargeOffSession({
      customerId,
      paymentMethodId: 'pm_card_chargeDeclined',
      amount: 2_700,
      currency: 'eur',
      metadata: {},
      idempotencyKey: key('declined'),
    });
    expect(result).toMatchObject({ status: 'failed', code: 'card_declined', declineCode: 'generic_decline' });
    expect(result.paymentId).toMatch(/^pi_/);
    const payment = await provider.getPayment(result.paymentId!);
    expect(payment).toMatchObject({ status: 'requires_payment_method', lastError: { code: 'card_declined' } });
  });

  it('asks for 3-D Secure: off-session an authentication step with the client secret, on-session requires_action', async () => {
    const customerId = await provider.ensureCustomer({ email: `${key('3ds')}@example.com`, leadId: crypto.randomUUID() });
    const offSession = await provider.chargeOffSession({
      customerId,
      paymentMethodId: 'pm_card_authenticationRequired',
      amount: 4_700,
      currency: 'eur',
      metadata: {},
      idempotencyKey: key('3ds'),
    });
    expect(offSession.status).toBe('requires_action');
    if (offSession.status !== 'requires_action') return;
    expect(offSession.clientSecret).toMatch(new RegExp(`^${offSession.paymentId}_secret_`));

    const started = await provider.startPayment({
      amount: 4_700,
      currency: 'eur',
      customerId,
      description: 'x',
      metadata: {},
      savePaymentMethod: true,
      idempotencyKey: key('3ds-on'),
    });
    await confirmInBrowser(started.id, 'pm_card_authenticationRequired');
    expect((await provider.getPayment(started.id)).status).toBe('requires_action');
    fake.completeAuthentication(started.id, true);
    expect((await provider.getPayment(started.id)).status).toBe('succeeded');
  });

  it('refunds part, then the rest; more than what is left or a second full refund are refused', async () => {
    const { customerId, paymentMethodId } = await buyerWithSavedCard('pm_card_visa');
    const charge = await provider.chargeOffSession({ customerId, paymentMethodId, amount: 5_000, currency: 'eur', metadata: {}, idempotencyKey: key('c') });
    const paymentId = charge.paymentId!;
    const partialKey = key('refund');
    const partial = await provider.refund({ paymentId, amount: 1_000, idempotencyKey: partialKey });
    expect(partial).toMatchObject({ paymentId, amount: 1_000, status: 'succeeded' });
    expect(partial.id).toMatch(/^re_/);
    // A retried refund with its key is the same refund.
    expect(await provider.refund({ paymentId, amount: 1_000, idempotencyKey: partialKey })).toEqual(partial);
    expect(await reason(provider.refund({ paymentId, amount: 4_001, idempotencyKey: key('too-much') }))).toBe('refund_too_large');
    const rest = await provider.refund({ paymentId, idempotencyKey: key('rest') });
    expect(rest.amount).toBe(4_000);
    expect((await provider.getPayment(paymentId)).amountRefunded).toBe(5_000);
    expect(await reason(provider.refund({ paymentId, idempotencyKey: key('again') }))).toBe('payment_not_refundable');
  });

  it('creates a monthly subscription on the saved card, billed from the first renewal (a trial until then), and cancels it once', async () => {
    const { customerId, paymentMethodId } = await buyerWithSavedCard('pm_card_visa');
    const priceSpec = { amount: 2_900, currency: 'EUR', interval: 'month' as const, productName: 'Club' };
    const idempotencyKey = key('sub');
    const firstRenewalAt = new Date(Math.floor(Date.now() / 1000 + 30 * 86_400) * 1000);
    const subscription = await provider.createSubscription({ customerId, paymentMethodId, priceSpec, firstRenewalAt, idempotencyKey });
    expect(subscription).toMatchObject({ status: 'trialing', currentPeriodEnd: firstRenewalAt });
    expect(subscription.id).toMatch(/^sub_/);
    expect(await provider.createSubscription({ customerId, paymentMethodId, priceSpec, firstRenewalAt, idempotencyKey })).toEqual(subscription);
    expect(fake.callsTo('POST', '/v1/prices').at(-1)!.params).toMatchObject({ unit_amount: '2900', currency: 'eur', recurring: { interval: 'month' } });
    expect(fake.callsTo('POST', '/v1/subscriptions').at(-1)!.params).toMatchObject({ trial_end: String(firstRenewalAt.getTime() / 1000), off_session: 'true' });
    expect(await provider.cancelSubscription(subscription.id)).toMatchObject({ id: subscription.id, status: 'canceled' });
    // Canceled twice (a double click, or already canceled in Stripe's dashboard): its state, no error.
    expect(await provider.cancelSubscription(subscription.id)).toMatchObject({ id: subscription.id, status: 'canceled' });

    // Nothing is charged now: a card that will ask for 3-D Secure at the renewal still starts the subscription.
    const secure = await buyerWithSavedCard('pm_card_authenticationRequired');
    const later = await provider.createSubscription({ ...secure, priceSpec, firstRenewalAt, idempotencyKey: key('sub-3ds') });
    expect(later.status).toBe('trialing');
  });

  it('maps a refused key to stripe_keys_invalid and an unreachable API to stripe_unavailable', async () => {
    const wrong = new StripePaymentProvider(config, { secret_key: 'sk_test_not_this_one', publishable_key: 'pk_test_x' });
    expect(await reason(wrong.ensureCustomer({ email: 'a@example.com', leadId: crypto.randomUUID() }))).toBe('stripe_keys_invalid');
    expect(await reason(checkStripeAccount(config, 'sk_test_not_this_one'))).toBe('stripe_keys_invalid');
    expect(await checkStripeAccount(config, fake.secretKey)).toEqual({
      account_id: fake.accountId,
      livemode: false,
      charges_enabled: true,
      country: 'FR',
      default_currency: 'eur',
    });
    const closed = loadConfig({ NODE_ENV: 'test', STRIPE_API_URL: 'http://127.0.0.1:9' });
    expect(await reason(checkStripeAccount(closed, fake.secretKey))).toBe('stripe_unavailable');
  });
});

describe('Stripe webhook signatures', () => {
  const payload = JSON.stringify({
    id: 'evt_1',
    object: 'event',
    type: 'payment_intent.succeeded',
    data: { object: { id: 'pi_1', object: 'payment_intent' } },
  });
  const sign = (options: { secret?: string; timestamp?: number } = {}) =>
    Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? webhookSecret,
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    });

  it('accepts a payload signed with the workspace’s secret', () => {
    const event = provider.verifyWebhook(Buffer.from(payload), sign());
    expect(event).toMatchObject({ id: 'evt_1', type: 'payment_intent.succeeded' });
  });

  it('refuses another secret, a changed body, a stale signature, no header, and a workspace without a secret', async () => {
    const refused = (body: string, header: string | undefined) => reason(Promise.resolve().then(() => provider.verifyWebhook(Buffer.from(body), header)));
    expect(await refused(payload, sign({ secret: 'whsec_someone_else' }))).toBe('webhook_signature_invalid');
    expect(await refused(payload.replace('pi_1', 'pi_2'), sign())).toBe('webhook_signature_invalid');
    expect(await refused(payload, sign({ timestamp: Math.floor(Date.now() / 1000) - 301 }))).toBe('webhook_signature_invalid');
    expect(await refused(payload, undefined)).toBe('webhook_signature_invalid');
    // 299 s old is still within Stripe's 300 s tolerance.
    expect(provider.verifyWebhook(Buffer.from(payload), sign({ timestamp: Math.floor(Date.now() / 1000) - 299 })).id).toBe('evt_1');
    const noSecret = new StripePaymentProvider(config, { secret_key: fake.secretKey, publishable_key: 'pk_test_x' });
    expect(await reason(Promise.resolve().then(() => noSecret.verifyWebhook(Buffer.from(payload), sign())))).toBe('stripe_webhook_secret_missing');
  });
});
