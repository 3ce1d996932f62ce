import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Julien Marchand');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`auto-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Studio Marchand');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Creates a lead through the API with the page's session (and its CSRF token). */
async function createLead(page: Page, lead: Record<string, unknown>) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.post('/api/marketing/leads', { data: lead, headers: { 'x-csrf-token': me.csrf_token, origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(201);
}

test('create an automation with a condition and two actions, watch it run, switch it off', async ({ page }) => {
  await signUp(page);
  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  await page.getByRole('tab', { name: 'Automatisations' }).click();
  await expect(page.getByText(/Aucune automatisation pour l'instant/)).toBeVisible();

  await page.getByRole('button', { name: 'Nouvelle automatisation' }).click();
  const editor = page.getByRole('dialog', { name: 'Nouvelle automatisation' });
  await editor.getByRole('textbox', { name: 'Nom' }).fill('Suivi des qualifiés');
  await expect(editor.getByRole('combobox', { name: 'Déclencheur' })).toHaveValue('Un lead est créé ou importé');

  // If the lead is qualified (the segments' rule builder; a new condition starts as "Statut est Nouveau").
  await editor.getByRole('switch', { name: 'Seulement pour les leads qui remplissent des conditions' }).click();
  await editor.getByRole('button', { name: '+ Condition' }).click();
  await expect(editor.getByRole('combobox', { name: 'Champ' })).toHaveValue('Statut');
  await editor.getByRole('combobox', { name: 'Valeur' }).click();
  await page.getByRole('option', { name: 'Qualifié' }).click();

  // Then: add a tag, add a note. "Send an email" and "Enroll in a sequence" can be chosen.
  const first = editor.getByRole('group', { name: 'Action 1' });
  await first.getByRole('combobox', { name: 'Action 1' }).click();
  await expect(page.getByRole('option', { name: 'Envoyer un e-mail', exact: true })).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('option', { name: 'Inscrire dans une séquence', exact: true })).not.toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('option', { name: 'Ajouter un tag', exact: true }).click();
  await first.getByRole('textbox', { name: 'Tag' }).fill('bienvenue');
  await editor.getByRole('button', { name: 'Ajouter une action' }).click();
  const second = editor.getByRole('group', { name: 'Action 2' });
  await second.getByRole('combobox', { name: 'Action 2' }).click();
  await page.getByRole('option', { name: 'Ajouter une note' }).click();
  await second.getByRole('textbox', { name: 'Texte de la note' }).fill('Lead qualifié : proposer un appel');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(editor).toBeHidden();

  const row = page.getByRole('group', { name: 'Suivi des qualifiés' });
  await expect(row).toContainText('Un lead est créé ou importé → 2 actions · avec conditions');
  await expect(row).toContainText('Pas encore exécutée');

  const stamp = Date.now().toString(36);
  await createLead(page, { first_name: 'Inès', email: `ines-${stamp}@example.com`, status: 'qualified' });
  await createLead(page, { first_name: 'Hugo', email: `hugo-${stamp}@example.com` });

  // The worker runs automations in the background: reopen the history until both runs are there.
  await expect(async () => {
    await row.getByRole('button', { name: 'Historique' }).click();
    const drawer = page.getByRole('dialog', { name: 'Historique : Suivi des qualifiés' });
    try {
      await expect(drawer.getByRole('button', { name: /Réussie Inès/ })).toBeVisible({ timeout: 1000 });
      await expect(drawer.getByRole('button', { name: /Ignorée Hugo/ })).toBeVisible({ timeout: 1000 });
    } catch (error) {
      await page.keyboard.press('Escape');
      throw error;
    }
  }).toPass({ timeout: 20_000 });
  const drawer = page.getByRole('dialog', { name: 'Historique : Suivi des qualifiés' });
  await drawer.getByRole('button', { name: /Ignorée Hugo/ }).click();
  await expect(drawer.getByText('Le lead ne remplit pas les conditions.')).toBeVisible();
  await drawer.getByRole('button', { name: /Réussie Inès/ }).click();
  await expect(drawer.getByText('Ajouter un tag')).toBeVisible();
  await expect(drawer.getByText('Ajouter une note')).toBeVisible();
  await page.keyboard.press('Escape');

  // Switched off from the keyboard (the track covers the input a mouse click would need); it turns off once the server agrees.
  await row.getByRole('switch', { name: 'Activer « Suivi des qualifiés »' }).focus();
  await page.keyboard.press('Space');
  await expect(row).toContainText('Désactivée');
  await page.reload();
  await page.getByRole('tab', { name: 'Automatisations' }).click();
  await expect(page.getByRole('group', { name: 'Suivi des qualifiés' })).toContainText('Désactivée');
});
