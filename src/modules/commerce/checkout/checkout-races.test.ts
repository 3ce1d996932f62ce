import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type TestContext } from '../../../../test/harness.js';
import { outboxMessages } from '../../../platform/mail/outbox.tables.js';
import { TEST_CARDS } from '../payments/test-cards.js';
import { testPayments } from '../payments/test-payments.tables.js';
import { orderLines, orders } from '../orders/orders.tables.js';

// The buyer's double clicks as real concurrency (PostgreSQL only: PGlite runs requests one after the other, so a race
// there proves nothing): the order form sent twice at once, the card confirmed twice at once, the upsell accepted
// from two tabs at once. Each gives one order, one payment, one charge, one receipt.

const onPostgres = process.env.TEST_DB === 'postgres';
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const headers = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0', accept: 'application/json' };
const card = { number: TEST_CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' };
const post = (url: string, payload: unknown, cookie?: string) =>
  t.publicApp.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: { ...headers, ...(cookie ? { cookie } : {}) } });

describe.runIf(onPostgres)('checkout races (PostgreSQL)', () => {
  it('gives one order, one charge and one receipt for a form, a card and an upsell each sent twice at once', async () => {
    const owner = await signUp(t.app);
    await owner.client.patch('/api/workspace', { legal_name: 'Course SAS', postal_address: '1 rue A, 75001 Paris' });
    const price = async (name: string, amount: number) =>
      (
        (await owner.client.post('/api/marketing/products', { name, prices: [{ kind: 'one_time', amount_cents: amount }] })).json() as {
          prices: { id: string }[];
        }
      ).prices[0]!.id;
    const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Course', funnel_type: 'product' })).json() as { id: string };
    const pages = `/api/marketing/funnels/${funnel.id}/pages`;
    const sales = (await owner.client.post(pages, { name: 'Vente', page_type: 'sales', html_content: '<div data-mk="order-form"></div>' })).json() as {
      id: string;
    };
    const upsell = (await owner.client.post(pages, { name: 'Offre', page_type: 'upsell', html_content: '<a data-mk="upsell-accept">Oui</a>' })).json() as {
      id: string;
    };
    await owner.client.post(pages, { name: 'Merci', page_type: 'thank_you' });
    await owner.client.put(`${pages}/${sales.id}/offer`, { price_id: await price('Formation', 9_700) });
    await owner.client.put(`${pages}/${upsell.id}/offer`, { price_id: await price('Coaching', 19_700) });
    await owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});

    const email = uniqueEmail('race');
    const form = { email, idempotency_key: `race-${Date.now()}-form-key` };
    const started = await Promise.all([post(`/p/${sales.id}/checkout`, form), post(`/p/${sales.id}/checkout`, form)]);
    expect(started.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(started[0]!.json().client_secret).toBe(started[1]!.json().client_secret);
    const secret = started[0]!.json().client_secret as string;
    const paid = await Promise.all([
      post(`/p/${sales.id}/pay/test-card`, { client_secret: secret, card }),
      post(`/p/${sales.id}/pay/test-card`, { client_secret: secret, card }),
    ]);
    expect(paid.map((r) => r.json().status)).toEqual(['succeeded', 'succeeded']);

    const cookie = `mk_order=${started[0]!.cookies.find((c) => c.name === 'mk_order')!.value}`;
    const accepted = await Promise.all([post(`/p/${upsell.id}/accept`, {}, cookie), post(`/p/${upsell.id}/accept`, {}, cookie)]);
    expect(accepted.map((r) => r.json().status)).toEqual(['succeeded', 'succeeded']);

    const rows = await t.runtime.db.select().from(orders).where(eq(orders.workspace_id, owner.workspaceId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'paid', total_cents: 9_700 + 19_700 });
    const lines = await t.runtime.db.select().from(orderLines).where(eq(orderLines.order_id, rows[0]!.id));
    expect(lines.map((l) => `${l.kind}:${l.status}`).sort()).toEqual(['main:paid', 'upsell:paid']);
    // Two payments at the provider: the order's and the upsell's, each once.
    const charges = await t.runtime.db.select().from(testPayments).where(eq(testPayments.workspace_id, owner.workspaceId));
    expect(
      charges
        .filter((c) => c.kind === 'payment')
        .map((c) => c.amount)
        .sort((a, b) => a - b),
    ).toEqual([9_700, 19_700]);
    const receipts = await t.runtime.db.select().from(outboxMessages).where(eq(outboxMessages.to_address, email));
    expect(receipts.filter((m) => m.category === 'order_receipt')).toHaveLength(2);
    const [funnelRow] = (await owner.client.get('/api/marketing/funnels')).json().items as { total_sales: number; total_revenue: number }[];
    expect(funnelRow).toMatchObject({ total_sales: 1, total_revenue: 9_700 + 19_700 });
  });
});
