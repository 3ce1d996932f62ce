import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../../test/harness.js';
import { testDatabaseMode } from '../../../../test/test-database.js';
import { ZTestCardBody } from '../../../contracts/commerce-payments.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { TEST_CARDS, testCardOutcome } from './test-cards.js';
import { TestPaymentProvider } from './test-provider.js';

// The built-in test provider on a real database (PGlite, and PostgreSQL with npm run test:pg): the test cards,
// refunds, and idempotency held by the unique index, also under concurrent calls.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const future = { exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123' };
let counter = 0;
const key = (label: string) => `${label}-${(counter += 1)}`;

async function newProvider(): Promise<{ provider: TestPaymentProvider; workspaceId: string }> {
  const owner = await signUp(t.app);
  return { provider: new TestPaymentProvider(new Tenant(t.runtime.db, owner.workspaceId)), workspaceId: owner.workspaceId };
}

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

async function rowCount(workspaceId: string): Promise<number> {
  const { rows } = await t.runtime.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM test_payments WHERE workspace_id = $1', [workspaceId]);
  return rows[0]!.n;
}

/** A buyer who paid on the test payment page with this card: their customer id and saved card. */
async function paidWith(provider: TestPaymentProvider, number: string) {
  const customerId = await provider.ensureCustomer({ email: 'anne@example.com', leadId: crypto.randomUUID() });
  const started = await provider.startPayment({
    amount: 9_700,
    currency: 'EUR',
    customerId,
    description: 'Formation',
    metadata: { order_id: 'o1' },
    savePaymentMethod: true,
    idempotencyKey: key('start'),
  });
  let payment = await provider.confirmCard(started.clientSecret, { number, ...future });
  if (payment.status === 'requires_action') payment = await provider.authenticate(started.clientSecret, true);
  return { customerId, paymentId: payment.id, paymentMethodId: payment.paymentMethodId! };
}

describe('test cards', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  it('pays with 4242, declines 0002, asks 3-D Secure for 3184, as Stripe’s test cards', () => {
    expect(testCardOutcome({ number: '4242 4242 4242 4242', ...future }, now)).toEqual({ result: 'succeeded', behaviour: 'visa' });
    expect(testCardOutcome({ number: TEST_CARDS.declined, ...future }, now)).toMatchObject({ result: 'declined', code: 'card_declined' });
    expect(testCardOutcome({ number: '4000-0027-6000-3184', ...future }, now)).toEqual({ result: 'requires_action', behaviour: 'authentication' });
  });

  it('refuses a wrong number, a past expiry, a bad CVC; accepts the current month', () => {
    expect(testCardOutcome({ number: '4242424242424241', ...future }, now)).toMatchObject({ code: 'incorrect_number' });
    expect(testCardOutcome({ number: TEST_CARDS.visa, exp_month: 11, exp_year: 2026, cvc: '123' }, now)).toMatchObject({ code: 'expired_card' });
    expect(testCardOutcome({ number: TEST_CARDS.visa, exp_month: 12, exp_year: 26, cvc: '123' }, now)).toMatchObject({ result: 'succeeded' });
    expect(testCardOutcome({ number: TEST_CARDS.visa, ...future, cvc: '12' }, now)).toMatchObject({ code: 'invalid_cvc' });
    // A real card number (Luhn-valid) is declined: this is not a real payment.
    expect(testCardOutcome({ number: '5555555555554444', ...future }, now)).toMatchObject({ code: 'card_declined' });
  });

  it('validates the test page’s form before the provider sees it', () => {
    expect(ZTestCardBody.parse({ number: ' 4242 4242 4242 4242 ', exp_month: '12', exp_year: '2030', cvc: '123' })).toEqual({
      number: '4242 4242 4242 4242',
      exp_month: 12,
      exp_year: 2030,
      cvc: '123',
    });
    const bad = ZTestCardBody.safeParse({ number: '4242<script>', exp_month: 13, exp_year: 2030, cvc: '12' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['cvc', 'exp_month', 'number']);
  });
});

describe('built-in test provider', () => {
  it('pays on the test page, keeps the card for one-click offers, and a second submit changes nothing', async () => {
    const { provider } = await newProvider();
    const customerId = await provider.ensureCustomer({ email: 'a@example.com', leadId: '0b6f9d5e-94a1-4a8b-9c55-4c1b3c2a1f00' });
    expect(customerId).toMatch(/^tcus_/);
    const started = await provider.startPayment({
      amount: 4_700,
      currency: 'EUR',
      customerId,
      description: 'Guide',
      metadata: { order_id: 'o1' },
      savePaymentMethod: true,
      idempotencyKey: key('start'),
    });
    expect(started.status).toBe('requires_payment_method');
    const declined = await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.declined, ...future });
    expect(declined).toMatchObject({ status: 'requires_payment_method', lastError: { code: 'card_declined' }, paymentMethodId: null });
    const paid = await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.visa, ...future });
    expect(paid).toMatchObject({ status: 'succeeded', amount: 4_700, currency: 'eur', customerId, lastError: null, metadata: { order_id: 'o1' } });
    expect(paid.paymentMethodId).toMatch(/^tpm_visa_/);
    const again = await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.declined, ...future });
    expect(again).toEqual(paid);
    expect(await provider.getPayment(started.id)).toEqual(paid);
    // The payment page's secret is the key: a wrong one finds nothing.
    expect(await reason(provider.confirmCard(`${started.id}_secret_wrong`, { number: TEST_CARDS.visa, ...future }))).toBe('not_found');
  });

  it('3-D Secure: refused authentication leaves the payment to retry, approved pays', async () => {
    const { provider } = await newProvider();
    const customerId = await provider.ensureCustomer({ email: 'a@example.com', leadId: crypto.randomUUID() });
    const started = await provider.startPayment({
      amount: 4_700,
      currency: 'eur',
      customerId,
      description: 'x',
      metadata: {},
      savePaymentMethod: true,
      idempotencyKey: key('s'),
    });
    expect((await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.authentication, ...future })).status).toBe('requires_action');
    expect(await provider.authenticate(started.clientSecret, false)).toMatchObject({
      status: 'requires_payment_method',
      lastError: { code: 'payment_intent_authentication_failure' },
    });
    await provider.confirmCard(started.clientSecret, { number: TEST_CARDS.authentication, ...future });
    expect((await provider.authenticate(started.clientSecret, true)).status).toBe('succeeded');
  });

  it('one row per idempotency key; the same key with other parameters is refused', async () => {
    const { provider, workspaceId } = await newProvider();
    const input = {
      amount: 4_700,
      currency: 'eur',
      customerId: 'tcus_x',
      description: 'x',
      metadata: {},
      savePaymentMethod: true as const,
      idempotencyKey: key('same'),
    };
    const first = await provider.startPayment(input);
    expect(await provider.startPayment(input)).toEqual(first);
    expect(await rowCount(workspaceId)).toBe(1);
    expect(await reason(provider.startPayment({ ...input, amount: 100 }))).toBe('idempotency_key_reused');
    expect(await reason(provider.startPayment({ ...input, idempotencyKey: key('zero'), amount: 0 }))).toBe('amount_invalid');
    // Keys are per workspace: another workspace may use the same one.
    const other = await newProvider();
    expect((await other.provider.startPayment(input)).id).not.toBe(first.id);
  });

  it('charges a saved card off-session once per key; an unknown card is refused; 3184 asks for authentication', async () => {
    const { provider, workspaceId } = await newProvider();
    const buyer = await paidWith(provider, TEST_CARDS.visa);
    const input = {
      customerId: buyer.customerId,
      paymentMethodId: buyer.paymentMethodId,
      amount: 2_700,
      currency: 'eur',
      metadata: {},
      idempotencyKey: key('up'),
    };
    const charged = await provider.chargeOffSession(input);
    expect(charged.status).toBe('succeeded');
    expect(await provider.chargeOffSession(input)).toEqual(charged);
    expect(await rowCount(workspaceId)).toBe(2);
    expect(await reason(provider.chargeOffSession({ ...input, paymentMethodId: 'tpm_visa_0000', idempotencyKey: key('unknown') }))).toBe(
      'payment_method_unknown',
    );
    // Another customer cannot use this card.
    expect(await reason(provider.chargeOffSession({ ...input, customerId: 'tcus_other', idempotencyKey: key('other') }))).toBe('payment_method_unknown');

    const secure = await paidWith(provider, TEST_CARDS.authentication);
    const upsell = await provider.chargeOffSession({ ...secure, amount: 1_900, currency: 'eur', metadata: {}, idempotencyKey: key('3ds') });
    expect(upsell.status).toBe('requires_action');
    if (upsell.status !== 'requires_action') return;
    expect((await provider.authenticate(upsell.clientSecret, true)).status).toBe('succeeded');
  });

  it('refunds part then the rest; a replayed refund is the same refund; too much or nothing left is refused', async () => {
    const { provider } = await newProvider();
    const { paymentId } = await paidWith(provider, TEST_CARDS.visa);
    const refundKey = key('r1');
    const partial = await provider.refund({ paymentId, amount: 2_000, idempotencyKey: refundKey });
    expect(partial).toMatchObject({ paymentId, amount: 2_000, status: 'succeeded' });
    expect(await provider.refund({ paymentId, amount: 2_000, idempotencyKey: refundKey })).toEqual(partial);
    expect((await provider.getPayment(paymentId)).amountRefunded).toBe(2_000);
    expect(await reason(provider.refund({ paymentId, amount: 7_701, idempotencyKey: key('big') }))).toBe('refund_too_large');
    expect((await provider.refund({ paymentId, idempotencyKey: key('rest') })).amount).toBe(7_700);
    expect((await provider.getPayment(paymentId)).amountRefunded).toBe(9_700);
    expect(await reason(provider.refund({ paymentId, idempotencyKey: key('more') }))).toBe('payment_not_refundable');
    expect(await reason(provider.refund({ paymentId: crypto.randomUUID(), idempotencyKey: key('none') }))).toBe('not_found');
  });

  it('subscriptions: active on any saved card (nothing charged now), their period ending at the first renewal, canceled once', async () => {
    const { provider } = await newProvider();
    const buyer = await paidWith(provider, TEST_CARDS.visa);
    const priceSpec = { amount: 2_900, currency: 'EUR', interval: 'month' as const, productName: 'Club' };
    const firstRenewalAt = new Date('2031-02-28T10:00:00Z');
    const idempotencyKey = key('sub');
    const subscription = await provider.createSubscription({ ...buyer, priceSpec, firstRenewalAt, idempotencyKey });
    expect(subscription).toMatchObject({ status: 'active', currentPeriodEnd: firstRenewalAt });
    expect(await provider.createSubscription({ ...buyer, priceSpec, firstRenewalAt, idempotencyKey })).toEqual(subscription);
    expect(await provider.cancelSubscription(subscription.id)).toMatchObject({ id: subscription.id, status: 'canceled' });
    const secure = await paidWith(provider, TEST_CARDS.authentication);
    expect((await provider.createSubscription({ ...secure, priceSpec, firstRenewalAt, idempotencyKey: key('sub2') })).status).toBe('active');
    expect(await reason(provider.cancelSubscription(buyer.paymentId))).toBe('not_found');
  });

  it("a workspace never sees another's test payments", async () => {
    const a = await newProvider();
    const b = await newProvider();
    const { paymentId } = await paidWith(a.provider, TEST_CARDS.visa);
    expect(await reason(b.provider.getPayment(paymentId))).toBe('not_found');
    expect(await reason(b.provider.refund({ paymentId, idempotencyKey: key('b') }))).toBe('not_found');
    expect((await a.provider.getPayment(paymentId)).amountRefunded).toBe(0);
  });

  it('concurrent calls with one key charge once, and concurrent refunds never exceed the payment', async () => {
    const { provider, workspaceId } = await newProvider();
    const buyer = await paidWith(provider, TEST_CARDS.visa);
    const input = {
      customerId: buyer.customerId,
      paymentMethodId: buyer.paymentMethodId,
      amount: 2_700,
      currency: 'eur',
      metadata: {},
      idempotencyKey: key('race'),
    };
    const before = await rowCount(workspaceId);
    const results = await Promise.all(Array.from({ length: 8 }, () => provider.chargeOffSession(input)));
    expect(new Set(results.map((r) => r.paymentId)).size).toBe(1);
    expect(await rowCount(workspaceId)).toBe(before + 1);
    const { rows } = await t.runtime.database.raw.query('SELECT id FROM test_payments WHERE workspace_id = $1 AND idempotency_key = $2', [
      workspaceId,
      input.idempotencyKey,
    ]);
    expect(rows).toHaveLength(1);

    // Five refunds of 3,000 at once on a 9,700 payment: three pass, the others are refused, nothing goes over.
    const refunds = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => provider.refund({ paymentId: buyer.paymentId, amount: 3_000, idempotencyKey: key(`race-refund-${i}`) })),
    );
    expect(refunds.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = refunds.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as AppError).reason);
    expect(refused).toEqual(['refund_too_large', 'refund_too_large']);
    const total = await t.runtime.db.execute(sql`SELECT refunded_amount FROM test_payments WHERE id = ${buyer.paymentId}`);
    expect((total as unknown as { rows: { refunded_amount: number }[] }).rows[0]!.refunded_amount).toBe(9_000);
  });

  it.runIf(testDatabaseMode().kind === 'postgres')('PostgreSQL: a charge racing an uncommitted one with its key waits, then returns that payment', async () => {
    const { provider, workspaceId } = await newProvider();
    const buyer = await paidWith(provider, TEST_CARDS.visa);
    const input = {
      customerId: buyer.customerId,
      paymentMethodId: buyer.paymentMethodId,
      amount: 1_500,
      currency: 'eur',
      metadata: {},
      idempotencyKey: key('pg-race'),
    };
    let settled = false;
    let second: Promise<{ paymentId: string | null }> | undefined;
    // The first charge inserts its row in a transaction left open while the second, on another connection, runs.
    const first = await t.runtime.db.transaction(async (tx) => {
      const inside = await new TestPaymentProvider(new Tenant(tx, workspaceId)).chargeOffSession(input);
      second = provider.chargeOffSession(input).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Still waiting on the unique index: it neither inserted a second row nor answered.
      expect(settled).toBe(false);
      return inside;
    });
    expect((await second!).paymentId).toBe(first.paymentId);
    const { rows } = await t.runtime.database.raw.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM test_payments WHERE workspace_id = $1 AND idempotency_key = $2',
      [workspaceId, input.idempotencyKey],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
