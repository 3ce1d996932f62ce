import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { businessNow } from '../../../platform/clock.js';
import { isUuid, Tenant } from '../../../platform/db/tenant.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { idempotencyKeyReused, paymentMethodUnknown, paymentNotRefundable, refundTooLarge, webhookSignatureInvalid } from './payment-errors.js';
import type {
  PaymentProvider,
  TChargeInput,
  TChargeResult,
  TCustomerInput,
  TPayment,
  TPaymentMetadata,
  TPaymentStatus,
  TRefund,
  TRefundInput,
  TStartedPayment,
  TStartPaymentInput,
  TSubscription,
  TSubscriptionInput,
  TWebhookEvent,
} from './payment-provider.js';
import { behaviourOf, testCardOutcome, type TTestCardInput } from './test-cards.js';
import { testPayments } from './test-payments.tables.js';

type TRow = typeof testPayments.$inferSelect;
type TNewRow = Omit<typeof testPayments.$inferInsert, 'workspace_id' | 'idempotency_key' | 'request_hash'>;

/**
 * The built-in "paiement de test": no money moves, but payments, refunds and idempotency are real rows of
 * `test_payments`, so a newcomer goes through a whole funnel and sees orders and revenue. Runs only for workspaces
 * without Stripe keys, and in production only with TEST_PAYMENTS=on (payment-providers.ts decides).
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly kind = 'test' as const;
  readonly testMode = true;

  constructor(private readonly tenant: Tenant) {}

  /** A stable id per lead: the test provider keeps no customers, only their payments. */
  async ensureCustomer(input: TCustomerInput): Promise<string> {
    return `tcus_${createHash('sha256').update(`${this.tenant.workspaceId}:${input.leadId}`).digest('hex').slice(0, 24)}`;
  }

  async startPayment(input: TStartPaymentInput): Promise<TStartedPayment> {
    positiveCents(input.amount);
    const id = randomUUID();
    const { row } = await this.insertOnce(input.idempotencyKey, hashOf('start', { ...input, idempotencyKey: undefined }), {
      id,
      kind: 'payment',
      amount: input.amount,
      currency: input.currency.toLowerCase(),
      status: 'requires_payment_method',
      customer_id: input.customerId,
      description: input.description,
      metadata: input.metadata,
      client_secret: `${id}_secret_${randomBytes(18).toString('base64url')}`,
    });
    return { id: row.id, clientSecret: row.client_secret ?? '', status: row.status as TPaymentStatus };
  }

  /**
   * The buyer's card typed on the test payment page (what Stripe.js does with Stripe): pays, is declined, or asks
   * for 3-D Secure (then `authenticate`). A declined payment may be tried again with another card; a paid one
   * stays paid (a second submit changes nothing).
   */
  async confirmCard(clientSecret: string, card: TTestCardInput): Promise<TPayment> {
    const row = await this.bySecret(clientSecret);
    if (row.status !== 'requires_payment_method') return paymentOf(row);
    const outcome = testCardOutcome(card, businessNow());
    const values =
      outcome.result === 'declined'
        ? { last_error: { code: outcome.code, message: outcome.message } }
        : { status: outcome.result, payment_method_id: newPaymentMethodId(outcome.behaviour), last_error: null };
    const updated = await this.tenant.db
      .update(testPayments)
      .set(values)
      .where(this.tenant.where(testPayments, eq(testPayments.id, row.id), eq(testPayments.status, 'requires_payment_method')))
      .returning();
    return paymentOf(updated[0] ?? (await this.row(row.id)));
  }

  /** The buyer's answer on the 3-D Secure page: approved pays, refused leaves the payment to try again. */
  async authenticate(clientSecret: string, approve: boolean): Promise<TPayment> {
    const row = await this.bySecret(clientSecret);
    if (row.status !== 'requires_action') return paymentOf(row);
    const values = approve
      ? { status: 'succeeded', last_error: null }
      : {
          status: 'requires_payment_method',
          payment_method_id: null,
          last_error: { code: 'payment_intent_authentication_failure', message: 'The buyer did not complete the 3-D Secure authentication.' },
        };
    const updated = await this.tenant.db
      .update(testPayments)
      .set(values)
      .where(this.tenant.where(testPayments, eq(testPayments.id, row.id), eq(testPayments.status, 'requires_action')))
      .returning();
    return paymentOf(updated[0] ?? (await this.row(row.id)));
  }

  async getPayment(id: string): Promise<TPayment> {
    return paymentOf(await this.row(id));
  }

  async chargeOffSession(input: TChargeInput): Promise<TChargeResult> {
    positiveCents(input.amount);
    const behaviour = behaviourOf(input.paymentMethodId);
    // Only a card this customer paid with before (kept by a successful payment) can be charged again.
    const saved = behaviour
      ? await this.tenant.db
          .select({ id: testPayments.id })
          .from(testPayments)
          .where(
            this.tenant.where(
              testPayments,
              eq(testPayments.kind, 'payment'),
              eq(testPayments.customer_id, input.customerId),
              eq(testPayments.payment_method_id, input.paymentMethodId),
              eq(testPayments.status, 'succeeded'),
            ),
          )
          .limit(1)
      : [];
    if (!saved[0]) throw paymentMethodUnknown();
    const id = randomUUID();
    // The 3-D Secure card asks for authentication off-session too (as Stripe's 4000 0027 6000 3184).
    const { row } = await this.insertOnce(input.idempotencyKey, hashOf('charge', { ...input, idempotencyKey: undefined }), {
      id,
      kind: 'payment',
      amount: input.amount,
      currency: input.currency.toLowerCase(),
      status: behaviour === 'visa' ? 'succeeded' : 'requires_action',
      customer_id: input.customerId,
      payment_method_id: input.paymentMethodId,
      metadata: input.metadata,
      client_secret: `${id}_secret_${randomBytes(18).toString('base64url')}`,
    });
    if (row.status === 'succeeded') return { status: 'succeeded', paymentId: row.id };
    if (row.status === 'requires_action') return { status: 'requires_action', paymentId: row.id, clientSecret: row.client_secret ?? '' };
    return { status: 'failed', paymentId: row.id, code: row.last_error?.code ?? 'card_declined', message: row.last_error?.message ?? '' };
  }

  async refund(input: TRefundInput): Promise<TRefund> {
    if (input.amount !== undefined) positiveCents(input.amount);
    const requestHash = hashOf('refund', { ...input, idempotencyKey: undefined });
    return this.tenant.db.transaction(async (tx) => {
      const scoped = new Tenant(tx, this.tenant.workspaceId);
      // The payment row locked: refunds of one payment take turns, so two can never exceed its amount.
      const [payment] = await tx
        .select()
        .from(testPayments)
        .where(scoped.where(testPayments, eq(testPayments.id, uuidOrNil(input.paymentId)), eq(testPayments.kind, 'payment')))
        .for('update');
      if (!payment) throw notFound('payment');
      const [earlier] = await tx
        .select()
        .from(testPayments)
        .where(scoped.where(testPayments, eq(testPayments.idempotency_key, input.idempotencyKey)));
      if (earlier) {
        if (earlier.request_hash !== requestHash) throw idempotencyKeyReused();
        return refundOf(earlier);
      }
      const remaining = payment.amount - payment.refunded_amount;
      if (payment.status !== 'succeeded' || remaining <= 0) throw paymentNotRefundable();
      const amount = input.amount ?? remaining;
      if (amount > remaining) throw refundTooLarge(remaining);
      const [refund] = await tx
        .insert(testPayments)
        .values({
          workspace_id: scoped.workspaceId,
          kind: 'refund',
          amount,
          currency: payment.currency,
          status: 'succeeded',
          customer_id: payment.customer_id,
          refund_of: payment.id,
          idempotency_key: input.idempotencyKey,
          request_hash: requestHash,
        })
        .returning();
      await tx
        .update(testPayments)
        .set({ refunded_amount: sql`${testPayments.refunded_amount} + ${amount}` })
        .where(scoped.where(testPayments, eq(testPayments.id, payment.id)));
      return refundOf(refund!);
    });
  }

  /**
   * A subscription row on a card this customer paid with; nothing is charged now (the first period was paid), so any
   * saved card makes it active. Its period ends at `firstRenewalAt`; the test provider has no clock and never renews.
   */
  async createSubscription(input: TSubscriptionInput): Promise<TSubscription> {
    const { priceSpec } = input;
    positiveCents(priceSpec.amount);
    const behaviour = behaviourOf(input.paymentMethodId);
    if (!behaviour) throw paymentMethodUnknown();
    const { row } = await this.insertOnce(
      input.idempotencyKey,
      hashOf('subscription', { ...input, firstRenewalAt: input.firstRenewalAt.toISOString(), idempotencyKey: undefined }),
      {
        kind: 'subscription',
        amount: priceSpec.amount,
        currency: priceSpec.currency.toLowerCase(),
        status: 'active',
        customer_id: input.customerId,
        payment_method_id: input.paymentMethodId,
        description: priceSpec.productName,
        interval: priceSpec.interval,
        metadata: { ...input.metadata, current_period_end: input.firstRenewalAt.toISOString() },
      },
    );
    return subscriptionOf(row);
  }

  async cancelSubscription(id: string): Promise<TSubscription> {
    const [row] = await this.tenant.db
      .update(testPayments)
      .set({ status: 'canceled', canceled_at: sql`coalesce(${testPayments.canceled_at}, now())` })
      .where(this.tenant.where(testPayments, eq(testPayments.id, uuidOrNil(id)), eq(testPayments.kind, 'subscription')))
      .returning();
    if (!row) throw notFound('subscription');
    return subscriptionOf(row);
  }

  verifyWebhook(): TWebhookEvent {
    throw webhookSignatureInvalid('the test payment provider sends no webhooks');
  }

  /**
   * Inserts the row unless this workspace already used the key: then the first row is the answer (a retry, a
   * double click, or a concurrent call that lost the race on the unique index), as Stripe replays a request.
   */
  private async insertOnce(idempotencyKey: string, requestHash: string, values: TNewRow): Promise<{ row: TRow; created: boolean }> {
    if (idempotencyKey.trim() === '' || idempotencyKey.length > 255) {
      throw new AppError('bad_request', 'An idempotency key of 1 to 255 characters is required', { reason: 'idempotency_key_invalid' });
    }
    const inserted = await this.tenant.db
      .insert(testPayments)
      .values({ ...values, workspace_id: this.tenant.workspaceId, idempotency_key: idempotencyKey, request_hash: requestHash })
      .onConflictDoNothing({ target: [testPayments.workspace_id, testPayments.idempotency_key] })
      .returning();
    if (inserted[0]) return { row: inserted[0], created: true };
    const [existing] = await this.tenant.db
      .select()
      .from(testPayments)
      .where(this.tenant.where(testPayments, eq(testPayments.idempotency_key, idempotencyKey)));
    if (!existing) throw new AppError('conflict', 'The idempotent request could not be read back', { reason: 'idempotency_key_reused' });
    if (existing.request_hash !== requestHash) throw idempotencyKeyReused();
    return { row: existing, created: false };
  }

  private async row(id: string): Promise<TRow> {
    const [row] = await this.tenant.db
      .select()
      .from(testPayments)
      .where(this.tenant.where(testPayments, eq(testPayments.id, uuidOrNil(id)), eq(testPayments.kind, 'payment')));
    if (!row) throw notFound('payment');
    return row;
  }

  private async bySecret(clientSecret: string): Promise<TRow> {
    const id = /^([0-9a-f-]{36})_secret_/.exec(clientSecret)?.[1];
    const row = id ? await this.row(id).catch(() => undefined) : undefined;
    if (!row?.client_secret || !sameText(row.client_secret, clientSecret)) throw notFound('payment');
    return row;
  }
}

function paymentOf(row: TRow): TPayment {
  return {
    id: row.id,
    status: row.status as TPaymentStatus,
    amount: row.amount,
    currency: row.currency,
    paymentMethodId: row.status === 'succeeded' || row.status === 'requires_action' ? row.payment_method_id : null,
    customerId: row.customer_id,
    amountRefunded: row.refunded_amount,
    metadata: row.metadata as TPaymentMetadata,
    lastError: row.last_error ?? null,
  };
}

/** The period's end is kept in the row's metadata (the test provider has no column for it). */
function subscriptionOf(row: TRow): TSubscription {
  const end = (row.metadata as TPaymentMetadata).current_period_end;
  return { id: row.id, status: row.status as TSubscription['status'], currentPeriodEnd: end ? new Date(end) : null };
}

function refundOf(row: TRow): TRefund {
  return { id: row.id, paymentId: row.refund_of ?? '', amount: row.amount, status: 'succeeded' };
}

function newPaymentMethodId(behaviour: 'visa' | 'authentication'): string {
  return `tpm_${behaviour}_${randomBytes(12).toString('hex')}`;
}

/** The request's parameters, hashed in a stable order: the same key with other parameters is refused. */
function hashOf(operation: string, params: Record<string, unknown>): string {
  return createHash('sha256')
    .update(`${operation}:${stableJson(params)}`)
    .digest('hex');
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

function positiveCents(amount: number): void {
  if (!Number.isInteger(amount) || amount <= 0 || amount > 99_999_999) {
    throw new AppError('bad_request', 'An amount is a whole number of cents from 1 to 99,999,999', { reason: 'amount_invalid' });
  }
}

/** Ids come from callers and URLs: a non-UUID matches nothing instead of failing in SQL. */
function uuidOrNil(id: string): string {
  return isUuid(id) ? id : '00000000-0000-0000-0000-000000000000';
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
