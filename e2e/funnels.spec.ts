import { expect, test, type Page } from '@playwright/test';

// Tunnels de vente through the real UI: a funnel from a template, a headline changed in the page builder (GrapesJS),
// published; then a visitor, in another browser context on the public server, opts in with script payloads in the
// form and the UTM parameters; the lead is in the CRM, the funnel's numbers moved, and no payload ever ran in the
// admin app (a dialog would fail the test).

const PASSWORD = 'correct horse battery';
const XSS = `<img src=x onerror="alert('xss')"><script>alert('xss2')</script>`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Inès Moreau');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`funnel-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Studio Moreau');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

test('build a funnel from a template, edit it in the builder, publish, opt in as a visitor, see the lead and the numbers', async ({ page, browser }) => {
  test.slow();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signUp(page);

  await page.goto('/funnels?tab=templates');
  const template = page
    .getByRole('article')
    .filter({ hasText: 'Guide gratuit' })
    .filter({ hasText: /Lead magnet/i })
    .first();
  await template.getByRole('button', { name: 'Utiliser ce template' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Nom' }).fill('Guide des 7 leviers');
  await dialog.getByRole('button', { name: 'Créer le tunnel' }).click();
  await expect(page.getByRole('heading', { name: 'Guide des 7 leviers' })).toBeVisible();

  // The builder: the first page's headline, changed in the canvas, saved by the autosave.
  await page.getByRole('link', { name: 'Éditer la page' }).first().click();
  const canvas = page.frameLocator('iframe.gjs-frame');
  const headline = canvas.locator('h1').first();
  await expect(headline).toBeVisible({ timeout: 30_000 });
  await headline.dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Trouvez vos clients en 30 jours');
  await canvas.locator('body').click({ position: { x: 5, y: 5 } });
  await expect(page.getByText('Enregistré', { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByText('Enregistré', { exact: true })).toBeVisible();
  await page
    .getByRole('link', { name: /retour|Tunnels|Guide des 7 leviers/i })
    .first()
    .click();

  await expect(page.getByText('Publié', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  const funnelId = new URL(page.url()).pathname.split('/')[2]!;
  const funnel = (await (await page.request.get(`/api/marketing/funnels/${funnelId}`)).json()) as { public_url: string };
  expect(funnel.public_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

  // A visitor, in a browser context of their own (no admin cookie), on the public server.
  // A browser's own user agent: isbot counts "HeadlessChrome" as a robot, whose views are not counted.
  const visitorContext = await browser.newContext({
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  });
  const visitor = await visitorContext.newPage();
  visitor.on('dialog', (d) => {
    dialogs.push(`visitor: ${d.message()}`);
    void d.dismiss();
  });
  const email = `visiteur-${Date.now().toString(36)}@example.com`;
  await visitor.goto(`${funnel.public_url}?utm_source=${encodeURIComponent(XSS)}&utm_medium=cpc&utm_campaign=lancement`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Trouvez vos clients en 30 jours');
  await visitor.getByRole('textbox', { name: /prénom/i }).fill(XSS);
  await visitor.getByRole('textbox', { name: /e-mail/i }).fill(email);
  await visitor.getByRole('checkbox').check();
  await visitor
    .getByRole('button', { name: /je reçois le guide/i })
    .first()
    .click();
  await expect(visitor).toHaveURL(/\/merci$/);
  await visitorContext.close();

  // The lead in the CRM, its first name shown as text, its opt-in in the timeline.
  let leadId = '';
  await expect
    .poll(async () => {
      const found = (await (await page.request.get(`/api/marketing/leads?search=${encodeURIComponent(email)}`)).json()) as { items: { id: string }[] };
      leadId = found.items[0]?.id ?? '';
      return found.items.length;
    })
    .toBe(1);
  await page.goto(`/crm/leads/${leadId}`);
  await expect(page.getByText('Inscription via un tunnel').first()).toBeVisible();
  await expect(page.getByText(XSS).first()).toBeVisible();

  // The funnel's numbers, and the stats with the UTM values as text.
  await page.goto(`/funnels/${funnelId}?tab=stats`);
  await expect(page.getByText('lancement').first()).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(async () => (await (await page.request.get(`/api/marketing/funnels/${funnelId}/stats`)).json()) as { leads: number; unique_visitors: number })
    .toMatchObject({ leads: 1, unique_visitors: 1, steps: [{ unique_visitors: 1, conversions: 1 }, { unique_visitors: 1 }] });
  expect(dialogs).toEqual([]);
});
