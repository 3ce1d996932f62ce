import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type Stripe from 'stripe';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { applyRefunded, markDisputed } from '../orders/order-refunds.js';
import { confirmPaid, failPayment } from '../orders/order-payments.js';
import { applySubscriptionStatus, orderOfSubscription, recordRenewal, statusOf } from '../orders/order-subscriptions.js';
import { MAX_PAYMENT_EVENT_PAYLOAD_CHARS, paymentEvents } from '../orders/orders.tables.js';
import { paymentProviderFor } from '../payments/payment-providers.js';
import type { TWebhookEvent } from '../payments/payment-provider.js';
import { subscriptionOf } from '../payments/stripe-provider.js';

// Stripe's events for one workspace, on the public server: POST /webhooks/stripe/<workspace id>, signed with the
// workspace's webhook secret (verifyWebhook: 300 s tolerance; 400 and nothing stored when it is wrong). Each event is
// stored once per workspace (a replay finds its row), processed, then marked processed; a processing that fails
// leaves processed_at empty and answers 500, so Stripe retries it. Events of payments of no order (another app on
// the same Stripe account) are stored and acknowledged. Subscriptions: `invoice.paid` of a renewal (an amount paid,
// not the subscription's creation) records it once per invoice; `invoice.payment_failed` -> past_due;
// `customer.subscription.updated` -> its state; `customer.subscription.deleted` -> canceled (the order keeps its status).

/** Applies one verified event to the orders. */
export async function processStripeEvent(runtime: Runtime, tenant: Tenant, event: TWebhookEvent): Promise<void> {
  switch (event.type) {
    case 'payment_intent.succeeded':
      // A subscription that cannot be created yet fails the event: Stripe sends it again, and it is retried.
      await confirmPaid(runtime, tenant, event.data.object.id, { throwSubscriptionError: true });
      return;
    case 'payment_intent.payment_failed':
      await failPayment(tenant, event.data.object.id);
      return;
    case 'charge.refunded': {
      const paymentId = idOf(event.data.object.payment_intent);
      if (paymentId) await applyRefunded(runtime, tenant, paymentId, event.data.object.amount_refunded);
      return;
    }
    case 'charge.dispute.created': {
      const paymentId = idOf(event.data.object.payment_intent);
      if (paymentId) await markDisputed(tenant, paymentId);
      return;
    }
    case 'invoice.paid': {
      const invoice = event.data.object;
      const order = await orderOfInvoice(tenant, invoice);
      if (!order || invoice.billing_reason === 'subscription_create' || invoice.amount_paid <= 0) return;
      const periodEnd = invoice.lines?.data?.[0]?.period?.end;
      await recordRenewal(runtime, tenant, {
        orderId: order.id,
        invoiceId: invoice.id ?? event.id,
        amountCents: invoice.amount_paid,
        currency: invoice.currency,
        periodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
      });
      return;
    }
    case 'invoice.payment_failed': {
      const order = await orderOfInvoice(tenant, event.data.object);
      if (order) await applySubscriptionStatus(runtime, tenant, order.id, 'past_due');
      return;
    }
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const subscription = subscriptionOf(event.data.object);
      const order = await orderOfSubscription(tenant, event.data.object.id, event.data.object.metadata?.order_id);
      if (!order) return;
      const status = event.type === 'customer.subscription.deleted' ? 'canceled' : statusOf(subscription.status);
      await applySubscriptionStatus(runtime, tenant, order.id, status, subscription.currentPeriodEnd);
      return;
    }
    default:
      return;
  }
}

/** The order an invoice bills: its subscription's (Stripe's 2025 API: `parent.subscription_details`). */
async function orderOfInvoice(tenant: Tenant, invoice: Stripe.Invoice) {
  const details = invoice.parent?.subscription_details;
  const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription;
  const subscriptionId = idOf(details?.subscription ?? legacy);
  if (!subscriptionId) return undefined;
  return orderOfSubscription(tenant, subscriptionId, details?.metadata?.order_id);
}

/** Stores the event unless this workspace has it; answers whether it still needs processing. */
async function storeEvent(tenant: Tenant, event: TWebhookEvent): Promise<boolean> {
  const text = JSON.stringify(event);
  const payload =
    text.length <= MAX_PAYMENT_EVENT_PAYLOAD_CHARS
      ? (JSON.parse(text) as Record<string, unknown>)
      : { id: event.id, type: event.type, object_id: (event.data.object as { id?: string }).id ?? null, truncated: true };
  await tenant.db
    .insert(paymentEvents)
    .values({ workspace_id: tenant.workspaceId, provider: 'stripe', event_id: event.id, type: event.type, payload })
    .onConflictDoNothing({ target: [paymentEvents.workspace_id, paymentEvents.event_id] });
  const [row] = await tenant.db
    .select({ processed_at: paymentEvents.processed_at })
    .from(paymentEvents)
    .where(and(eq(paymentEvents.workspace_id, tenant.workspaceId), eq(paymentEvents.event_id, event.id)));
  return row?.processed_at === null;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** `POST /webhooks/stripe/:workspace_id` on the public server. */
export function stripeWebhookRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/webhooks/stripe/:workspace_id',
    {
      schema: {
        tags: ['payments'],
        summary: "Stripe's events for a workspace (payments, refunds, disputes, subscription renewals and cancellations), signed with its webhook secret",
        description:
          'Checks the Stripe-Signature header over the raw body (300 s tolerance): 400 when it fails, nothing stored. ' +
          'Each event is stored once and processed once; 500 when processing failed (Stripe retries), 200 otherwise.',
        params: z.object({ workspace_id: z.uuid() }),
        response: { 200: z.object({ received: z.literal(true), duplicate: z.boolean() }) },
      },
    },
    async (req) => {
      const tenant = new Tenant(runtime.db, req.params.workspace_id);
      const provider = await paymentProviderFor(runtime, tenant);
      const header = req.headers['stripe-signature'];
      const event = provider.verifyWebhook(req.rawBody ?? Buffer.alloc(0), Array.isArray(header) ? header[0] : header);
      if (!(await storeEvent(tenant, event))) return { received: true as const, duplicate: true };
      try {
        await processStripeEvent(runtime, tenant, event);
      } catch (error) {
        req.log.error({ err: error, event_id: event.id, type: event.type }, 'a Stripe event could not be processed (Stripe will retry)');
        await tenant.db
          .update(paymentEvents)
          .set({ error: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500) })
          .where(and(eq(paymentEvents.workspace_id, tenant.workspaceId), eq(paymentEvents.event_id, event.id)));
        // A plain error: the problem handler answers 500, and Stripe sends the event again later.
        throw new Error(`Stripe event ${event.id} (${event.type}) could not be processed`, { cause: error });
      }
      await tenant.db
        .update(paymentEvents)
        .set({ processed_at: sql`now()`, error: null })
        .where(and(eq(paymentEvents.workspace_id, tenant.workspaceId), eq(paymentEvents.event_id, event.id), isNull(paymentEvents.processed_at)));
      return { received: true as const, duplicate: false };
    },
  );
}
