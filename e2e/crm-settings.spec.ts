import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Nadia Roussel');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`score-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Conseil Roussel');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Calls the API with the page's session (and its CSRF token). */
async function apiCall(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrf_token, origin: new URL(page.url()).origin };
  const res = method === 'GET' ? await page.request.get(path) : await page.request.post(path, { data, headers });
  expect(res.ok()).toBe(true);
  return res.json();
}

test('set up lead scoring, round-robin and a custom field from the CRM settings tab', async ({ page }) => {
  await signUp(page);
  const lead = await apiCall(page, 'POST', '/api/marketing/leads', { first_name: 'Hugo', job_title: 'Directeur commercial', company: 'Studio Pixel' });
  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await expect(page.getByText('Aucune règle : tous les leads ont un score de 0.')).toBeVisible();

  // A fit rule: job title contains "directeur", +10.
  await page.getByRole('button', { name: '+ Règle de profil' }).click();
  const fit = page.getByRole('dialog', { name: 'Nouvelle règle de profil' });
  await fit.getByRole('textbox', { name: 'Nom' }).fill('Poste de direction');
  await fit.getByRole('textbox', { name: 'Valeur' }).fill('directeur');
  await fit.getByRole('textbox', { name: 'Points' }).fill('10');
  await fit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(fit).toBeHidden();
  const fitRow = page.getByTestId('scoring-rule').filter({ hasText: 'Poste de direction' });
  await expect(fitRow).toContainText('Poste contient « directeur »');
  await expect(fitRow).toContainText('+10');

  // An engagement rule: a meeting, +15.
  await page.getByRole('button', { name: "+ Règle d'engagement" }).click();
  const event = page.getByRole('dialog', { name: "Nouvelle règle d'engagement" });
  await event.getByRole('textbox', { name: 'Nom' }).fill('Rendez-vous');
  await event.getByRole('combobox', { name: "Type d'interaction" }).click();
  await page.getByRole('option', { name: 'Rendez-vous' }).click();
  await event.getByRole('textbox', { name: 'Points' }).fill('15');
  await event.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(event).toBeHidden();
  await expect(page.getByTestId('scoring-rule').filter({ hasText: 'Interaction enregistrée (Rendez-vous)' })).toContainText('+15');

  // The background recalculation gives the existing lead its fit points.
  await expect.poll(async () => (await apiCall(page, 'GET', `/api/marketing/leads/${lead.id}`)).score, { timeout: 20_000 }).toBe(10);

  // Half-life.
  await page.getByRole('textbox', { name: "Demi-vie des points d'engagement" }).fill('14');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByText(/tous les 14 jours/)).toBeVisible();

  // Round-robin with the one member of the workspace.
  await page.getByRole('switch', { name: 'Attribuer les nouveaux leads à tour de rôle' }).check({ force: true });
  await page.getByRole('combobox', { name: 'Membres de la rotation' }).click();
  await page.getByRole('option', { name: /Nadia Roussel/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Attribution automatique (round-robin)' }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Paramètres enregistrés.').first()).toBeVisible();
  const created = await apiCall(page, 'POST', '/api/marketing/leads', { first_name: 'Léa' });
  const me = await apiCall(page, 'GET', '/api/auth/me');
  expect(created.owner_id).toBe(me.user.id);

  // A custom field.
  await page.getByRole('button', { name: '+ Champ' }).click();
  const field = page.getByRole('dialog', { name: 'Nouveau champ' });
  await field.getByRole('textbox', { name: 'Libellé' }).fill('Budget');
  await field.getByRole('textbox', { name: 'Clé' }).fill('budget');
  await field.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Nombre' }).click();
  await field.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(field).toBeHidden();
  await expect(page.getByRole('table', { name: 'Champs personnalisés' })).toContainText('budget');
});
