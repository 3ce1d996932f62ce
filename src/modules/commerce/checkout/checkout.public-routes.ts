import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  OFFER_PAGE_TYPES,
  ZCheckoutBody,
  ZOfferConfirmBody,
  ZTestAuthenticateBody,
  ZTestCardConfirmBody,
  type TCheckoutAnswer,
} from '../../../contracts/commerce-checkout.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import {
  cachedNextUrl,
  cachedPageById,
  CHECKOUT_SCRIPT_PATH,
  nextPageUrl,
  pageUrl,
  recordFunnelPurchase,
  visitorAddress,
  type TLivePage,
} from '../../funnels/index.js';
import { paymentProviderFor, testPaymentProviderFor } from '../payments/payment-providers.js';
import type { TPayment } from '../payments/payment-provider.js';
import type { TestPaymentProvider } from '../payments/test-provider.js';
import { acceptOffer } from '../orders/order-offers.js';
import { confirmPaid, failPayment, orderOfPayment } from '../orders/order-payments.js';
import { getOrder, startOrder } from '../orders/orders.service.js';
import { openMemberSessionAfterPayment } from '../membership/membership.service.js';
import { checkoutMessage } from './checkout-messages.js';
import { orderIdOfRequest, orderIdOfToken, orderToken, setOrderCookie } from './order-session.js';
import { offerRowOfPage } from './page-offers.service.js';
import { checkoutPrices, publicOfferOf } from './public-offer.js';
import { escapeHtml } from '../../../platform/http/escape-html.js';

// The buyer's side of a payment, on the public server (ARCHITECTURE.md, "Checkout"), called by our checkout script
// (checkout-runtime.js) on published pages:
//   order form -> POST /p/<page>/checkout (the pending order, one payment for product + bump)
//              -> the card confirmed in the browser (Stripe's Payment Element, or the test provider's form here)
//              -> GET /p/<page>/paid?o=<token> (the provider's state is the truth) -> the next step;
//   offer page -> POST /p/<page>/accept (the saved card charged once) -> the next step, or 3-D Secure first;
//              -> GET /p/<page>/decline -> the next step (the downsell after an upsell).
// The order travels as a signed token (order-session.ts) in a cookie of the public origin and in Stripe's return
// address; money moves only through the order services, whose idempotency keys make every replay harmless.

const SCRIPT = readFileSync(new URL('./checkout-runtime.js', import.meta.url));
const SCRIPT_ETAG = `"${createHash('sha256').update(SCRIPT).digest('hex').slice(0, 32)}"`;

/** A person submits an order form or accepts an offer a few times a minute at most; a script many. */
const PAYMENT_CALLS_PER_MINUTE = 20;
const limited = { rateLimit: { max: PAYMENT_CALLS_PER_MINUTE, timeWindow: '1 minute' } };

const ZPageId = z.object({ pageId: z.uuid() });
const ZPaidQuery = z.looseObject({ o: z.string().max(200).optional() });

export function checkoutPublicRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const publicUrl = runtime.config.publicUrl;
  const secure = publicUrl.startsWith('https:');

  const livePage = async (pageId: string) => cachedPageById(runtime.db, pageId);
  const tenantOf = (page: TLivePage) => new Tenant(runtime.db, page.workspaceId);
  const isOfferPage = (page: TLivePage) => (OFFER_PAGE_TYPES as readonly string[]).includes(page.pageType);

  /** Where the buyer goes once this page's payment is done: the next step (after an accepted upsell, past its downsells). */
  async function afterPayment(req: FastifyRequest, pageId: string): Promise<string> {
    const entry = (await livePage(pageId))!;
    const page = entry.page;
    const next = isOfferPage(page)
      ? await nextPageUrl(runtime.db, publicUrl, page, { acceptedOffer: true })
      : await cachedNextUrl(runtime.db, publicUrl, entry);
    return visitorAddress(runtime.db, publicUrl, req.hostname, page, next ?? `${pageUrl(publicUrl, page.funnelSlug, page.slug)}?merci=1`);
  }

  /** The page's conversion in the funnel's statistics (a bot's purchase is still a purchase: real money moved). */
  const purchased = (req: FastifyRequest, page: TLivePage, leadId: string | null) =>
    recordFunnelPurchase(runtime, page, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '', leadId });

  const failed = (page: TLivePage, code: string): TCheckoutAnswer => ({ status: 'failed', code, message: checkoutMessage(code, page.language) });
  /** A refusal of the order services (price archived, payments off, order unknown) as the buyer's message. */
  const refusal = (page: TLivePage, error: unknown): TCheckoutAnswer => {
    if (!(error instanceof AppError)) throw error;
    return failed(page, error.reason ?? (error.code === 'not_found' ? 'no_order' : 'payment_failed'));
  };

  app.get(CHECKOUT_SCRIPT_PATH, { schema: { hide: true } }, async (req, reply) => {
    reply.header('etag', SCRIPT_ETAG).header('cache-control', 'public, max-age=3600');
    if (req.headers['if-none-match'] === SCRIPT_ETAG) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(SCRIPT);
  });

  // What the page sells, drawn by the script (read per request: an archived price stops selling at once).
  app.get('/p/:pageId/offer', { schema: { hide: true, params: ZPageId } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const page = (await livePage(req.params.pageId))?.page;
    const offer = page ? await publicOfferOf(runtime, tenantOf(page), page) : undefined;
    if (!page || !offer)
      return reply.code(404).send({ status: 'failed', code: 'offer_unavailable', message: checkoutMessage('offer_unavailable', page?.language ?? 'fr') });
    return offer;
  });

  // The order form: a pending order and its payment; the same idempotency key (a double submit) gives the same ones.
  app.post('/p/:pageId/checkout', { config: limited, schema: { hide: true, params: ZPageId, body: ZCheckoutBody } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const page = (await livePage(req.params.pageId))?.page;
    if (!page) return reply.callNotFound();
    const tenant = tenantOf(page);
    const prices = isOfferPage(page) ? undefined : await checkoutPrices(tenant, page, req.body.bump);
    if (!prices) return reply.code(409).send(failed(page, 'offer_unavailable'));
    const body = req.body;
    try {
      const started = await startOrder(runtime, tenant, {
        price_id: prices.priceId,
        ...(prices.bumpPriceId ? { bump_price_id: prices.bumpPriceId } : {}),
        buyer: { email: body.email, ...(body.name ? { name: body.name } : {}) },
        funnel_id: page.funnelId,
        page_id: page.id,
        utm: { utm_source: body.utm_source, utm_medium: body.utm_medium, utm_campaign: body.utm_campaign },
        idempotency_key: `checkout-${page.id}-${body.idempotency_key}`,
      });
      const token = orderToken(runtime.secrets, started.order.id);
      setOrderCookie(reply, token, secure);
      const provider = await paymentProviderFor(runtime, tenant);
      const publishable = provider.kind === 'stripe' ? ((await publicOfferOf(runtime, tenant, page))?.provider.publishable_key ?? null) : null;
      return {
        status: 'pay',
        provider: provider.kind,
        client_secret: started.clientSecret,
        publishable_key: publishable,
        return_url: `/p/${page.id}/paid?o=${encodeURIComponent(token)}`,
      } satisfies TCheckoutAnswer;
    } catch (error) {
      return reply.code(409).send(refusal(page, error));
    }
  });

  /** The test provider's part of a payment in the browser (its card form, its 3-D Secure box), then the answer. */
  async function testProviderStep(
    req: FastifyRequest,
    pageId: string,
    reply: FastifyReply,
    clientSecret: string,
    step: (provider: TestPaymentProvider) => Promise<TPayment>,
  ) {
    reply.header('cache-control', 'no-store');
    const page = (await livePage(pageId))?.page;
    if (!page) return reply.callNotFound();
    const tenant = tenantOf(page);
    try {
      const payment = await step(await testPaymentProviderFor(runtime, tenant));
      return await answerOf(req, reply, page, tenant, payment, clientSecret);
    } catch (error) {
      return reply.code(409).send(refusal(page, error));
    }
  }

  // The test provider's card form (what Stripe.js does with Stripe): pays, is declined, or asks for 3-D Secure.
  app.post('/p/:pageId/pay/test-card', { config: limited, schema: { hide: true, params: ZPageId, body: ZTestCardConfirmBody } }, async (req, reply) =>
    testProviderStep(req, req.params.pageId, reply, req.body.client_secret, (provider) => provider.confirmCard(req.body.client_secret, req.body.card)),
  );

  // The test provider's 3-D Secure box: the buyer approves (the payment goes through) or refuses (nothing is charged).
  app.post('/p/:pageId/pay/test-authenticate', { config: limited, schema: { hide: true, params: ZPageId, body: ZTestAuthenticateBody } }, async (req, reply) =>
    testProviderStep(req, req.params.pageId, reply, req.body.client_secret, (provider) => provider.authenticate(req.body.client_secret, req.body.approve)),
  );

  /** A confirmed payment: paid (the order fulfilled once, then on), to authenticate, or declined (try another card). */
  async function answerOf(req: FastifyRequest, reply: FastifyReply, page: TLivePage, tenant: Tenant, payment: TPayment, clientSecret: string) {
    const orderId = await orderOfPayment(tenant, payment.id);
    if (!orderId) return reply.code(409).send(failed(page, 'no_order'));
    if (payment.status === 'succeeded') {
      const paid = await confirmPaid(runtime, tenant, payment.id);
      await openMemberSessionAfterPayment(runtime, reply, paid?.order.funnel_id ?? null, paid?.order.lead_id ?? null);
      await purchased(req, page, paid?.order.lead_id ?? null);
      return { status: 'succeeded', redirect: await afterPayment(req, page.id) } satisfies TCheckoutAnswer;
    }
    if (payment.status === 'requires_action') {
      return {
        status: 'requires_action',
        provider: 'test',
        client_secret: clientSecret,
        payment_id: payment.id,
        publishable_key: null,
      } satisfies TCheckoutAnswer;
    }
    await failPayment(tenant, payment.id);
    return reply.code(402).send(failed(page, payment.lastError?.code ?? 'card_declined'));
  }

  // Back from the payment (Stripe's return_url, and our test form): the provider says whether it went through.
  app.get('/p/:pageId/paid', { config: limited, schema: { hide: true, params: ZPageId, querystring: ZPaidQuery } }, async (req, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const page = (await livePage(req.params.pageId))?.page;
    const orderId = orderIdOfToken(runtime.secrets, req.query.o);
    if (!page || !orderId) return reply.callNotFound();
    const tenant = tenantOf(page);
    const back = await visitorAddress(runtime.db, publicUrl, req.hostname, page, pageUrl(publicUrl, page.funnelSlug, page.slug));
    try {
      const { lines } = await getOrder(tenant, orderId);
      const paymentId = lines.find((line) => line.kind === 'main')?.payment_id;
      if (!paymentId) return reply.redirect(`${back}?paiement=echec`, 303);
      const provider = await paymentProviderFor(runtime, tenant);
      const payment = await provider.getPayment(paymentId);
      setOrderCookie(reply, req.query.o!, secure);
      if (payment.status === 'succeeded') {
        const paid = await confirmPaid(runtime, tenant, paymentId);
        await openMemberSessionAfterPayment(runtime, reply, paid?.order.funnel_id ?? null, paid?.order.lead_id ?? null);
        await purchased(req, page, paid?.order.lead_id ?? null);
      }
      // A bank debit (SEPA) is on its way: the thank-you page now, the order paid when Stripe's webhook says so.
      if (payment.status === 'succeeded' || payment.status === 'processing') return reply.redirect(await afterPayment(req, page.id), 303);
      return reply.redirect(`${back}?paiement=echec`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return reply.callNotFound();
      throw error;
    }
  });

  // "Yes, add it": the order's saved card charged once for this page's offer.
  app.post('/p/:pageId/accept', { config: limited, schema: { hide: true, params: ZPageId, body: z.unknown().optional() } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const page = (await livePage(req.params.pageId))?.page;
    if (!page) return reply.callNotFound();
    const answer = await accept(req, page);
    const wantsJson = (req.headers.accept ?? '').includes('application/json');
    if (wantsJson) return reply.code(answer.status === 'failed' ? 409 : 200).send(answer);
    // Without our script (a plain form post): on to the next step, or a page that says why not.
    if (answer.status === 'succeeded' || answer.status === 'processing') return reply.redirect(answer.redirect, 303);
    const message = answer.status === 'failed' ? answer.message : checkoutMessage('authentication_required', page.language);
    return reply
      .code(409)
      .type('text/html; charset=utf-8')
      .send(plainPage(page, message, null));
  });

  async function accept(req: FastifyRequest, page: TLivePage): Promise<TCheckoutAnswer> {
    const tenant = tenantOf(page);
    const orderId = orderIdOfRequest(runtime.secrets, req);
    const offer = isOfferPage(page) ? await offerRowOfPage(tenant, page.id) : undefined;
    if (!offer) return failed(page, 'offer_unavailable');
    if (!orderId) return failed(page, 'no_order');
    try {
      // The order of this browser, of this funnel (a token of another funnel's order buys nothing here).
      const { order } = await getOrder(tenant, orderId);
      if (order.funnel_id !== page.funnelId) return failed(page, 'no_order');
      const result = await acceptOffer(runtime, tenant, {
        order_id: order.id,
        offer_page_id: page.id,
        price_id: offer.price_id,
        kind: page.pageType as 'upsell' | 'downsell',
        idempotency_key: `offer-${order.id}-${page.id}`,
      });
      if (result.status === 'succeeded') await purchased(req, page, order.lead_id);
      if (result.status === 'succeeded' || result.status === 'processing') return { status: result.status, redirect: await afterPayment(req, page.id) };
      if (result.status === 'requires_action') {
        const provider = await paymentProviderFor(runtime, tenant);
        const publishable = provider.kind === 'stripe' ? ((await publicOfferOf(runtime, tenant, page))?.provider.publishable_key ?? null) : null;
        return {
          status: 'requires_action',
          provider: provider.kind,
          client_secret: result.clientSecret,
          payment_id: result.paymentId,
          publishable_key: publishable,
        };
      }
      return failed(page, result.status === 'failed' ? result.code : 'payment_failed');
    } catch (error) {
      return refusal(page, error);
    }
  }

  // After Stripe.js authenticated an offer's charge (3-D Secure): the payment checked at Stripe, then on.
  app.post('/p/:pageId/accept/confirm', { config: limited, schema: { hide: true, params: ZPageId, body: ZOfferConfirmBody } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const page = (await livePage(req.params.pageId))?.page;
    if (!page) return reply.callNotFound();
    const tenant = tenantOf(page);
    const orderId = orderIdOfRequest(runtime.secrets, req);
    if (!orderId || (await orderOfPayment(tenant, req.body.payment_id)) !== orderId) return reply.code(409).send(failed(page, 'no_order'));
    const { order, lines } = (await confirmPaid(runtime, tenant, req.body.payment_id))!;
    const line = lines.find((l) => l.payment_id === req.body.payment_id);
    if (line?.status === 'paid') {
      await purchased(req, page, order.lead_id);
      return { status: 'succeeded', redirect: await afterPayment(req, page.id) } satisfies TCheckoutAnswer;
    }
    return reply.code(402).send(failed(page, 'payment_intent_authentication_failure'));
  });

  // A GET never charges: the accept link without our script shows a button that posts.
  app.get('/p/:pageId/accept', { schema: { hide: true, params: ZPageId } }, async (req, reply) => {
    const page = (await livePage(req.params.pageId))?.page;
    if (!page || !isOfferPage(page)) return reply.callNotFound();
    const text = page.language === 'fr' ? 'Confirmer l’ajout à ma commande' : 'Confirm the addition to my order';
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(plainPage(page, text, `/p/${page.id}/accept`));
  });

  // "No thanks": on to the next step (after an upsell, its downsell), nothing charged.
  app.get('/p/:pageId/decline', { schema: { hide: true, params: ZPageId } }, async (req, reply) => {
    const entry = await livePage(req.params.pageId);
    if (!entry) return reply.callNotFound();
    const next = (await cachedNextUrl(runtime.db, publicUrl, entry)) ?? pageUrl(publicUrl, entry.page.funnelSlug, entry.page.slug);
    return reply.header('cache-control', 'no-store').redirect(await visitorAddress(runtime.db, publicUrl, req.hostname, entry.page, next), 302);
  });
}

/** A short page in the funnel's language: a message, and a button that posts when `action` is given. */
function plainPage(page: TLivePage, message: string, action: string | null): string {
  const title = page.language === 'fr' ? 'Votre commande' : 'Your order';
  const button = page.language === 'fr' ? 'Oui, je l’ajoute' : 'Yes, add it';
  const form = action ? `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(button)}</button></form>` : '';
  return `<!doctype html><html lang="${page.language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1><p>${escapeHtml(message)}</p>${form}</body></html>`;
}
