import { expect, test, type Page } from '@playwright/test';

// A buyer goes through a product funnel with the built-in test payment provider, in a real browser on the public
// server: the sales page's order form (order bump ticked, test card), the upsell accepted in one click, its downsell
// skipped, the thank-you page. Then the seller sees the order, the lead won and the revenue in the admin app. The
// steps' products are chosen in the funnel view's "Produit vendu" dialog, as a seller would.

const PASSWORD = 'correct horse battery';
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
/** A browser's own user agent: isbot counts "HeadlessChrome" as a robot. */
const BUYER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Léa Fontaine');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`checkout-${suffix()}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Atelier Léa');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

async function api(page: Page, method: 'post' | 'patch', path: string, data: unknown) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  const res = await page.request[method](path, { data, headers: { 'x-csrf-token': me.csrf_token, origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/** Picks an option of a Mantine select by its visible text, then waits for the list to close. */
async function pick(page: Page, field: ReturnType<Page['getByRole']>, option: string | RegExp) {
  await field.click();
  await page.getByRole('option', { name: option }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

test('a buyer pays the product with its bump, accepts the upsell, skips the downsell; the seller sees the order, the lead won and the revenue', async ({
  page,
  browser,
}) => {
  test.slow();
  await signUp(page);
  await api(page, 'patch', '/api/workspace', { legal_name: 'Atelier Léa SAS', postal_address: '12 rue des Lilas, 69001 Lyon' });
  for (const [name, amount] of [
    ['Formation Offre Signature', 19_700],
    ['Cahier d’exercices', 2_700],
    ['Pack Modèles Pro', 4_700],
    ['Pack Essentiels', 1_900],
  ] as const) {
    await api(page, 'post', '/api/marketing/products', { name, prices: [{ kind: 'one_time', amount_cents: amount }] });
  }

  // The funnel from the digital product template.
  await page.goto('/funnels?tab=templates');
  await page
    .getByRole('article')
    .filter({ hasText: 'Formation en ligne (produit numérique)' })
    .first()
    .getByRole('button', { name: 'Utiliser ce template' })
    .click();
  const create = page.getByRole('dialog');
  await create.getByRole('textbox', { name: 'Nom' }).fill('Offre Signature');
  await create.getByRole('button', { name: 'Créer le tunnel' }).click();
  await expect(page.getByRole('heading', { name: 'Offre Signature' })).toBeVisible();

  // Each selling step gets its product in "Produit vendu"; the sales page also gets its order bump.
  const step = (type: RegExp) => page.getByRole('group').filter({ has: page.getByText(type) });
  const sales = page.getByRole('group', { name: /^Étape 2/ });
  await expect(sales.getByText('Aucun produit choisi', { exact: false })).toBeVisible();
  await sales.getByRole('button', { name: 'Choisir le produit' }).click();
  let dialog = page.getByRole('dialog', { name: /Produit vendu/ });
  await pick(page, dialog.getByRole('combobox', { name: 'Produit du bon de commande' }), /Formation Offre Signature · 197,00/);
  await pick(page, dialog.getByRole('combobox', { name: 'Offre complémentaire (order bump)' }), /Cahier d’exercices · 27,00/);
  await dialog.getByRole('textbox', { name: 'Accroche de la case' }).fill('le cahier d’exercices imprimable');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(sales.getByText(/Vend : Formation Offre Signature · 197,00\s€ \+ order bump : Cahier d’exercices · 27,00\s€/)).toBeVisible();
  for (const [name, product] of [
    [/^Étape 3/, /Pack Modèles Pro · 47,00/],
    [/^Étape 4/, /Pack Essentiels · 19,00/],
  ] as const) {
    const card = page.getByRole('group', { name });
    await card.getByRole('button', { name: 'Choisir le produit' }).click();
    dialog = page.getByRole('dialog', { name: /Produit vendu/ });
    await pick(page, dialog.getByRole('combobox', { name: 'Produit proposé' }), product);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(card.getByText('Vend :', { exact: false })).toBeVisible();
  }
  expect(await step(/Remerciement|Merci/).count()).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await expect(page.getByText(/Publié le/).first()).toBeVisible({ timeout: 15_000 });
  const funnelId = new URL(page.url()).pathname.split('/')[2]!;
  const pages = (await (await page.request.get(`/api/marketing/funnels/${funnelId}/pages`)).json()) as {
    items: { page_type: string; public_url: string | null }[];
  };
  const urlOf = (type: string) => pages.items.find((p) => p.page_type === type)!.public_url!;

  // The buyer, in a browser of their own, on the public server.
  const buyerContext = await browser.newContext({ userAgent: BUYER_AGENT });
  const buyer = await buyerContext.newPage();
  const errors: string[] = [];
  buyer.on('pageerror', (error) => errors.push(error.message));
  // Every answer the buyer's browser got is a success, but the declined card's (402) and the browser's own favicon guess.
  buyer.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 400 && !(response.status() === 402 && path.endsWith('/pay/test-card')) && path !== '/favicon.ico') {
      errors.push(`${response.status()} ${path}`);
    }
  });
  const email = `acheteuse-${suffix()}@example.com`;
  await buyer.goto(`${urlOf('sales')}?utm_source=newsletter&utm_medium=email`);
  const form = buyer.locator('form.mk-co');
  await expect(form.getByText('Formation Offre Signature')).toBeVisible();
  await expect(form.getByText('Paiement de test')).toBeVisible();
  await form.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await form.getByRole('textbox', { name: 'Nom complet' }).fill('Anne Martin');
  await form.getByRole('checkbox', { name: /Oui, j’ajoute le cahier d’exercices imprimable/ }).check();
  await expect(form.getByRole('button', { name: /Payer 224,00\s€/ })).toBeVisible();
  // A declined card first: the buyer reads why, and nothing is paid.
  await form.getByRole('textbox', { name: 'Numéro de carte' }).fill('4000 0000 0000 0002');
  await form.getByRole('textbox', { name: 'Expiration (MM/AA)' }).fill('12/34');
  await form.getByRole('textbox', { name: 'Code de sécurité' }).fill('123');
  await form.getByRole('button', { name: /Payer/ }).click();
  await expect(form.getByRole('alert')).toHaveText('Votre carte a été refusée. Essayez une autre carte.');
  await form.getByRole('textbox', { name: 'Numéro de carte' }).fill('4242 4242 4242 4242');
  await form.getByRole('button', { name: /Payer 224,00\s€/ }).click();

  // The upsell: one click, no card typed again; its downsell is skipped.
  await expect(buyer).toHaveURL(urlOf('upsell'));
  await buyer.getByRole('link', { name: /Oui, j’ajoute le Pack Modèles Pro/ }).click();
  await expect(buyer).toHaveURL(urlOf('thank_you'));
  expect(errors).toEqual([]);
  await buyerContext.close();

  // The seller: the order with its three lines, the lead won, the revenue.
  await page.goto('/funnels?tab=orders');
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/271,00\s€/);
  await expect(row).toContainText('Payée');
  const lead = (await (await page.request.get(`/api/marketing/leads?search=${encodeURIComponent(email)}`)).json()) as {
    items: { id: string; status: string; tags: string[] }[];
  };
  expect(lead.items[0]?.status).toBe('won');
  await page.goto(`/crm/leads/${lead.items[0]!.id}`);
  await expect(page.getByText(/Commande n° 1001 payée : 224,00\s€/).first()).toBeVisible();
  await page.goto(`/funnels/${funnelId}?tab=stats`);
  await expect(
    page
      .getByRole('region', { name: 'Ventes' })
      .getByText(/^271(,00)?\s€$/)
      .first(),
  ).toBeVisible({ timeout: 15_000 });
});
