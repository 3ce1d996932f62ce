import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Paul Mercier');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`proba-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Menuiserie Mercier');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

async function addLead(page: Page, data: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrf_token, origin: new URL(page.url()).origin };
  const res = await page.request.post('/api/marketing/leads', { data, headers });
  expect(res.ok()).toBe(true);
}

/** The value under a KPI label of the CRM strip. */
const kpi = (page: Page, label: string) => page.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');

test('win probabilities per stage: shown in CRM > Paramètres, edited in French, and the weighted pipeline follows', async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page);
  await addLead(page, { first_name: 'Inès', status: 'proposal', estimated_value: 4000 });
  await addLead(page, { first_name: 'Marc', status: 'new', estimated_value: 1000 });

  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  // Default probabilities: 4 000 × 60 % + 1 000 × 10 %.
  await expect(kpi(page, 'Pipeline pondéré')).toHaveText(/^2\s500\s€$/);

  await page.getByRole('tab', { name: 'Paramètres' }).click();
  const section = page.getByRole('region', { name: 'Probabilités de gain par étape' });
  await expect(section.getByRole('textbox', { name: 'Proposition (%)' })).toHaveValue('60');
  await expect(section.getByRole('textbox', { name: 'Négociation (%)' })).toHaveValue('80');
  await expect(section.getByText('Gagné : 100 %, Perdu : 0 % (fixes)')).toBeVisible();
  const save = section.getByRole('button', { name: 'Enregistrer' });
  await expect(save).toBeDisabled();

  // Out of range: said on the field in French, nothing sent.
  await section.getByRole('textbox', { name: 'Proposition (%)' }).fill('120');
  await expect(section.getByText('Saisissez un nombre inférieur ou égal à 100.')).toBeVisible();
  await section.getByRole('textbox', { name: 'Proposition (%)' }).fill('75');
  await section.getByRole('textbox', { name: 'Nouveau (%)' }).fill('0');
  await save.click();
  await expect(page.getByText('Paramètres enregistrés.').first()).toBeVisible();
  await expect(save).toBeDisabled();

  // Back on the board: 4 000 × 75 % + 1 000 × 0 %.
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(kpi(page, 'Pipeline pondéré')).toHaveText(/^3\s000\s€$/);

  // A reload reads them from the server; "Valeurs par défaut" puts the product's values back.
  await page.goto('/crm?tab=settings');
  const reloaded = page.getByRole('region', { name: 'Probabilités de gain par étape' });
  await expect(reloaded.getByRole('textbox', { name: 'Proposition (%)' })).toHaveValue('75');
  await reloaded.getByRole('button', { name: 'Valeurs par défaut' }).click();
  await expect(reloaded.getByRole('textbox', { name: 'Proposition (%)' })).toHaveValue('60');
  await reloaded.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(reloaded.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
  const settings = await (await page.request.get('/api/marketing/crm-settings')).json();
  expect(settings.stage_probabilities).toEqual({ new: 10, contacted: 20, qualified: 40, proposal: 60, negotiation: 80, won: 100, lost: 0 });
});
