import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../../test/harness.js';
import { StripeFake } from '../../../../test/stripe-fake.js';
import { loadConfig } from '../../../platform/config.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { paymentProviderFor, testPaymentProviderFor } from './payment-providers.js';
import { StripePaymentProvider } from './stripe-provider.js';
import { TestPaymentProvider } from './test-provider.js';

// Which provider takes a workspace's payments, and Settings > Paiements' routes (the app pointed at the fake Stripe).

let t: TestContext;
let fake: StripeFake;
beforeAll(async () => {
  fake = new StripeFake();
  t = await startTestApp({ STRIPE_API_URL: await fake.start(), PUBLIC_URL: 'https://pages.example.com' });
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

const stripeKeys = (secret: string) => ({ secret_key: secret, publishable_key: 'pk_test_51abc', webhook_secret: 'whsec_abc123456' });

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).reason;
}

describe('TEST_PAYMENTS', () => {
  it('is on by default outside production, off in production unless set to on, and off when set to off', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).testPayments).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).testPayments).toBe(true);
    const production = { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).testPayments).toBe(false);
    expect(loadConfig({ ...production, TEST_PAYMENTS: 'on' }).testPayments).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', TEST_PAYMENTS: 'off' }).testPayments).toBe(false);
    expect(() => loadConfig({ TEST_PAYMENTS: 'yes' })).toThrow(/TEST_PAYMENTS/);
    expect(() => loadConfig({ STRIPE_API_URL: 'ftp://x' })).toThrow(/STRIPE_API_URL/);
    expect(loadConfig({ STRIPE_API_URL: 'http://127.0.0.1:12111' }).stripeApi).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
  });
});

describe('provider selection', () => {
  it('uses the test provider without Stripe keys, Stripe once keys are saved, and the test provider never beside them', async () => {
    const owner = await signUp(t.app);
    const tenant = new Tenant(t.runtime.db, owner.workspaceId);
    expect(await paymentProviderFor(t.runtime, tenant)).toBeInstanceOf(TestPaymentProvider);
    await owner.client.put('/api/workspace/credentials/stripe', stripeKeys(fake.secretKey));
    const provider = await paymentProviderFor(t.runtime, tenant);
    expect(provider).toBeInstanceOf(StripePaymentProvider);
    expect(provider).toMatchObject({ kind: 'stripe', testMode: true });
    // The test payment page of this workspace is closed: it takes real Stripe payments now.
    expect(await reason(testPaymentProviderFor(t.runtime, tenant))).toBe('payments_not_configured');
  });

  it('has no provider in production without TEST_PAYMENTS=on (payments_not_configured), and the test one with it', async () => {
    const owner = await signUp(t.app);
    const tenant = new Tenant(t.runtime.db, owner.workspaceId);
    const production = { ...t.runtime, config: { ...t.runtime.config, env: 'production' as const, testPayments: false } };
    expect(await reason(paymentProviderFor(production, tenant))).toBe('payments_not_configured');
    const allowed = { ...t.runtime, config: { ...t.runtime.config, env: 'production' as const, testPayments: true } };
    expect(await paymentProviderFor(allowed, tenant)).toBeInstanceOf(TestPaymentProvider);
  });
});

describe('Settings > Paiements routes', () => {
  it('GET /api/workspace/payments says which provider runs and why, with the webhook URL and events', async () => {
    const owner = await signUp(t.app);
    const view = await owner.client.get('/api/workspace/payments');
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      provider: 'test',
      test_mode: true,
      webhook_url: `https://pages.example.com/webhooks/stripe/${owner.workspaceId}`,
      stripe: { configured: false, mode: null, has_webhook_secret: false },
      test_provider: { active: true, reason: 'no_stripe_keys' },
    });
    expect(view.json().webhook_events).toEqual(expect.arrayContaining(['payment_intent.succeeded', 'charge.refunded', 'customer.subscription.deleted']));

    await owner.client.put('/api/workspace/credentials/stripe', { secret_key: 'sk_live_51abcdefghijkl', publishable_key: 'pk_live_51abc' });
    expect((await owner.client.get('/api/workspace/payments')).json()).toMatchObject({
      provider: 'stripe',
      test_mode: false,
      stripe: { configured: true, mode: 'live', has_webhook_secret: false },
      test_provider: { active: false, reason: 'stripe_configured' },
    });
    await owner.client.put('/api/workspace/credentials/stripe', stripeKeys('sk_test_51abcdefghijkl'));
    expect((await owner.client.get('/api/workspace/payments')).json()).toMatchObject({
      provider: 'stripe',
      test_mode: true,
      stripe: { configured: true, mode: 'test', has_webhook_secret: true },
    });
  });

  it('"Tester la connexion" describes the Stripe account of the key sent or saved, and says why it fails', async () => {
    const owner = await signUp(t.app);
    const check = (body: object) => owner.client.post('/api/workspace/payments/stripe/check', body);
    const missing = await check({});
    expect(missing.statusCode).toBe(409);
    expect(missing.json().reason).toBe('stripe_keys_missing');

    const typed = await check({ secret_key: fake.secretKey });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typed.json()).toEqual({ account_id: fake.accountId, livemode: false, charges_enabled: true, country: 'FR', default_currency: 'eur' });
    expect(fake.callsTo('GET', '/v1/account').length).toBeGreaterThan(0);

    await owner.client.put('/api/workspace/credentials/stripe', stripeKeys(fake.secretKey));
    expect((await check({})).json().account_id).toBe(fake.accountId);

    const wrong = await check({ secret_key: 'sk_test_wrongkey123' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().reason).toBe('stripe_keys_invalid');
    expect(wrong.body).not.toContain('sk_test_wrongkey123');
    const malformed = await check({ secret_key: 'pk_test_oops' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('body.secret_key');
  });

  it('are described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/api/workspace/payments']?.get).toBeDefined();
    expect(doc.paths['/api/workspace/payments/stripe/check']?.post).toBeDefined();
  });

  it('is for admins only', async () => {
    const owner = await signUp(t.app);
    const member = (await owner.client.post('/api/workspace/api-keys', { name: 'member', role: 'member' })).json().key as string;
    const headers = { authorization: `Bearer ${member}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/workspace/payments', headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/workspace/payments/stripe/check', headers, payload: {} })).statusCode).toBe(403);
  });
});
