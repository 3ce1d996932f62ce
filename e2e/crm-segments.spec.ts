import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Sophie Laurent');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`seg-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Coaching Laurent');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Creates leads through the API with the page's session (and its CSRF token). */
async function createLeads(page: Page, leads: Record<string, unknown>[]) {
  const me = await (await page.request.get('/api/auth/me')).json();
  for (const lead of leads) {
    const res = await page.request.post('/api/marketing/leads', { data: lead, headers: { 'x-csrf-token': me.csrf_token, origin: new URL(page.url()).origin } });
    expect(res.status()).toBe(201);
  }
}

test('build a nested segment, see its live count, save it', async ({ page }) => {
  await signUp(page);
  const stamp = Date.now().toString(36);
  await createLeads(page, [
    { first_name: 'Amélie', email: `amelie-${stamp}@example.com`, status: 'qualified', estimated_value: 3000, tags: ['webinar'] },
    { first_name: 'Bastien', email: `bastien-${stamp}@example.com`, status: 'new', estimated_value: 500, tags: ['webinar'] },
    { first_name: 'Camille', email: `camille-${stamp}@example.com`, status: 'won', estimated_value: 9000 },
    { first_name: 'Damien', email: `damien-${stamp}@example.com`, status: 'lost' },
  ]);
  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  await page.getByRole('tab', { name: 'Segments' }).click();
  // The starting rule is "Statut est Nouveau".
  await expect(page.getByTestId('segment-count')).toHaveText('1 lead correspond');

  // Top level: OR. First branch: status is Qualified. Second branch (a group): tag webinar AND value < 1000.
  await page.getByText('Au moins une (OU)').first().click();
  const firstValue = page.getByTestId('segment-condition').first().getByRole('combobox', { name: 'Valeur' });
  await firstValue.click();
  await page.getByRole('option', { name: 'Qualifié' }).click();
  await expect(page.getByTestId('segment-count')).toHaveText('1 lead correspond');

  await page.getByRole('button', { name: '+ Groupe' }).first().click();
  const group = page.getByRole('group', { name: 'Groupe de conditions' }).nth(1);
  await group.getByRole('button', { name: '+ Condition' }).click();
  const tagRow = group.getByTestId('segment-condition').first();
  await tagRow.getByRole('combobox', { name: 'Champ' }).click();
  await page.getByRole('option', { name: 'Tags', exact: true }).click();
  await tagRow.getByRole('combobox', { name: 'Opérateur' }).click();
  await page.getByRole('option', { name: 'contient', exact: true }).click();
  await tagRow.getByRole('textbox', { name: 'Valeur' }).fill('webinar');
  await group.getByRole('button', { name: '+ Condition' }).click();
  const valueRow = group.getByTestId('segment-condition').nth(1);
  await valueRow.getByRole('combobox', { name: 'Champ' }).click();
  await page.getByRole('option', { name: 'Valeur estimée' }).click();
  await valueRow.getByRole('combobox', { name: 'Opérateur' }).click();
  await page.getByRole('option', { name: 'inférieur à', exact: true }).click();
  await valueRow.getByRole('textbox', { name: 'Valeur' }).fill('1000');

  // Amélie (qualified) OR Bastien (webinar, 500 €).
  await expect(page.getByTestId('segment-count')).toHaveText('2 leads correspondent');
  await expect(page.getByText('Amélie', { exact: true })).toBeVisible();
  await expect(page.getByText('Bastien', { exact: true })).toBeVisible();

  await page.getByRole('textbox', { name: 'Nom du segment' }).fill('Chauds ou petits webinars');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Segment enregistré.', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '+ Nouveau segment' }).click();
  await expect(page.getByTestId('segment-count')).toHaveText('1 lead correspond');
  await page.getByRole('button', { name: 'Chauds ou petits webinars' }).click();
  await expect(page.getByTestId('segment-count')).toHaveText('2 leads correspondent');
});
