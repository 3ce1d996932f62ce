import { expect, test, type Page } from '@playwright/test';

// AI generation through the real UI with the built-in generator (no model configured in the journeys): a webinar
// funnel of 7 pages generated then published, an email generated then opened in its editor, ad creatives generated
// with their 3 visuals drawn.

const PASSWORD = 'correct horse battery';
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`ai-${suffix()}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Studio Parole');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('generate a webinar funnel with the built-in generator, then publish its 7 pages', async ({ page }) => {
  test.slow();
  await signUp(page);
  await page.goto('/funnels');
  await page.getByRole('button', { name: 'Générer avec IA' }).click();
  const dialog = page.getByRole('dialog', { name: 'Générer un tunnel' });
  await expect(dialog.getByTestId('ai-writer')).toHaveText('Générateur intégré, sans IA');

  await choose(page, dialog, 'Type', 'Webinar');
  await dialog.getByRole('textbox', { name: 'Prix de l’offre' }).fill('497');
  await dialog.getByRole('textbox', { name: 'Sujet' }).fill('Prendre la parole en public sans stress');
  await dialog.getByRole('textbox', { name: 'Public cible' }).fill('Cadres qui doivent présenter en réunion');
  await dialog.getByRole('button', { name: 'Générer' }).click();

  // The preview: 7 pages, each with its name, its type and a way to write it again.
  await expect(dialog.getByTestId('ai-funnel-page-count')).toHaveText('7 pages', { timeout: 60_000 });
  const pages = dialog.getByTestId('ai-funnel-page');
  await expect(pages).toHaveCount(7);
  await expect(pages.first()).toContainText('Opt-in');
  await expect(dialog.getByText(/lorem|\[Nom\]|XXX/i)).toHaveCount(0);
  // One page written again: the server answers with the new page, and the preview stays whole.
  const rewritten = page.waitForResponse((response) => response.url().includes('/regenerate') && response.request().method() === 'POST');
  await pages
    .nth(3)
    .getByRole('button', { name: /Régénérer cette page/ })
    .click();
  expect((await rewritten).status()).toBe(200);
  await expect(pages.nth(3).getByRole('button', { name: /Régénérer cette page/ })).toBeEnabled();
  await expect(pages).toHaveCount(7);

  await dialog.getByRole('button', { name: 'Ouvrir le tunnel' }).click();
  await expect(page).toHaveURL(/\/funnels\/[0-9a-f-]{36}$/);
  const funnelId = new URL(page.url()).pathname.split('/')[2]!;
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('button', { name: 'Dépublier' })).toBeVisible();

  const listed = (await (await page.request.get(`/api/marketing/funnels/${funnelId}/pages`)).json()) as {
    items: { is_published: boolean; public_url: string | null }[];
  };
  expect(listed.items).toHaveLength(7);
  expect(listed.items.every((item) => item.is_published && item.public_url)).toBe(true);
});

test('generate an email, see its subjects and segment, open it in the editor', async ({ page }) => {
  await signUp(page);
  await page.goto('/email-marketing');
  await page.getByRole('button', { name: 'Générer avec IA' }).click();
  const dialog = page.getByRole('dialog', { name: 'Générer un e-mail' });
  await choose(page, dialog, 'Type d’e-mail', 'Lancement de produit');
  await dialog.getByRole('textbox', { name: 'Sujet' }).fill('Ouverture de l’atelier Prise de parole');
  await dialog.getByRole('textbox', { name: 'Public cible' }).fill('Abonnés intéressés par la prise de parole');
  await dialog.getByRole('button', { name: 'Générer' }).click();

  await expect(dialog.getByTestId('ai-email-subject')).not.toBeEmpty({ timeout: 60_000 });
  await expect(dialog.getByText('Autres objets, prêts pour un test A/B')).toBeVisible();
  await expect(dialog.getByTestId('ai-email-segment')).toContainText(/\d+ contacts? aujourd’hui/);
  const subject = (await dialog.getByTestId('ai-email-subject').textContent())!;

  await dialog.getByRole('button', { name: 'Ouvrir dans l’éditeur' }).click();
  await expect(page).toHaveURL(/\/email-marketing\/campaigns\/[0-9a-f-]{36}\?step=content$/);
  await expect(page.getByRole('region', { name: 'Contenu de l’e-mail' })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/')[3]!;
  const campaign = (await (await page.request.get(`/api/marketing/email-campaigns/${id}`)).json()) as { subject: string; status: string };
  expect(campaign).toMatchObject({ subject, status: 'draft' });
});

test('generate ad creatives: 5 variants within limits and the 3 visuals drawn', async ({ page }) => {
  await signUp(page);
  await page.goto('/ads');
  await page.getByRole('button', { name: 'Générer créatifs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Générer des créatifs publicitaires' });
  await dialog.getByRole('textbox', { name: 'Produit ou offre' }).fill('Coaching prise de parole en 8 semaines');
  await dialog.getByRole('textbox', { name: 'Budget total' }).fill('1 500');
  await dialog.getByRole('button', { name: 'Générer' }).click();

  await expect(dialog.getByTestId('ai-ad-variant')).toHaveCount(5, { timeout: 60_000 });
  const visuals = dialog.getByTestId('ai-ad-visual');
  await expect(visuals).toHaveCount(3);
  for (const visual of await visuals.all()) {
    await expect(visual).toHaveJSProperty('complete', true);
    expect(await visual.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  }
  // No text over the platform's limit (an over-limit count is announced as such).
  await expect(dialog.getByLabel(/au-delà de la limite/)).toHaveCount(0);
  await expect(dialog.getByRole('table', { name: 'Plan de budget' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Ouvrir la campagne' }).click();
  await expect(page).toHaveURL(/\/ads\/[0-9a-f-]{36}$/);
  // The campaign's page shows the generation's creatives too.
  await expect(page.getByRole('heading', { name: 'Créatifs générés' })).toBeVisible();
  await expect(page.getByTestId('ai-ad-visual')).toHaveCount(3);
});
