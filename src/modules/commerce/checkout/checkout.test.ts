import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { outboxMessages } from '../../../platform/mail/outbox.tables.js';
import { seedFunnelDemo } from '../../funnels/index.js';
import { TEST_CARDS } from '../payments/test-cards.js';
import { seedProductsDemo } from '../products/products.demo.js';
import { seedCheckoutDemo } from './checkout.demo.js';
import { orderLines, orders } from '../orders/orders.tables.js';

// The buyer's side through the public server, as our checkout script calls it, with the built-in test provider:
// the order form (bump, a declined card then a good one, 3-D Secure), one-click offers (accepted once however often
// clicked, declined to the downsell, skipped downsell after an accepted upsell), and the step offers' admin API.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36';
const ORDER_FORM = '<h1>La formation</h1><div data-mk="order-form" class="mk-order-form"><p>Bon de commande</p></div>';
const OFFER = '<h1>Ajoutez le coaching</h1><a data-mk="upsell-accept" class="mk-button">Oui</a><a data-mk="upsell-decline">Non merci</a>';
const GOOD_CARD: { number: string; exp_month: number; exp_year: number; cvc: string } = { number: TEST_CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' };

type TFunnelShop = {
  owner: SignedUp;
  funnel: { id: string; slug: string };
  pages: Record<'sales' | 'upsell' | 'downsell' | 'thanks', { id: string; slug: string }>;
  prices: Record<'course' | 'bump' | 'coaching' | 'lite' | 'monthly', string>;
};

/** A product funnel: sales page (course 97 € + bump 27 €) -> upsell (coaching 197 €) -> downsell (lite 47 €) -> thank-you. */
async function funnelShop(): Promise<TFunnelShop> {
  const owner = await signUp(t.app);
  await owner.client.patch('/api/workspace', { legal_name: 'Atelier Léa SAS', postal_address: '12 rue des Lilas, 69001 Lyon' });
  const price = async (name: string, amount: number, recurring = false) => {
    const body = recurring ? { kind: 'recurring', interval: 'month', amount_cents: amount } : { kind: 'one_time', amount_cents: amount };
    const res = await owner.client.post('/api/marketing/products', { name, prices: [body] });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { prices: { id: string }[] }).prices[0]!.id;
  };
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Formation', funnel_type: 'product' })).json() as { id: string; slug: string };
  const page = async (name: string, page_type: string, html: string) => {
    const res = await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name, page_type, html_content: html });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; slug: string };
  };
  const pages = {
    sales: await page('Vente', 'sales', ORDER_FORM),
    upsell: await page('Coaching', 'upsell', OFFER),
    downsell: await page('Version allégée', 'downsell', OFFER),
    thanks: await page('Merci', 'thank_you', '<h1>Merci pour votre commande</h1>'),
  };
  const prices = {
    course: await price('Formation Offre Signature', 9_700),
    bump: await price('Modèles prêts à l’emploi', 2_700),
    coaching: await price('Coaching de groupe', 19_700),
    lite: await price('Coaching allégé', 4_700),
    monthly: await price('Club mensuel', 2_900, true),
  };
  const offer = async (pageId: string, body: Record<string, unknown>) => {
    const res = await owner.client.put(`/api/marketing/funnels/${funnel.id}/pages/${pageId}/offer`, body);
    expect(res.statusCode, res.body).toBe(200);
  };
  await offer(pages.sales.id, { price_id: prices.course, bump_price_id: prices.bump, bump_title: 'les modèles', bump_pitch: 'Gagnez 10 heures.' });
  await offer(pages.upsell.id, { price_id: prices.coaching });
  await offer(pages.downsell.id, { price_id: prices.lite });
  const published = await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  return { owner, funnel, pages, prices };
}

function post(path: string, payload: unknown, cookie?: string) {
  return t.publicApp.inject({
    method: 'POST',
    url: path,
    payload: payload as Record<string, unknown>,
    headers: { 'user-agent': BROWSER, accept: 'application/json', ...(cookie ? { cookie } : {}) },
  });
}

/** The order form sent, then the card typed: the buyer's browser's calls. Returns the order cookie and the last answer. */
async function buy(shop: TFunnelShop, options: { email?: string; bump?: boolean; card?: typeof GOOD_CARD; key?: string } = {}) {
  const started = await post(`/p/${shop.pages.sales.id}/checkout`, {
    email: options.email ?? uniqueEmail('buyer'),
    name: 'Anne Martin',
    bump: options.bump ?? true,
    idempotency_key: options.key ?? `key-${Math.random().toString(36).slice(2)}-${Date.now()}`,
    utm_source: 'newsletter',
  });
  expect(started.statusCode, started.body).toBe(200);
  const pay = started.json() as { status: string; provider: string; client_secret: string; return_url: string };
  const cookie = started.cookies.find((c) => c.name === 'mk_order')!;
  expect(cookie.httpOnly).toBe(true);
  const confirmed = await post(`/p/${shop.pages.sales.id}/pay/test-card`, { client_secret: pay.client_secret, card: options.card ?? GOOD_CARD });
  return { pay, cookie: `mk_order=${cookie.value}`, confirmed };
}

async function ordersOf(shop: TFunnelShop) {
  return t.runtime.db.select().from(orders).where(eq(orders.workspace_id, shop.owner.workspaceId));
}

describe('checkout on published pages', () => {
  it('draws the order form from the step offer, and pays the product and its bump once', async () => {
    const shop = await funnelShop();
    const page = await t.publicApp.inject({ method: 'GET', url: `/${shop.funnel.slug}/${shop.pages.sales.slug}`, headers: { 'user-agent': BROWSER } });
    expect(page.body).toContain(`<script src="/p/checkout.js" data-page="${shop.pages.sales.id}" defer></script>`);
    expect(page.headers['content-security-policy']).toContain('https://js.stripe.com');
    const upsellPage = await t.publicApp.inject({ method: 'GET', url: `/${shop.funnel.slug}/${shop.pages.upsell.slug}` });
    expect(upsellPage.body).toContain(`href="/p/${shop.pages.upsell.id}/accept"`);
    expect(upsellPage.body).toContain(`href="/p/${shop.pages.upsell.id}/decline"`);
    const thanks = await t.publicApp.inject({ method: 'GET', url: `/${shop.funnel.slug}/${shop.pages.thanks.slug}` });
    expect(thanks.headers['content-security-policy']).not.toContain('stripe');

    const offer = await t.publicApp.inject({ method: 'GET', url: `/p/${shop.pages.sales.id}/offer` });
    expect(offer.json()).toMatchObject({
      kind: 'order',
      language: 'fr',
      product: { name: 'Formation Offre Signature' },
      price: { amount_cents: 9_700, currency: 'EUR', tax_included: true },
      bump: { title: 'les modèles', pitch: 'Gagnez 10 heures.', amount_cents: 2_700 },
      provider: { kind: 'test', publishable_key: null, test_mode: true },
    });

    // A declined card: the buyer reads why in French, nothing is paid; the same form then pays with a good card.
    const key = `form-${Date.now()}-declined-then-paid`;
    const email = uniqueEmail('buyer');
    const declined = await buy(shop, { email, key, card: { ...GOOD_CARD, number: TEST_CARDS.declined } });
    expect(declined.confirmed.statusCode).toBe(402);
    expect(declined.confirmed.json()).toMatchObject({
      status: 'failed',
      code: 'card_declined',
      message: 'Votre carte a été refusée. Essayez une autre carte.',
    });
    const paid = await buy(shop, { email, key });
    expect(paid.pay.client_secret).toBe(declined.pay.client_secret);
    expect(paid.confirmed.json()).toEqual({ status: 'succeeded', redirect: `${t.runtime.config.publicUrl}/${shop.funnel.slug}/${shop.pages.upsell.slug}` });
    // Submitted again (a double click, a reload): the same order, already paid, still one.
    const again = await post(`/p/${shop.pages.sales.id}/pay/test-card`, { client_secret: paid.pay.client_secret, card: GOOD_CARD });
    expect(again.json().status).toBe('succeeded');
    const [order] = await ordersOf(shop);
    expect(await ordersOf(shop)).toHaveLength(1);
    expect(order).toMatchObject({ status: 'paid', total_cents: 12_400, funnel_id: shop.funnel.id, page_id: shop.pages.sales.id, utm_source: 'newsletter' });
    const lines = await t.runtime.db.select().from(orderLines).where(eq(orderLines.order_id, order!.id));
    expect(lines.map((l) => `${l.kind}:${l.status}:${l.amount_cents}`).sort()).toEqual(['bump:paid:2700', 'main:paid:9700']);
    const [receipts] = await t.runtime.db
      .select({ n: count() })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.workspace_id, shop.owner.workspaceId), eq(outboxMessages.to_address, email)));
    expect(receipts!.n).toBe(1);

    // Back from the payment (Stripe's return address, a bookmark): the provider is asked, the buyer goes on.
    const back = await t.publicApp.inject({ method: 'GET', url: paid.pay.return_url });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`${t.runtime.config.publicUrl}/${shop.funnel.slug}/${shop.pages.upsell.slug}`);
    expect((await t.publicApp.inject({ method: 'GET', url: `/p/${shop.pages.sales.id}/paid?o=forged.1.sig` })).statusCode).toBe(404);
  });

  it('charges an accepted upsell once, skips its downsell, and sends a refusal to the downsell', async () => {
    const shop = await funnelShop();
    const { cookie } = await buy(shop, { bump: false });
    const accept = () => post(`/p/${shop.pages.upsell.id}/accept`, {}, cookie);
    const [first, second] = [await accept(), await accept()];
    const thanksUrl = `${t.runtime.config.publicUrl}/${shop.funnel.slug}/${shop.pages.thanks.slug}`;
    expect(first.json()).toEqual({ status: 'succeeded', redirect: thanksUrl });
    expect(second.json()).toEqual({ status: 'succeeded', redirect: thanksUrl });
    const [order] = await ordersOf(shop);
    expect(order).toMatchObject({ status: 'paid', total_cents: 9_700 + 19_700 });
    const lines = await t.runtime.db.select().from(orderLines).where(eq(orderLines.order_id, order!.id));
    expect(lines.filter((l) => l.kind === 'upsell')).toHaveLength(1);

    // "No thanks" on the upsell: the downsell next, nothing charged.
    const decline = await t.publicApp.inject({ method: 'GET', url: `/p/${shop.pages.upsell.id}/decline` });
    expect(decline.statusCode).toBe(302);
    expect(decline.headers.location).toBe(`${t.runtime.config.publicUrl}/${shop.funnel.slug}/${shop.pages.downsell.slug}`);

    // Without the order's cookie, or on the order form page: nothing to accept.
    const stranger = await post(`/p/${shop.pages.upsell.id}/accept`, {});
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json()).toMatchObject({ status: 'failed', code: 'no_order' });
    expect((await post(`/p/${shop.pages.sales.id}/accept`, {}, cookie)).json()).toMatchObject({ code: 'offer_unavailable' });
    // A GET never charges: it shows a button that posts.
    const confirmPage = await t.publicApp.inject({ method: 'GET', url: `/p/${shop.pages.upsell.id}/accept` });
    expect(confirmPage.body).toContain(`<form method="post" action="/p/${shop.pages.upsell.id}/accept">`);
    // The downsell accepted after all (its own line, its own charge): the order has both offers.
    const downsell = await post(`/p/${shop.pages.downsell.id}/accept`, {}, cookie);
    expect(downsell.json()).toEqual({ status: 'succeeded', redirect: thanksUrl });
    const [after] = await ordersOf(shop);
    expect(after!.total_cents).toBe(9_700 + 19_700 + 4_700);
  });

  it('goes through 3-D Secure on the order form and on a one-click offer', async () => {
    const shop = await funnelShop();
    const card = { ...GOOD_CARD, number: TEST_CARDS.authentication };
    const { pay, cookie, confirmed } = await buy(shop, { card, bump: false });
    expect(confirmed.json()).toMatchObject({ status: 'requires_action', provider: 'test', client_secret: pay.client_secret });
    // Refused at the bank: nothing paid, the buyer may try again.
    const refused = await post(`/p/${shop.pages.sales.id}/pay/test-authenticate`, { client_secret: pay.client_secret, approve: false });
    expect(refused.json()).toMatchObject({ status: 'failed', code: 'payment_intent_authentication_failure' });
    expect((await ordersOf(shop))[0]!.status).not.toBe('paid');
    const again = await post(`/p/${shop.pages.sales.id}/pay/test-card`, { client_secret: pay.client_secret, card });
    expect(again.json().status).toBe('requires_action');
    const approved = await post(`/p/${shop.pages.sales.id}/pay/test-authenticate`, { client_secret: pay.client_secret, approve: true });
    expect(approved.json()).toMatchObject({ status: 'succeeded' });

    // The saved card asks for authentication off-session too: the upsell is paid once approved.
    const accepted = await post(`/p/${shop.pages.upsell.id}/accept`, {}, cookie);
    const action = accepted.json() as { status: string; client_secret: string };
    expect(action.status).toBe('requires_action');
    const done = await post(`/p/${shop.pages.upsell.id}/pay/test-authenticate`, { client_secret: action.client_secret, approve: true });
    expect(done.json()).toEqual({ status: 'succeeded', redirect: `${t.runtime.config.publicUrl}/${shop.funnel.slug}/${shop.pages.thanks.slug}` });
    expect((await ordersOf(shop))[0]).toMatchObject({ status: 'paid', total_cents: 9_700 + 19_700 });
  });

  it('refuses bad bodies and pages that sell nothing', async () => {
    const shop = await funnelShop();
    const bad = await post(`/p/${shop.pages.sales.id}/checkout`, { email: 'pas-un-email', idempotency_key: 'short' });
    expect(bad.statusCode).toBe(400);
    const thanks = await post(`/p/${shop.pages.thanks.id}/checkout`, { email: uniqueEmail('x'), idempotency_key: 'k'.repeat(20) });
    expect(thanks.statusCode).toBe(409);
    expect(thanks.json()).toMatchObject({ code: 'offer_unavailable', message: 'Cette offre n’est plus disponible.' });
    expect((await t.publicApp.inject({ method: 'GET', url: `/p/${shop.pages.thanks.id}/offer` })).statusCode).toBe(404);
    // An archived price stops selling at once (the page is not published again).
    const product = (await shop.owner.client.get('/api/marketing/products')).json() as { items: { id: string; name: string }[] };
    const course = product.items.find((p) => p.name === 'Formation Offre Signature')!;
    expect((await shop.owner.client.patch(`/api/marketing/products/${course.id}`, { status: 'archived' })).statusCode).toBe(200);
    expect((await t.publicApp.inject({ method: 'GET', url: `/p/${shop.pages.sales.id}/offer` })).statusCode).toBe(404);
    const archived = await post(`/p/${shop.pages.sales.id}/checkout`, { email: uniqueEmail('x'), idempotency_key: 'k'.repeat(20) });
    expect(archived.json()).toMatchObject({ status: 'failed', code: 'price_unavailable' });
  });
});

describe('step offers (admin API)', () => {
  it('sets, lists and removes what each step sells, and refuses what cannot be sold', async () => {
    const shop = await funnelShop();
    const base = `/api/marketing/funnels/${shop.funnel.id}`;
    const list = (await shop.owner.client.get(`${base}/offers`)).json() as { items: { page_id: string; price: { product_name: string } }[] };
    expect(list.items.map((o) => o.price.product_name).sort()).toEqual(['Coaching allégé', 'Coaching de groupe', 'Formation Offre Signature']);
    const put = (pageId: string, body: unknown) => shop.owner.client.put(`${base}/pages/${pageId}/offer`, body);
    expect((await put(shop.pages.upsell.id, { price_id: shop.prices.coaching, bump_price_id: shop.prices.bump })).json()).toMatchObject({
      reason: 'bump_not_on_offer_page',
    });
    // A subscription is sold by an order form's main product only (issue 13, subscriptions).
    expect((await put(shop.pages.upsell.id, { price_id: shop.prices.monthly })).json()).toMatchObject({ reason: 'recurring_main_only' });
    expect((await put(shop.pages.sales.id, { price_id: shop.prices.course, bump_price_id: shop.prices.monthly })).json()).toMatchObject({
      reason: 'recurring_main_only',
    });
    expect((await put(shop.pages.sales.id, { price_id: shop.prices.course, bump_price_id: shop.prices.course })).statusCode).toBe(400);
    // Another workspace's price or funnel: unknown here.
    const other = await signUp(t.app);
    const theirs = (
      (await other.client.post('/api/marketing/products', { name: 'Autre', prices: [{ kind: 'one_time', amount_cents: 100 }] })).json() as {
        prices: { id: string }[];
      }
    ).prices[0]!.id;
    expect((await put(shop.pages.sales.id, { price_id: theirs })).json()).toMatchObject({ reason: 'price_unavailable' });
    expect((await other.client.get(`${base}/pages/${shop.pages.sales.id}/offer`)).statusCode).toBe(404);
    expect((await other.client.put(`${base}/pages/${shop.pages.sales.id}/offer`, { price_id: theirs })).statusCode).toBe(404);
    // Removed: the step sells nothing.
    expect((await shop.owner.client.delete(`${base}/pages/${shop.pages.downsell.id}/offer`)).statusCode).toBe(204);
    expect((await shop.owner.client.get(`${base}/pages/${shop.pages.downsell.id}/offer`)).json()).toBeNull();
  });
});

describe('demo sales', () => {
  it('sells the demo product funnel for real: offers on its steps, paid orders with bumps, upsells and downsells', async () => {
    const owner = await signUp(t.app);
    await seedProductsDemo(t.runtime.db, owner.workspaceId);
    await seedFunnelDemo(t.runtime, owner.workspaceId, owner.userId, t.publicApp);
    await seedCheckoutDemo(t.runtime, owner.workspaceId, t.publicApp);
    const paid = await t.runtime.db.select().from(orders).where(eq(orders.workspace_id, owner.workspaceId));
    expect(paid).toHaveLength(7);
    expect(paid.every((order) => order.status === 'paid' && order.fulfilled_at !== null)).toBe(true);
    const lines = await t.runtime.db.select().from(orderLines).where(eq(orderLines.workspace_id, owner.workspaceId));
    expect(new Set(lines.map((line) => line.kind))).toEqual(new Set(['main', 'bump', 'upsell', 'downsell']));
    const funnel = (await owner.client.get('/api/marketing/funnels')).json().items.find((f: { funnel_type: string }) => f.funnel_type === 'product');
    expect(funnel.total_sales).toBe(7);
    expect(funnel.total_revenue).toBe(paid.reduce((sum, order) => sum + order.total_cents, 0));
    const offers = (await owner.client.get(`/api/marketing/funnels/${funnel.id}/offers`)).json().items as unknown[];
    expect(offers).toHaveLength(3);
  });
});
