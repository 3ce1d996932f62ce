import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { funnelPages, funnels } from '../../funnels/index.js';
import { TEST_CARDS } from '../payments/test-cards.js';
import { orders } from '../orders/orders.tables.js';
import { productPrices, products } from '../products/products.tables.js';
import { setPageOffer } from './page-offers.service.js';

// The demo's sales: the product funnel (made by the funnels demo from its template) sells the course with the
// workbook as its order bump, the templates pack as the upsell and the essential pack as the downsell; a few buyers
// go through it for real on the public server with the test provider (order form, card, offers), so the Commandes
// tab, the lead won, the receipts and the revenue show real orders. Spread over the last two weeks afterwards.

const BUYERS = ['Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Jules', 'Manon'];
const SOURCES = ['facebook', 'newsletter', 'instagram', 'facebook', 'youtube', 'newsletter', 'facebook'];
const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

export async function seedCheckoutDemo(runtime: Runtime, workspaceId: string, publicApp: FastifyInstance): Promise<void> {
  const tenant = new Tenant(runtime.db, workspaceId);
  const [funnel] = await tenant.db
    .select()
    .from(funnels)
    .where(tenant.where(funnels, eq(funnels.template_id, 'product-fr')));
  if (!funnel) return;
  const pages = await tenant.db
    .select()
    .from(funnelPages)
    .where(tenant.where(funnelPages, eq(funnelPages.funnel_id, funnel.id)));
  const page = (type: string) => pages.find((p) => p.page_type === type);
  const sales = page('sales');
  const upsell = page('upsell');
  const downsell = page('downsell');
  if (!sales || !upsell || !downsell) return;
  const priceOf = async (name: string) => {
    const [row] = await tenant.db
      .select({ id: productPrices.id })
      .from(productPrices)
      .innerJoin(products, eq(products.id, productPrices.product_id))
      .where(and(tenant.where(productPrices), eq(products.name, name)));
    return row?.id;
  };
  const [course, workbook, pack, essentials] = await Promise.all([
    priceOf('Formation « Lancer son offre en ligne »'),
    priceOf('Cahier d’exercices imprimable'),
    priceOf('Pack de 30 modèles de pages et d’e-mails'),
    priceOf('Pack essentiel : 10 modèles'),
  ]);
  if (!course || !workbook || !pack || !essentials) return;
  await setPageOffer(tenant, funnel.id, sales.id, {
    price_id: course,
    bump_price_id: workbook,
    bump_title: 'le cahier d’exercices imprimable',
    bump_pitch: 'Les 40 exercices de la formation, à imprimer et à remplir : les élèves qui l’utilisent finissent leur offre deux fois plus vite.',
  });
  await setPageOffer(tenant, funnel.id, upsell.id, { price_id: pack });
  await setPageOffer(tenant, funnel.id, downsell.id, { price_id: essentials });

  for (const [i, name] of BUYERS.entries()) {
    const headers = { 'user-agent': BROWSER, accept: 'application/json' };
    const remoteAddress = `203.0.113.${20 + i}`;
    const email = `${name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()}.achat${i}@exemple.fr`;
    const view = (slug: string) =>
      publicApp.inject({ method: 'GET', url: `/${funnel.slug}/${slug}?utm_source=${SOURCES[i]}`, headers: { 'user-agent': BROWSER }, remoteAddress });
    await view(sales.slug);
    const started = await publicApp.inject({
      method: 'POST',
      url: `/p/${sales.id}/checkout`,
      headers,
      remoteAddress,
      payload: { email, name: `${name} Martin`, bump: i % 3 === 0, idempotency_key: `demo-order-${i}-${workspaceId}`, utm_source: SOURCES[i] },
    });
    if (started.statusCode !== 200) throw new Error(`demo checkout answered ${started.statusCode} ${started.body}`);
    const cookie = started.cookies.find((c) => c.name === 'mk_order');
    const paid = await publicApp.inject({
      method: 'POST',
      url: `/p/${sales.id}/pay/test-card`,
      headers,
      remoteAddress,
      payload: { client_secret: started.json().client_secret, card: { number: TEST_CARDS.visa, exp_month: 12, exp_year: 2099, cvc: '123' } },
    });
    if (paid.statusCode !== 200) throw new Error(`demo payment answered ${paid.statusCode} ${paid.body}`);
    const withCookie = { ...headers, cookie: `mk_order=${cookie?.value ?? ''}` };
    // Each buyer sees the upsell; one in three takes the pack at once; the others see the downsell, and one in two of
    // them takes the essential pack; everyone ends on the thank-you page.
    await view(upsell.slug);
    if (i % 3 === 1) await publicApp.inject({ method: 'POST', url: `/p/${upsell.id}/accept`, headers: withCookie, remoteAddress, payload: {} });
    else {
      await view(downsell.slug);
      if (i % 2 === 0) await publicApp.inject({ method: 'POST', url: `/p/${downsell.id}/accept`, headers: withCookie, remoteAddress, payload: {} });
    }
    const thanks = page('thank_you');
    if (thanks) await view(thanks.slug);
  }
  await publicApp.flushFunnelEvents();
  // Spread over the last 14 days, so the revenue shows a curve.
  await runtime.db.execute(sql`
    UPDATE ${orders} SET created_at = created_at - (number % 14) * interval '1 day', paid_at = paid_at - (number % 14) * interval '1 day'
    WHERE workspace_id = ${workspaceId}::uuid`);
}
