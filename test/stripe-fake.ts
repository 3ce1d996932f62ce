import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Stripe API, for tests: an HTTP server on 127.0.0.1 that answers the calls our Stripe
 * provider makes (GET /v1/account, customers, payment_intents create/retrieve/confirm, refunds, prices,
 * subscriptions create/retrieve/cancel) form-encoded as Stripe takes them, with objects shaped as Stripe documents them
 * (`object`, id prefixes, statuses, `last_payment_error`, `next_action`, 402 card errors carrying the
 * PaymentIntent). Like Stripe it replays the saved response for a repeated Idempotency-Key and refuses the key
 * with other parameters. Test payment methods: `pm_card_visa` pays, `pm_card_chargeDeclined` is declined,
 * `pm_card_authenticationRequired` asks for 3-D Secure on every payment (on-session: `requires_action`;
 * off-session: a 402 `authentication_required`). `calls` records every request; `dropResponses(n)` processes the
 * next n requests but closes the connection instead of answering (a lost response: the client retries);
 * `refuseNext(method, path, n)` answers the next n calls to that path with a 400 (a refusal the caller must survive).
 */
export class StripeFake {
  /** The one secret key this fake account accepts (anything else is a 401, as a wrong key at Stripe). */
  readonly secretKey = `sk_test_fake${randomBytes(12).toString('hex')}`;
  readonly accountId = `acct_${randomId()}`;
  readonly calls: TStripeCall[] = [];
  private server: Server | undefined;
  private dropCount = 0;
  private readonly refusals: { method: string; path: string; count: number }[] = [];
  private readonly idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  private readonly customers = new Map<string, TObject>();
  private readonly intents = new Map<string, TObject>();
  private readonly charges = new Map<string, TObject>();
  private readonly paymentMethods = new Map<string, TCardBehaviour>();
  private readonly prices = new Map<string, TObject>();
  private readonly subscriptions = new Map<string, TObject>();

  /** Starts listening on a free port of 127.0.0.1; returns the URL to put in STRIPE_API_URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` requests are processed, then their connection is closed without an answer. */
  dropResponses(count: number): void {
    this.dropCount = count;
  }

  /** The next `count` requests to `method path` are refused with a 400 (Stripe's client does not retry it). */
  refuseNext(method: string, path: string, count: number): void {
    this.refusals.push({ method, path, count });
  }

  /** The calls to one path (`POST /v1/payment_intents`), in order. */
  callsTo(method: string, path: string): TStripeCall[] {
    return this.calls.filter((call) => call.method === method && call.path === path);
  }

  /** The objects the fake holds, as Stripe would show them (tests check counts and states). */
  paymentIntents(): TObject[] {
    return [...this.intents.values()];
  }

  /** The subscriptions the fake holds (tests count them and read their trial_end). */
  subscriptionList(): TObject[] {
    return [...this.subscriptions.values()];
  }

  /** What Stripe.js does after the buyer passes (or fails) the 3-D Secure challenge of an on-session payment. */
  completeAuthentication(paymentIntentId: string, success: boolean): TObject {
    const intent = this.intents.get(paymentIntentId);
    if (!intent || intent.status !== 'requires_action') throw new Error(`no payment intent ${paymentIntentId} waiting for authentication`);
    intent.next_action = null;
    if (success) this.succeed(intent);
    else
      this.fail(
        intent,
        'payment_intent_authentication_failure',
        'payment_intent_authentication_failure',
        'The provided PaymentMethod has failed authentication.',
      );
    return intent;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const params = parseForm(method === 'GET' || method === 'DELETE' ? url.search.slice(1) || raw : raw);
    const idempotencyKey = header(req, 'idempotency-key');
    this.calls.push({ method, path: url.pathname, params, idempotencyKey, stripeVersion: header(req, 'stripe-version') });
    const drop = this.dropCount > 0;
    if (drop) this.dropCount -= 1;
    const answer = (status: number, body: unknown) => {
      if (drop) {
        res.socket?.destroy();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomId()}` });
      res.end(JSON.stringify(body));
    };

    if (header(req, 'authorization') !== `Bearer ${this.secretKey}`) {
      return answer(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' } });
    }
    const refusal = this.refusals.find((r) => r.method === method && r.path === url.pathname && r.count > 0);
    if (refusal) {
      refusal.count -= 1;
      return answer(400, { error: { type: 'invalid_request_error', message: 'Refused by the test (StripeFake.refuseNext).' } });
    }
    // Stripe saves the first answer of a POST with an Idempotency-Key and replays it for the same key.
    if (method === 'POST' && idempotencyKey) {
      const fingerprint = createHash('sha256').update(`${url.pathname}:${raw}`).digest('hex');
      const saved = this.idempotency.get(idempotencyKey);
      if (saved && saved.fingerprint !== fingerprint) {
        return answer(400, {
          error: {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          },
        });
      }
      if (saved) return answer(saved.status, saved.body);
      const [status, body] = this.route(method, url.pathname, params);
      this.idempotency.set(idempotencyKey, { fingerprint, status, body });
      return answer(status, body);
    }
    const [status, body] = this.route(method, url.pathname, params);
    return answer(status, body);
  }

  private route(method: string, path: string, params: TParams): [number, unknown] {
    const [, resource, id, action] = path.split('/').slice(1);
    const key = `${method} ${resource}${id ? '/:id' : ''}${action ? `/${action}` : ''}`;
    switch (key) {
      case 'GET account':
        return ok(this.account());
      case 'GET customers':
        return ok(
          list(
            '/v1/customers',
            [...this.customers.values()].filter((c) => !params.email || c.email === params.email),
          ),
        );
      case 'POST customers':
        return ok(this.createCustomer(params));
      case 'POST payment_intents':
        return this.createIntent(params);
      case 'GET payment_intents/:id':
        return this.retrieveIntent(id!, params);
      case 'POST payment_intents/:id/confirm':
        return this.confirmIntent(id!, params);
      case 'POST refunds':
        return this.createRefund(params);
      case 'POST prices':
        return ok(this.createPrice(params));
      case 'POST subscriptions':
        return this.createSubscription(params);
      case 'GET subscriptions/:id':
        return this.subscriptions.has(id!) ? ok(this.subscriptions.get(id!)) : invalid(`No such subscription: '${id}'`, 'id', 404);
      case 'DELETE subscriptions/:id':
        return this.cancelSubscription(id!);
      default:
        return invalid(`Unrecognized request URL (${method}: ${path}).`, undefined, 404);
    }
  }

  private account(): TObject {
    return {
      id: this.accountId,
      object: 'account',
      charges_enabled: true,
      payouts_enabled: true,
      country: 'FR',
      default_currency: 'eur',
      details_submitted: true,
      type: 'standard',
      settings: { dashboard: { display_name: 'Fake Stripe account' } },
    };
  }

  private createCustomer(params: TParams): TObject {
    const customer = {
      id: `cus_${randomId()}`,
      object: 'customer',
      email: params.email ?? null,
      name: params.name ?? null,
      metadata: params.metadata ?? {},
      created: now(),
      livemode: false,
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  private createIntent(params: TParams): [number, unknown] {
    const amount = Number(params.amount);
    if (!Number.isInteger(amount) || amount < 50) return invalid('Amount must be at least €0.50 eur', 'amount');
    if (params.customer && !this.customers.has(String(params.customer))) return invalid(`No such customer: '${String(params.customer)}'`, 'customer');
    const id = `pi_${randomId()}`;
    const intent: TObject = {
      id,
      object: 'payment_intent',
      amount,
      amount_received: 0,
      currency: String(params.currency),
      customer: params.customer ?? null,
      description: params.description ?? null,
      metadata: params.metadata ?? {},
      status: 'requires_payment_method',
      client_secret: `${id}_secret_${randomId()}`,
      payment_method: null,
      latest_charge: null,
      last_payment_error: null,
      next_action: null,
      setup_future_usage: params.setup_future_usage ?? null,
      automatic_payment_methods: params.automatic_payment_methods ? { enabled: true } : null,
      created: now(),
      livemode: false,
    };
    this.intents.set(id, intent);
    if (params.confirm === 'true') return this.confirm(intent, String(params.payment_method ?? ''), params.off_session === 'true');
    return ok(intent);
  }

  private retrieveIntent(id: string, params: TParams): [number, unknown] {
    const intent = this.intents.get(id);
    if (!intent) return invalid(`No such payment_intent: '${id}'`, 'intent', 404);
    const expand = Object.values((params.expand as TParams | undefined) ?? {});
    if (expand.includes('latest_charge') && typeof intent.latest_charge === 'string') {
      return ok({ ...intent, latest_charge: this.charges.get(intent.latest_charge) });
    }
    return ok(intent);
  }

  private confirmIntent(id: string, params: TParams): [number, unknown] {
    const intent = this.intents.get(id);
    if (!intent) return invalid(`No such payment_intent: '${id}'`, 'intent', 404);
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
      return invalid(`This PaymentIntent's status is ${String(intent.status)}: it cannot be confirmed.`, undefined, 400, 'payment_intent_unexpected_state');
    }
    return this.confirm(intent, String(params.payment_method ?? intent.payment_method ?? ''), params.off_session === 'true');
  }

  /** Confirms with a payment method: succeeded, declined (402), or 3-D Secure (requires_action / 402 off-session). */
  private confirm(intent: TObject, paymentMethod: string, offSession: boolean): [number, unknown] {
    const behaviour = this.behaviourOf(paymentMethod);
    if (!behaviour) return invalid(`No such PaymentMethod: '${paymentMethod}'`, 'payment_method');
    const pm = TEST_TOKENS[paymentMethod] ? this.newPaymentMethod(behaviour) : paymentMethod;
    intent.payment_method = pm;
    if (behaviour === 'declined') {
      this.fail(intent, 'card_declined', 'generic_decline', 'Your card was declined.');
      return cardError(intent, 'card_declined', 'generic_decline', 'Your card was declined.');
    }
    if (behaviour === 'authentication') {
      if (offSession) {
        this.fail(intent, 'authentication_required', 'authentication_required', 'Your card was declined. This transaction requires authentication.');
        return cardError(intent, 'authentication_required', 'authentication_required', 'Your card was declined. This transaction requires authentication.');
      }
      intent.status = 'requires_action';
      intent.next_action = {
        type: 'use_stripe_sdk',
        use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: `${'https://hooks.stripe.com'}/3d_secure_2/fake/${String(intent.id)}` },
      };
      return ok(intent);
    }
    this.succeed(intent);
    return ok(intent);
  }

  private succeed(intent: TObject): void {
    const charge = {
      id: `ch_${randomId()}`,
      object: 'charge',
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      currency: intent.currency,
      customer: intent.customer,
      payment_intent: intent.id,
      payment_method: intent.payment_method,
      paid: true,
      refunded: false,
      status: 'succeeded',
      created: now(),
      livemode: false,
    };
    this.charges.set(charge.id, charge);
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: charge.id, last_payment_error: null, next_action: null });
  }

  private fail(intent: TObject, code: string, declineCode: string, message: string): void {
    const charge = {
      id: `ch_${randomId()}`,
      object: 'charge',
      amount: intent.amount,
      amount_refunded: 0,
      currency: intent.currency,
      payment_intent: intent.id,
      paid: false,
      status: 'failed',
      failure_code: code,
      created: now(),
    };
    this.charges.set(charge.id, charge);
    Object.assign(intent, {
      status: 'requires_payment_method',
      latest_charge: charge.id,
      next_action: null,
      last_payment_error: {
        type: 'card_error',
        code,
        decline_code: declineCode,
        message,
        payment_method: { id: intent.payment_method, object: 'payment_method' },
      },
    });
  }

  private createRefund(params: TParams): [number, unknown] {
    const intent = this.intents.get(String(params.payment_intent));
    if (!intent) return invalid(`No such payment_intent: '${String(params.payment_intent)}'`, 'payment_intent', 404);
    const charge = typeof intent.latest_charge === 'string' ? this.charges.get(intent.latest_charge) : undefined;
    if (intent.status !== 'succeeded' || !charge)
      return invalid(`This PaymentIntent (${String(intent.id)}) does not have a successful charge to refund.`, 'payment_intent');
    const remaining = Number(charge.amount) - Number(charge.amount_refunded);
    if (remaining === 0) return invalid(`Charge ${String(charge.id)} has already been refunded.`, undefined, 400, 'charge_already_refunded');
    const amount = params.amount === undefined ? remaining : Number(params.amount);
    if (!Number.isInteger(amount) || amount <= 0 || amount > remaining) {
      return invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, 'amount');
    }
    charge.amount_refunded = Number(charge.amount_refunded) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    return ok({
      id: `re_${randomId()}`,
      object: 'refund',
      amount,
      charge: charge.id,
      currency: charge.currency,
      payment_intent: intent.id,
      status: 'succeeded',
      created: now(),
    });
  }

  private createPrice(params: TParams): TObject {
    const product = { id: `prod_${randomId()}`, object: 'product', name: (params.product_data as TParams | undefined)?.name ?? null };
    const price = {
      id: `price_${randomId()}`,
      object: 'price',
      active: true,
      currency: params.currency,
      unit_amount: Number(params.unit_amount),
      recurring: params.recurring ? { interval: (params.recurring as TParams).interval, interval_count: 1 } : null,
      type: params.recurring ? 'recurring' : 'one_time',
      product: product.id,
      created: now(),
    };
    this.prices.set(price.id, price);
    return price;
  }

  private createSubscription(params: TParams): [number, unknown] {
    const customer = String(params.customer);
    if (!this.customers.has(customer)) return invalid(`No such customer: '${customer}'`, 'customer');
    const items = Object.values((params.items as Record<string, TParams> | undefined) ?? {});
    const price = this.prices.get(String(items[0]?.price));
    if (!price) return invalid(`No such price: '${String(items[0]?.price)}'`, 'items[0][price]');
    const pm = String(params.default_payment_method ?? '');
    const behaviour = this.behaviourOf(pm);
    if (!behaviour) return invalid(`No such PaymentMethod: '${pm}'`, 'default_payment_method');
    // With a trial (`trial_end`), Stripe charges nothing now: the subscription is `trialing` whatever the card, and
    // its first invoice (0, billing_reason subscription_create) is paid at once; the first charge is at trial_end.
    const trialEnd = params.trial_end === undefined ? null : Number(params.trial_end);
    if (trialEnd !== null && !(trialEnd > now())) return invalid('Invalid timestamp: must be an integer Unix timestamp in the future.', 'trial_end');
    const paid = behaviour === 'visa';
    if (trialEnd === null && !paid && params.payment_behavior === 'error_if_incomplete') {
      return [
        402,
        { error: { type: 'card_error', code: behaviour === 'declined' ? 'card_declined' : 'authentication_required', message: 'Your card was declined.' } },
      ];
    }
    const start = now();
    const periodEnd = trialEnd ?? start + ((price.recurring as TParams | null)?.interval === 'year' ? 365 : 30) * 86_400;
    const subscription = {
      id: `sub_${randomId()}`,
      object: 'subscription',
      customer,
      default_payment_method: pm,
      status: trialEnd !== null ? 'trialing' : paid ? 'active' : 'incomplete',
      items: list('/v1/subscription_items', [
        { id: `si_${randomId()}`, object: 'subscription_item', price, quantity: 1, current_period_start: start, current_period_end: periodEnd },
      ]),
      trial_start: trialEnd !== null ? start : null,
      trial_end: trialEnd,
      metadata: params.metadata ?? {},
      cancel_at_period_end: false,
      canceled_at: null,
      created: start,
      livemode: false,
    };
    this.subscriptions.set(subscription.id, subscription);
    return ok(subscription);
  }

  private cancelSubscription(id: string): [number, unknown] {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return invalid(`No such subscription: '${id}'`, 'id', 404);
    if (subscription.status === 'canceled') return invalid(`A canceled subscription can only update its cancellation_details and metadata.`, undefined, 400);
    Object.assign(subscription, { status: 'canceled', canceled_at: now() });
    return ok(subscription);
  }

  private behaviourOf(paymentMethod: string): TCardBehaviour | undefined {
    return TEST_TOKENS[paymentMethod] ?? this.paymentMethods.get(paymentMethod);
  }

  /** A test token (pm_card_visa) used in a payment becomes a PaymentMethod of its own, as at Stripe. */
  private newPaymentMethod(behaviour: TCardBehaviour): string {
    const id = `pm_${randomId()}`;
    this.paymentMethods.set(id, behaviour);
    return id;
  }
}

export type TStripeCall = { method: string; path: string; params: TParams; idempotencyKey: string | undefined; stripeVersion: string | undefined };

type TCardBehaviour = 'visa' | 'declined' | 'authentication';
type TParams = Record<string, unknown>;
type TObject = Record<string, unknown>;

const TEST_TOKENS: Record<string, TCardBehaviour> = {
  pm_card_visa: 'visa',
  pm_card_chargeDeclined: 'declined',
  pm_card_authenticationRequired: 'authentication',
};

function ok(body: unknown): [number, unknown] {
  return [200, body];
}

function invalid(message: string, param?: string, status = 400, code?: string): [number, unknown] {
  return [status, { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...(code ? { code } : {}) } }];
}

/** A 402 card error, carrying the PaymentIntent as Stripe does (the client reads error.payment_intent). */
function cardError(intent: TObject, code: string, declineCode: string, message: string): [number, unknown] {
  return [
    402,
    { error: { type: 'card_error', code, decline_code: declineCode, message, payment_intent: intent, doc_url: `https://docs.stripe.com/error-codes/${code}` } },
  ];
}

function list(url: string, data: unknown[]): TObject {
  return { object: 'list', data, has_more: false, url };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function randomId(): string {
  return randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Stripe's form encoding: `metadata[lead_id]=…`, `items[0][price]=…`, `expand[0]=…` into nested objects. */
export function parseForm(text: string): TParams {
  const out: TParams = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const [head, ...rest] = key.split('[');
    const path = [head!, ...rest.map((segment) => segment.replace(/\]$/, ''))];
    let node = out;
    path.forEach((segment, index) => {
      const name = segment === '' ? String(Object.keys(node).length) : segment;
      if (index === path.length - 1) node[name] = value;
      else node = (node[name] ??= {}) as TParams;
    });
  }
  return out;
}
