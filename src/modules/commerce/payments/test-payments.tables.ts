import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { workspaces } from '../../workspaces/tables.js';

/**
 * The built-in test provider's ledger ("paiement de test"): payments, refunds and subscriptions of workspaces
 * without Stripe keys, so refunds and idempotency behave as they do with Stripe. `idempotency_key` is unique per
 * workspace: a retried or concurrent call with the same key finds the first row instead of charging again.
 */
export const testPayments = pgTable(
  'test_payments',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** `payment` (a PaymentIntent's equivalent), `refund` (of `refund_of`) or `subscription`. */
    kind: text('kind').notNull(),
    /** Cents, > 0. */
    amount: integer('amount').notNull(),
    /** ISO 4217, lower case as Stripe writes it. */
    currency: text('currency').notNull(),
    /** requires_payment_method | requires_action | succeeded | canceled (payments); succeeded (refunds); active | incomplete | canceled (subscriptions). */
    status: text('status').notNull(),
    customer_id: text('customer_id'),
    payment_method_id: text('payment_method_id'),
    description: text('description'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    /** What the buyer's page presents to confirm this payment (as a PaymentIntent's client_secret). */
    client_secret: text('client_secret'),
    /** Total refunded so far (payments only). */
    refunded_amount: integer('refunded_amount').notNull().default(0),
    /** The payment a refund row refunds. */
    refund_of: uuid('refund_of').references((): AnyPgColumn => testPayments.id, { onDelete: 'cascade' }),
    /** Subscriptions: month or year. */
    interval: text('interval'),
    /** The last decline: { code, message }. */
    last_error: jsonb('last_error').$type<{ code: string; message: string }>(),
    idempotency_key: text('idempotency_key').notNull(),
    /** SHA-256 of the request's parameters: the same key with other parameters is refused, as Stripe does. */
    request_hash: text('request_hash').notNull(),
    canceled_at: timestamp('canceled_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('test_payments_workspace_idempotency_uq').on(t.workspace_id, t.idempotency_key),
    index('test_payments_workspace_customer_idx').on(t.workspace_id, t.customer_id),
    check('test_payments_amount_positive', sql`${t.amount} > 0`),
    check('test_payments_refunded_range', sql`${t.refunded_amount} >= 0 AND ${t.refunded_amount} <= ${t.amount}`),
  ],
);
