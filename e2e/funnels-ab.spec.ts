import { expect, test, type Page } from '@playwright/test';

// A page A/B test through the real UI: a variant B created from the step's "Test A/B", its headline changed in the
// builder (?variant=), the test started; visitors (other browser contexts on the public server) each stick to one
// variant; the winner applied with its confirmation; the panel usable on a 390 px phone.

const PASSWORD = 'correct horse battery';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const OPTIN_HTML = `<section><h1>Titre A</h1><form data-mk="optin-form"><label>E-mail <input name="email" type="email" required></label>
<button type="submit">Je m'inscris</button></form></section>`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Inès Moreau');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`funnel-ab-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Studio Moreau');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  const res = await page.request.post(path, { data, headers: { 'x-csrf-token': me.csrf_token, origin: new URL(page.url()).origin } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

test('create a variant, edit it in the builder, start the test, visitors stick to one, apply the winner', async ({ page, browser }) => {
  test.slow();
  await signUp(page);
  const funnel = await apiPost<{ id: string; slug: string }>(page, '/api/marketing/funnels', { name: 'Tunnel testé', funnel_type: 'lead_magnet' });
  await apiPost(page, `/api/marketing/funnels/${funnel.id}/pages`, { name: 'Inscription', page_type: 'optin', html_content: OPTIN_HTML });
  await apiPost(page, `/api/marketing/funnels/${funnel.id}/pages`, { name: 'Merci', page_type: 'thank_you', html_content: '<h1>Merci</h1>' });
  const published = await apiPost<{ public_url: string }>(page, `/api/marketing/funnels/${funnel.id}/publish`, {});

  await page.goto(`/funnels/${funnel.id}`);
  const step = page.getByRole('group', { name: /Inscription/ });
  await step.getByRole('button', { name: 'Test A/B' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Aucun test A/B sur cette page.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Créer une variante B' }).click();
  await expect(dialog.getByTestId('ab-variant-B')).toBeVisible();
  await expect(dialog.getByTestId('ab-variant-A')).toContainText('La page elle-même');

  // B's headline, changed in the builder opened on the variant.
  await dialog.getByTestId('ab-variant-B').getByRole('link', { name: 'Modifier dans l’éditeur' }).click();
  await expect(page).toHaveURL(/\/edit\?variant=/);
  const canvas = page.frameLocator('iframe.gjs-frame');
  const headline = canvas.locator('h1').first();
  await expect(headline).toHaveText('Titre A', { timeout: 30_000 });
  await headline.dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Titre B');
  await canvas.locator('body').click({ position: { x: 5, y: 5 } });
  await expect(page.getByText('Enregistré', { exact: true })).toBeVisible({ timeout: 20_000 });
  // The page itself is unchanged.
  const pageRow = (await (await page.request.get(`/api/marketing/funnels/${funnel.id}/pages`)).json()) as { items: { id: string; name: string }[] };
  const pageId = pageRow.items.find((p) => p.name === 'Inscription')!.id;
  const own = (await (await page.request.get(`/api/marketing/funnels/${funnel.id}/pages/${pageId}`)).json()) as { html_content: string };
  expect(own.html_content).toContain('Titre A');

  await page.goto(`/funnels/${funnel.id}`);
  await page
    .getByRole('group', { name: /Inscription/ })
    .getByRole('button', { name: 'Test A/B' })
    .click();
  await dialog.getByRole('button', { name: 'Lancer le test' }).click();
  await expect(dialog.getByText('En cours', { exact: true })).toBeVisible();

  // Visitors: each browser sticks to its variant; several browsers see both.
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const context = await browser.newContext({ userAgent: `${BROWSER} visitor/${i}` });
    const visitor = await context.newPage();
    await visitor.goto(published.public_url);
    const first = await visitor.getByRole('heading', { level: 1 }).textContent();
    await visitor.reload();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(first!);
    seen.add(first!);
    await context.close();
  }
  expect([...seen].sort()).toEqual(['Titre A', 'Titre B']);

  // The results table and the winner applied, with its confirmation.
  await page.reload();
  await page
    .getByRole('group', { name: /Inscription/ })
    .getByRole('button', { name: 'Test A/B' })
    .click();
  await expect(dialog.getByText('Pas encore assez de données', { exact: false })).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: 'test-results/3420/funnels-ab-desktop.png' });
  await dialog.getByRole('button', { name: 'Appliquer B' }).click();
  const confirm = page.getByRole('dialog', { name: /Appliquer B/ });
  await confirm.getByRole('button', { name: 'Appliquer', exact: true }).click();
  await expect(dialog.getByText(/Appliquée à la main/)).toBeVisible();
  await expect(dialog.getByText('Terminé', { exact: true })).toBeVisible();

  const context = await browser.newContext({ userAgent: `${BROWSER} after` });
  const after = await context.newPage();
  await after.goto(published.public_url);
  await expect(after.getByRole('heading', { level: 1 })).toHaveText('Titre B');
  await context.close();

  // On a phone: the panel fits 390 px (no sideways scrolling), the numbers as cards.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page
    .getByRole('group', { name: /Inscription/ })
    .getByRole('button', { name: 'Test A/B' })
    .click();
  await expect(dialog.getByRole('list', { name: 'Résultats' })).toBeVisible();
  const overflow = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: 'test-results/3420/funnels-ab-phone.png', fullPage: false });
});
