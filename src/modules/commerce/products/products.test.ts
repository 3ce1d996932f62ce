import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { multipartBody } from '../../../../test/multipart.js';
import { seedProductsDemo } from '../index.js';
import { MAX_PRICES_PER_PRODUCT, MAX_PRODUCTS_PER_WORKSPACE, type TProduct } from '../../../contracts/commerce-products.js';

const BASE = '/api/marketing/products';
let t: TestContext;
let owner: SignedUp;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

const query = (text: string, params: unknown[] = []) => t.runtime.database.raw.query(text, params);

async function create(client: Client, body: Record<string, unknown>): Promise<TProduct> {
  const res = await client.post(BASE, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const monthly = { kind: 'recurring', interval: 'month', amount_cents: 2900 } as const;
const once = { kind: 'one_time', amount_cents: 19700 } as const;

describe('products', () => {
  it('creates a product with its prices in one call, the first price the default unless one is marked', async () => {
    const product = await create(owner.client, {
      name: '  Coaching mensuel ',
      description: 'Un appel par semaine',
      tax_rate_bps: 2000,
      prices: [monthly, { kind: 'recurring', interval: 'year', amount_cents: 29000, currency: 'eur', nickname: 'Annuel' }],
    });
    expect(product).toMatchObject({
      name: 'Coaching mensuel',
      description: 'Un appel par semaine',
      status: 'active',
      tax_behavior: 'inclusive',
      tax_rate_bps: 2000,
      stripe_tax: false,
      image_url: null,
    });
    expect(product.prices.map((p) => [p.kind, p.interval, p.amount_cents, p.currency, p.is_default, p.active])).toEqual([
      ['recurring', 'month', 2900, 'EUR', true, true],
      ['recurring', 'year', 29000, 'EUR', false, true],
    ]);
    const marked = await create(owner.client, { name: 'Pack', prices: [once, { ...monthly, is_default: true }] });
    expect(marked.prices[0]).toMatchObject({ amount_cents: 2900, is_default: true });
    expect(marked.prices.filter((p) => p.is_default)).toHaveLength(1);
    expect((await owner.client.get(`${BASE}/${product.id}`)).json()).toEqual(product);
  });

  it('refuses bad input with field errors and codes, and writes nothing then', async () => {
    const before = (await query('SELECT count(*)::int AS n FROM products WHERE workspace_id = $1', [owner.workspaceId])).rows[0];
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ name: 'Sans prix', prices: [] }, 'body.prices', 'too_small'],
      [{ name: 'Sans prix' }, 'body.prices', undefined],
      [{ name: 'X', prices: [{ kind: 'recurring', amount_cents: 100 }] }, 'body.prices.0.interval', 'interval_required'],
      [{ name: 'X', prices: [{ kind: 'one_time', interval: 'month', amount_cents: 100 }] }, 'body.prices.0.interval', 'interval_not_allowed'],
      [{ name: 'X', prices: [{ kind: 'one_time', amount_cents: 0 }] }, 'body.prices.0.amount_cents', 'too_small'],
      [{ name: 'X', prices: [{ kind: 'one_time', amount_cents: 100_000_001 }] }, 'body.prices.0.amount_cents', 'too_big'],
      [{ name: 'X', prices: [{ kind: 'one_time', amount_cents: 12.5 }] }, 'body.prices.0.amount_cents', 'invalid_type'],
      [{ name: 'X', prices: [{ kind: 'one_time', amount_cents: 100, currency: 'XYZ' }] }, 'body.prices.0.currency', 'currency'],
      [{ name: 'X', prices: [{ kind: 'weekly', amount_cents: 100 }] }, 'body.prices.0.kind', 'invalid_value'],
      [
        {
          name: 'X',
          prices: [
            { ...once, is_default: true },
            { ...monthly, is_default: true },
          ],
        },
        'body.prices',
        'one_default_price',
      ],
      [{ name: 'x'.repeat(121), prices: [once] }, 'body.name', 'too_big'],
      [{ name: '   ', prices: [once] }, 'body.name', 'too_small'],
      [{ name: 'X', description: 'd'.repeat(2001), prices: [once] }, 'body.description', 'too_big'],
      [{ name: 'X', tax_rate_bps: 10_001, prices: [once] }, 'body.tax_rate_bps', 'too_big'],
      [{ name: 'X', tax_behavior: 'ht', prices: [once] }, 'body.tax_behavior', 'invalid_value'],
      [{ name: 'X', image_file_id: '00000000-0000-4000-8000-000000000000', prices: [once] }, 'body.image_file_id', 'unknown_file'],
    ];
    for (const [body, path, code] of cases) {
      const res = await owner.client.post(BASE, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = (res.json().errors as { path: string; code?: string }[]).find((e) => e.path === path);
      expect(error, `${path} in ${res.body}`).toBeDefined();
      if (code) expect(error?.code, res.body).toBe(code);
    }
    const tooMany = await owner.client.post(BASE, { name: 'X', prices: Array.from({ length: MAX_PRICES_PER_PRODUCT + 1 }, () => once) });
    expect(tooMany.statusCode).toBe(400);
    const after = (await query('SELECT count(*)::int AS n FROM products WHERE workspace_id = $1', [owner.workspaceId])).rows[0];
    expect(after).toEqual(before);
  });

  it('lists newest first with a cursor, filters by status and finds by name', async () => {
    const { client } = await signUp(t.app);
    const names = ['Ebook 100% marketing', 'Masterclass', 'Atelier_photo'];
    for (const name of names) await create(client, { name, prices: [once] });
    const archived = await create(client, { name: 'Ancienne offre', status: 'archived', prices: [once] });
    const first = (await client.get(`${BASE}?limit=2`)).json();
    expect(first.items.map((p: TProduct) => p.name)).toEqual(['Ancienne offre', 'Atelier_photo']);
    const second = (await client.get(`${BASE}?limit=2&cursor=${first.next_cursor}`)).json();
    expect(second.items.map((p: TProduct) => p.name)).toEqual(['Masterclass', 'Ebook 100% marketing']);
    expect(second.next_cursor).toBeNull();
    expect((await client.get(`${BASE}?status=archived`)).json().items.map((p: TProduct) => p.id)).toEqual([archived.id]);
    expect((await client.get(`${BASE}?status=active`)).json().items).toHaveLength(3);
    // LIKE's wildcards are searched as text.
    expect((await client.get(`${BASE}?q=${encodeURIComponent('100%')}`)).json().items.map((p: TProduct) => p.name)).toEqual(['Ebook 100% marketing']);
    expect((await client.get(`${BASE}?q=_`)).json().items.map((p: TProduct) => p.name)).toEqual(['Atelier_photo']);
    expect((await client.get(`${BASE}?q=MASTER`)).json().items.map((p: TProduct) => p.name)).toEqual(['Masterclass']);
    expect((await client.get(`${BASE}?cursor=nope`)).statusCode).toBe(400);
  });

  it('changes the product fields, and an image of the media library shows with its public address', async () => {
    const product = await create(owner.client, { name: 'Ebook', prices: [once] });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const upload = multipartBody({}, { fileName: 'cover.png', content: png, contentType: 'image/png' });
    const file = (await owner.client.request({ method: 'POST', url: '/api/marketing/files', payload: upload.payload, headers: upload.headers })).json();
    const res = await owner.client.patch(`${BASE}/${product.id}`, {
      name: 'Ebook (2e édition)',
      description: null,
      image_file_id: file.id,
      tax_behavior: 'exclusive',
      tax_rate_bps: 550,
      stripe_tax: true,
      status: 'archived',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Ebook (2e édition)',
      image_file_id: file.id,
      image_url: `${t.runtime.config.publicUrl}/files/${file.id}`,
      tax_behavior: 'exclusive',
      tax_rate_bps: 550,
      stripe_tax: true,
      status: 'archived',
    });
    // Deleting the file empties the product's image.
    expect((await owner.client.delete(`/api/marketing/files/${file.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`${BASE}/${product.id}`)).json()).toMatchObject({ image_file_id: null, image_url: null });
    // Prices are not changed through the product.
    const withPrices = await owner.client.patch(`${BASE}/${product.id}`, { prices: [monthly] });
    expect(withPrices.statusCode).toBe(400);
    expect(withPrices.json().errors[0].code).toBe('unrecognized_keys');
  });
  it('is described in the OpenAPI document, amounts as integers of cents', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([BASE, `${BASE}/{id}`, `${BASE}/{id}/duplicate`, `${BASE}/{id}/prices`, `${BASE}/{id}/prices/{priceId}`]),
    );
    const priceBody = doc.paths[`${BASE}/{id}/prices`].post.requestBody.content['application/json'].schema;
    expect(priceBody.required).toEqual(expect.arrayContaining(['kind', 'amount_cents']));
    expect(priceBody.properties.amount_cents).toMatchObject({ type: 'integer', maximum: 100_000_000 });
    expect(Object.keys(doc.paths[`${BASE}/{id}/prices/{priceId}`].patch.requestBody.content['application/json'].schema.properties).sort()).toEqual([
      'active',
      'is_default',
      'nickname',
    ]);
  });
});

describe('prices', () => {
  it('never changes an amount: the API refuses it, and so does the database whatever the code path', async () => {
    const product = await create(owner.client, { name: 'Formation', prices: [once] });
    const price = product.prices[0]!;
    for (const change of [{ amount_cents: 100 }, { currency: 'USD' }, { kind: 'recurring' }, { interval: 'year' }]) {
      const res = await owner.client.patch(`${BASE}/${product.id}/prices/${price.id}`, change);
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().errors[0].code).toBe('unrecognized_keys');
    }
    await expect(query('UPDATE product_prices SET amount_cents = 100 WHERE id = $1', [price.id])).rejects.toThrow(/immutable/);
    await expect(query(`UPDATE product_prices SET currency = 'USD' WHERE id = $1`, [price.id])).rejects.toThrow(/immutable/);
    // What may change, may (a nickname, the Stripe id once).
    await query(`UPDATE product_prices SET nickname = 'Prix de lancement', stripe_price_id = 'price_123' WHERE id = $1`, [price.id]);
    await expect(query(`UPDATE product_prices SET stripe_price_id = 'price_456' WHERE id = $1`, [price.id])).rejects.toThrow(/immutable/);
    const after = (await owner.client.get(`${BASE}/${product.id}`)).json() as TProduct;
    expect(after.prices[0]).toMatchObject({ amount_cents: 19700, currency: 'EUR', nickname: 'Prix de lancement', stripe_price_id: 'price_123' });
  });

  it('changes an amount the Stripe way: a new price made default, the old one archived', async () => {
    const product = await create(owner.client, { name: 'Abonnement', prices: [monthly] });
    const old = product.prices[0]!;
    const added = await owner.client.post(`${BASE}/${product.id}/prices`, { ...monthly, amount_cents: 3900, is_default: true, nickname: '2027' });
    expect(added.statusCode, added.body).toBe(201);
    const fresh = (added.json() as TProduct).prices.find((p) => p.amount_cents === 3900)!;
    expect(fresh).toMatchObject({ is_default: true, active: true, nickname: '2027' });
    expect((added.json() as TProduct).prices.find((p) => p.id === old.id)).toMatchObject({ is_default: false, amount_cents: 2900 });
    const archived = await owner.client.patch(`${BASE}/${product.id}/prices/${old.id}`, { active: false });
    expect(archived.statusCode, archived.body).toBe(200);
    expect((archived.json() as TProduct).prices.map((p) => [p.amount_cents, p.is_default, p.active])).toEqual([
      [3900, true, true],
      [2900, false, false],
    ]);
    const badPrice = await owner.client.post(`${BASE}/${product.id}/prices`, { kind: 'recurring', amount_cents: 100 });
    expect(badPrice.json().errors).toEqual([expect.objectContaining({ path: 'body.interval', code: 'interval_required' })]);
  });

  it('keeps exactly one default price, active', async () => {
    const product = await create(owner.client, { name: 'Programme', prices: [once, monthly, { ...monthly, interval: 'year', amount_cents: 29000 }] });
    const [first, second, third] = product.prices as [TProduct['prices'][0], TProduct['prices'][0], TProduct['prices'][0]];
    const url = (id: string) => `${BASE}/${product.id}/prices/${id}`;
    const unset = await owner.client.patch(url(first.id), { is_default: false });
    expect(unset.statusCode).toBe(409);
    expect(unset.json().reason).toBe('default_price_required');
    const archiveDefault = await owner.client.patch(url(first.id), { active: false });
    expect(archiveDefault.json().reason).toBe('default_price_archived');
    expect((await owner.client.patch(url(second.id), { active: false })).statusCode).toBe(200);
    // An archived price becomes the default only when restored in the same change.
    expect((await owner.client.patch(url(second.id), { is_default: true })).json().reason).toBe('default_price_archived');
    const restored = await owner.client.patch(url(second.id), { is_default: true, active: true });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((restored.json() as TProduct).prices.filter((p) => p.is_default).map((p) => p.id)).toEqual([second.id]);
    // Two changes at once (two tabs): they take turns on the product, one default remains.
    const results = await Promise.all([owner.client.patch(url(first.id), { is_default: true }), owner.client.patch(url(third.id), { is_default: true })]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const { rows } = await query('SELECT count(*)::int AS n FROM product_prices WHERE product_id = $1 AND is_default', [product.id]);
    expect(rows).toEqual([{ n: 1 }]);
    // The database refuses a second default from any code path.
    await expect(query('UPDATE product_prices SET is_default = true WHERE product_id = $1', [product.id])).rejects.toThrow(
      /product_prices_one_default_uq|duplicate/,
    );
  });

  it('holds at most MAX_PRICES_PER_PRODUCT prices per product', async () => {
    const product = await create(owner.client, {
      name: 'Beaucoup de prix',
      prices: Array.from({ length: MAX_PRICES_PER_PRODUCT }, (_, i) => ({ ...once, amount_cents: 100 + i })),
    });
    expect(product.prices).toHaveLength(MAX_PRICES_PER_PRODUCT);
    const res = await owner.client.post(`${BASE}/${product.id}/prices`, once);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ reason: 'prices_limit', params: { limit: MAX_PRICES_PER_PRODUCT } });
  });
});

describe('duplicate, delete, limits, roles, workspaces', () => {
  it('duplicates a product with its active prices and default, without Stripe ids', async () => {
    const product = await create(owner.client, { name: 'Masterclass', tax_rate_bps: 2000, prices: [once, { ...monthly, is_default: true }] });
    const archived = product.prices.find((p) => !p.is_default)!;
    await owner.client.patch(`${BASE}/${product.id}/prices/${archived.id}`, { active: false });
    await query(`UPDATE products SET stripe_product_id = 'prod_1' WHERE id = $1`, [product.id]);
    const res = await owner.client.post(`${BASE}/${product.id}/duplicate`, {});
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json() as TProduct;
    expect(copy).toMatchObject({ name: 'Masterclass (copie)', tax_rate_bps: 2000, stripe_product_id: null, status: 'active' });
    expect(copy.id).not.toBe(product.id);
    expect(copy.prices.map((p) => [p.kind, p.interval, p.amount_cents, p.is_default, p.active])).toEqual([['recurring', 'month', 2900, true, true]]);
    const named = await owner.client.post(`${BASE}/${product.id}/duplicate`, { name: 'Masterclass 2' });
    expect(named.json().name).toBe('Masterclass 2');
  });

  it('deletes a product never sold with its prices; a price an order references blocks it (product_sold)', async () => {
    const product = await create(owner.client, { name: 'À supprimer', prices: [once, monthly] });
    expect((await owner.client.delete(`${BASE}/${product.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`${BASE}/${product.id}`)).statusCode).toBe(404);
    expect((await query('SELECT count(*)::int AS n FROM product_prices WHERE product_id = $1', [product.id])).rows).toEqual([{ n: 0 }]);
    // Orders will reference the price they sold with ON DELETE RESTRICT; a stand-in table does the same here.
    const sold = await create(owner.client, { name: 'Vendu', prices: [once] });
    const table = `test_order_lines_${process.pid}_${Date.now()}`;
    await query(`CREATE TABLE ${table} (price_id uuid NOT NULL REFERENCES product_prices(id) ON DELETE RESTRICT)`);
    try {
      await query(`INSERT INTO ${table} VALUES ($1)`, [sold.prices[0]!.id]);
      const res = await owner.client.delete(`${BASE}/${sold.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().reason).toBe('product_sold');
      expect((await owner.client.get(`${BASE}/${sold.id}`)).json().prices).toHaveLength(1);
    } finally {
      await query(`DROP TABLE ${table}`);
    }
  });

  it('holds at most MAX_PRODUCTS_PER_WORKSPACE products, duplicates included', async () => {
    const full = await signUp(t.app);
    const product = await create(full.client, { name: 'Premier', prices: [once] });
    await query(`INSERT INTO products (workspace_id, name) SELECT $1, 'Produit ' || n FROM generate_series(2, $2::int) AS n`, [
      full.workspaceId,
      MAX_PRODUCTS_PER_WORKSPACE,
    ]);
    const res = await full.client.post(BASE, { name: 'Un de trop', prices: [once] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ reason: 'products_limit', params: { limit: MAX_PRODUCTS_PER_WORKSPACE } });
    expect((await full.client.post(`${BASE}/${product.id}/duplicate`, {})).json().reason).toBe('products_limit');
  });

  it('lets viewers read and members write', async () => {
    const product = await create(owner.client, { name: 'Lecture', prices: [once] });
    const viewer = new Client(t.app, { bearer: (await owner.client.post('/api/workspace/api-keys', { name: 'v', role: 'viewer' })).json().key });
    const member = new Client(t.app, { bearer: (await owner.client.post('/api/workspace/api-keys', { name: 'm', role: 'member' })).json().key });
    expect((await viewer.get(`${BASE}/${product.id}`)).statusCode).toBe(200);
    expect((await viewer.post(BASE, { name: 'Non', prices: [once] })).statusCode).toBe(403);
    expect((await viewer.patch(`${BASE}/${product.id}/prices/${product.prices[0]!.id}`, { nickname: 'x' })).statusCode).toBe(403);
    expect((await member.post(BASE, { name: 'Oui', prices: [once] })).statusCode).toBe(201);
    expect((await member.post(`${BASE}/${product.id}/prices`, monthly)).statusCode).toBe(201);
  });

  it('shows another workspace nothing and lets it change nothing, prices included (two ids: product and price)', async () => {
    const a = await create(owner.client, { name: 'Produit A', prices: [once] });
    const aOther = await create(owner.client, { name: 'Autre produit A', prices: [monthly] });
    const aPrice = a.prices[0]!;
    const b = await signUp(t.app);
    const bProduct = await create(b.client, { name: 'Produit B', prices: [once] });
    expect((await b.client.get(`${BASE}/${a.id}`)).statusCode).toBe(404);
    expect((await b.client.patch(`${BASE}/${a.id}/prices/${aPrice.id}`, { nickname: 'pris' })).statusCode).toBe(404);
    expect((await b.client.patch(`${BASE}/${bProduct.id}/prices/${aPrice.id}`, { is_default: true })).statusCode).toBe(404);
    expect((await b.client.post(`${BASE}/${a.id}/prices`, once)).statusCode).toBe(404);
    expect((await b.client.post(`${BASE}/${a.id}/duplicate`, {})).statusCode).toBe(404);
    // A price is changed only through its own product.
    expect((await owner.client.patch(`${BASE}/${aOther.id}/prices/${aPrice.id}`, { nickname: 'x' })).statusCode).toBe(404);
    expect((await owner.client.patch(`${BASE}/${a.id}/prices/not-a-uuid`, { nickname: 'x' })).statusCode).toBe(404);
    // A's picture cannot be B's product image.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const upload = multipartBody({}, { fileName: 'a.png', content: png, contentType: 'image/png' });
    const file = (await owner.client.request({ method: 'POST', url: '/api/marketing/files', payload: upload.payload, headers: upload.headers })).json();
    const stolen = await b.client.patch(`${BASE}/${bProduct.id}`, { image_file_id: file.id });
    expect(stolen.json().errors[0]).toMatchObject({ path: 'body.image_file_id', code: 'unknown_file' });
    expect((await b.client.get(BASE)).json().items.map((p: TProduct) => p.id)).toEqual([bProduct.id]);
    // The database keeps a price in its product's workspace.
    await expect(
      query(`INSERT INTO product_prices (workspace_id, product_id, kind, amount_cents) VALUES ($1, $2, 'one_time', 100)`, [b.workspaceId, a.id]),
    ).rejects.toThrow(/foreign key/);
    expect((await owner.client.get(`${BASE}/${a.id}`)).json()).toEqual(a);
  });

  it('gives the demo workspace five products, the coaching sold by the month by default', async () => {
    const demo = await signUp(t.app);
    await seedProductsDemo(t.runtime.db, demo.workspaceId);
    const list = (await demo.client.get(BASE)).json() as { items: TProduct[] };
    expect(list.items).toHaveLength(5);
    const coaching = list.items.find((p) => p.name === 'Coaching de groupe');
    expect(coaching?.prices.map((p) => [p.interval, p.amount_cents, p.is_default])).toEqual([
      ['month', 4900, true],
      ['year', 49000, false],
    ]);
  });
});
