import { expect, test, type Page } from '@playwright/test';

// E-mail marketing > Séquences through the real UI: build a sequence (an email, a wait of two days, a condition
// with an email in its "Non" branch), activate it, let a CRM automation enrol a new lead, then move the server's
// clock on (POST /api/test/clock, mounted because playwright.config.ts sets TEST_CLOCK) and watch the lead go
// through the steps: the first email in the outbox, the wait, then the branch's email.

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Nadia Lefèvre');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`seq-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Atelier Lefèvre');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

async function headers(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  return { 'x-csrf-token': me.csrf_token, origin: new URL(page.url()).origin };
}

/** Moves the server's sequence clock on and runs the steps that fall due. */
async function advance(page: Page, minutes: number) {
  const res = await page.request.post('/api/test/clock', { data: { advance_minutes: minutes }, headers: await headers(page) });
  expect(res.ok()).toBe(true);
}

type TOutboxMessage = { to_address: string; subject?: string };
async function outboxFor(page: Page, address: string): Promise<TOutboxMessage[]> {
  const outbox = (await (await page.request.get('/api/workspace/outbox')).json()) as { items: TOutboxMessage[] };
  return outbox.items.filter((m) => m.to_address === address);
}

/** "Modifier l'e-mail" on a step card: the campaign editor, only its content and sender; a subject (the sender: the workspace's default), saved, then back. */
// Picks a step kind in the "Ajouter une étape ici" menu, then waits for the menu to be gone: a menu still
// closing when the next one opens made two "Condition" items (a CI run failed on it).
async function pickStep(page: Page, kind: 'E-mail' | 'Attente' | 'Condition') {
  await page.getByRole('menu').getByRole('menuitem', { name: kind }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

async function writeEmail(page: Page, card: ReturnType<Page['getByRole']>, subject: string) {
  await card.getByRole('button', { name: 'Modifier l’e-mail' }).click();
  await expect(page.getByRole('link', { name: 'Retour à la séquence' })).toBeVisible();
  // A sequence's email has no recipients, schedule or send: the sequence sends it.
  await expect(page.getByRole('button', { name: 'Envoyer maintenant' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Destinataires' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Contenu de l’e-mail' })).toContainText('Votre titre');
  await page.getByRole('textbox', { name: 'Objet' }).fill(subject);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Campagne enregistrée.').first()).toBeVisible();
  await page.getByRole('link', { name: 'Retour à la séquence' }).click();
}

test('build a sequence, enrol a lead by an automation, move the clock on through its steps', async ({ page }) => {
  test.slow();
  await signUp(page);
  // The postal address is required before anything is sent (the legal footer).
  await page.goto('/settings/workspace');
  await page.getByRole('textbox', { name: 'Adresse postale' }).fill('8 place du Marché, 69002 Lyon');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect
    .poll(async () => ((await (await page.request.get('/api/workspace')).json()) as { postal_address: string }).postal_address)
    .toBe('8 place du Marché, 69002 Lyon');

  // The Séquences tab, empty; "+ Créer" there makes a sequence.
  await page.goto('/email-marketing');
  await page.getByRole('tab', { name: 'Séquences' }).click();
  await expect(page.getByText('Aucune séquence pour l’instant')).toBeVisible();
  await page.getByRole('button', { name: 'Créer', exact: true }).click();
  const create = page.getByRole('dialog', { name: 'Nouvelle séquence' });
  await create.getByRole('textbox', { name: 'Nom de la séquence' }).fill('Bienvenue');
  await create.getByRole('button', { name: 'Créer la séquence' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue', level: 1 })).toBeVisible();
  await expect(page.getByText('Brouillon')).toBeVisible();

  // Step 1: an email (created on the server first), written in the campaign editor.
  await page.getByRole('button', { name: 'Ajouter une étape ici' }).click();
  await pickStep(page, 'E-mail');
  const first = page.getByRole('group', { name: 'Étape 1 : E-mail' });
  await expect(first).toBeVisible();
  await writeEmail(page, first, 'Bienvenue {{ lead.first_name }}');
  await expect(first).toContainText('Objet : Bienvenue {{ lead.first_name }}');

  // Step 2: wait two days. Step 3: a condition on a click in the previous email, an email when there was none.
  await page.getByRole('button', { name: 'Ajouter une étape ici' }).last().click();
  await pickStep(page, 'Attente');
  const wait = page.getByRole('group', { name: 'Étape 2 : Attente' });
  await wait.getByRole('textbox', { name: 'Durée' }).fill('2');
  await page.getByRole('button', { name: 'Ajouter une étape ici' }).last().click();
  await pickStep(page, 'Condition');
  const condition = page.getByRole('group', { name: 'Étape 3 : Condition' });
  await condition.getByRole('combobox', { name: 'Le contact…' }).click();
  await page.getByRole('option', { name: 'a cliqué dans l’e-mail précédent' }).click();
  await condition.getByRole('group', { name: 'Non' }).getByRole('button', { name: 'Ajouter une étape ici' }).click();
  await pickStep(page, 'E-mail');
  const reminder = condition.getByRole('group', { name: 'Non' }).getByRole('group', { name: 'Étape 1 : E-mail' });
  await expect(reminder).toBeVisible();
  await writeEmail(page, reminder, 'Vous avez vu notre offre ?');
  await expect(page.getByRole('group', { name: 'Étape 2 : Attente' }).getByRole('textbox', { name: 'Durée' })).toHaveValue('2');

  // Activate.
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByText('Séquence activée', { exact: false })).toBeVisible();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();

  // A CRM automation enrols every new lead in it.
  await page.goto('/crm?tab=automations');
  await page.getByRole('button', { name: 'Nouvelle automatisation' }).click();
  const editor = page.getByRole('dialog', { name: 'Nouvelle automatisation' });
  await editor.getByRole('textbox', { name: 'Nom' }).fill('Bienvenue aux nouveaux');
  const action = editor.getByRole('group', { name: 'Action 1' });
  await action.getByRole('combobox', { name: 'Action 1' }).click();
  await page.getByRole('option', { name: 'Inscrire dans une séquence', exact: true }).click();
  await action.getByRole('combobox', { name: 'Séquence' }).click();
  await page.getByRole('option', { name: 'Bienvenue (Active)' }).click();
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(editor).toBeHidden();

  const email = `camille-${Date.now().toString(36)}@exemple.fr`;
  const created = await page.request.post('/api/marketing/leads', { data: { first_name: 'Camille', email }, headers: await headers(page) });
  expect(created.status()).toBe(201);

  // The automation runs in the background: the lead shows up in Inscriptions.
  await page.goto('/email-marketing?tab=sequences');
  await page.getByRole('article', { name: 'Bienvenue' }).getByRole('link', { name: 'Ouvrir' }).click();
  await page.getByRole('tab', { name: 'Inscriptions' }).click();
  const row = page.getByTestId('enrollment-row').filter({ hasText: email });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // A minute on: the first email goes (into the outbox: no SMTP here), the lead waits two days.
  await advance(page, 1);
  await expect.poll(async () => (await outboxFor(page, email)).length, { timeout: 15_000 }).toBe(1);
  await page.reload();
  await expect(row.getByTestId('enrollment-step')).toHaveText('Attente : 2 jours');
  await expect(row).toContainText('En cours');

  // Two days on: no click, so the "Non" branch's email goes, and the sequence ends for the lead.
  await advance(page, 2 * 24 * 60 + 1);
  await expect.poll(async () => (await outboxFor(page, email)).length, { timeout: 15_000 }).toBe(2);
  await page.reload();
  await expect(row).toContainText('Terminé');

  // The report counts both emails.
  await page.getByRole('tab', { name: 'Rapport' }).click();
  await expect(page.getByRole('heading', { name: 'Des inscrits aux conversions' })).toBeVisible();
  await expect(page.getByText('E-mails envoyés').locator('..')).toContainText('2');
});
