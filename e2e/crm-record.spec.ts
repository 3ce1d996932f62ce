import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`record-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Agence Dubois');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

async function csrf(page: Page) {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string }).csrf_token;
}

async function createLead(page: Page, lead: object): Promise<string> {
  const res = await page.request.post('/api/marketing/leads', { data: lead, headers: { 'x-csrf-token': await csrf(page) } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function leadOf(page: Page, id: string) {
  return (await (await page.request.get(`/api/marketing/leads/${id}`)).json()) as Record<string, unknown>;
}

test('record: inline edit saves one field with undo, the French amount "12 500,50" is stored as 12500.5, Esc never drops an edit', async ({ page }) => {
  // A long journey (a dozen saves and dialogs): three times the default time on a busy machine.
  test.slow();
  await signUp(page);
  const id = await createLead(page, { first_name: 'Alice', last_name: 'Martin', company: 'Acme', email: 'alice@acme.example', phone: '06 12 34 56 78' });
  await page.goto(`/crm?tab=contacts&lead=${id}`);
  const record = page.getByRole('dialog', { name: /Fiche lead/ });
  await expect(record.getByRole('heading', { name: 'Alice Martin' })).toBeVisible();
  // The header's actions call and write with the phone's and the mail client's own links.
  await expect(record.getByRole('link', { name: 'Appeler' })).toHaveAttribute('href', 'tel:0612345678');
  await expect(record.getByRole('link', { name: 'E-mail', exact: true })).toHaveAttribute('href', 'mailto:alice@acme.example');
  // Fields are read-only until their pencil is pressed.
  await expect(record.getByRole('textbox', { name: 'Entreprise' })).toHaveCount(0);

  // Inline edit of one field: Enter saves it alone, the toast's "Annuler" puts it back.
  await record.getByRole('button', { name: 'Modifier Entreprise' }).click();
  await record.getByRole('textbox', { name: 'Entreprise' }).fill('Globex');
  await record.getByRole('textbox', { name: 'Entreprise' }).press('Enter');
  await expect(record.getByRole('textbox', { name: 'Entreprise' })).toHaveCount(0);
  await expect(record.locator('[data-field="company"]')).toContainText('Globex');
  expect((await leadOf(page, id)).company).toBe('Globex');
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(record.locator('[data-field="company"]')).toContainText('Acme');
  await expect.poll(async () => (await leadOf(page, id)).company).toBe('Acme');

  // The French amount, typed the French way, is stored as a number with its cents.
  await record.getByRole('button', { name: 'Modifier Valeur estimée' }).click();
  await record.getByRole('textbox', { name: 'Valeur estimée' }).fill('12 500,50');
  await record.getByRole('button', { name: 'Enregistrer Valeur estimée' }).click();
  await expect.poll(async () => (await leadOf(page, id)).estimated_value).toBe(12500.5);
  await expect(record.getByTestId('record-value')).toHaveText(/12\s500,50\s€/);

  // A server refusal shows in place, under the field.
  await record.getByRole('button', { name: 'Modifier E-mail' }).click();
  await record.getByRole('textbox', { name: 'E-mail' }).fill('pas-un-email');
  await record.getByRole('textbox', { name: 'E-mail' }).press('Enter');
  // Wait for the refusal itself (the label also says "E-mail"): Esc pressed while the save is in flight would race it.
  await expect(record.getByRole('textbox', { name: 'E-mail' })).toHaveAttribute('aria-invalid', 'true');
  await expect(record.locator('[data-field="email"]').getByText(/valide/)).toBeVisible();
  await expect(record.getByRole('textbox', { name: 'E-mail' })).toHaveValue('pas-un-email');

  // Esc with a changed field asks instead of dropping it; the record stays open.
  await page.keyboard.press('Escape');
  await expect(record.getByText('Modification non enregistrée.')).toBeVisible();
  await expect(record).toBeVisible();
  await record.getByRole('button', { name: 'Abandonner les modifications' }).click();
  await expect(record.locator('[data-field="email"]')).toContainText('alice@acme.example');

  // A note being typed: closing the record asks first.
  await record.getByRole('textbox', { name: 'Objet' }).fill('Rappeler jeudi');
  await page.keyboard.press('Escape');
  const leave = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Annuler' }).click();
  await expect(record.getByRole('textbox', { name: 'Objet' })).toHaveValue('Rappeler jeudi');

  // Moving the stage from the header.
  await record.getByRole('button', { name: "Changer d'étape" }).click();
  await page.getByRole('menuitem', { name: 'Qualifié' }).click();
  await expect(record.getByTestId('record-status')).toHaveText('Qualifié');
  expect((await leadOf(page, id)).status).toBe('qualified');

  // The same record as a page of its own (the phone's view, a link to share).
  await page.goto(`/crm/leads/${id}`);
  await expect(page.getByRole('heading', { name: 'Alice Martin' })).toBeVisible();
  await expect(page.locator('[data-field="estimated_value"]')).toContainText(/12\s500,50\s€/);
});

test('"+ Ajouter" refuses an empty lead in French, then creates one and opens its record from the toast', async ({ page }) => {
  await signUp(page);
  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  await page.getByRole('button', { name: '+ Ajouter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter un lead' });
  await dialog.getByRole('button', { name: 'Ajouter le lead' }).click();
  await expect(dialog.getByText('Indiquez au moins un prénom, un nom, une entreprise ou un e-mail.').first()).toBeVisible();
  const leads = (await (await page.request.get('/api/marketing/leads')).json()) as { items: unknown[] };
  expect(leads.items).toHaveLength(0);

  await dialog.getByRole('textbox', { name: 'Prénom' }).fill('Jeanne');
  await dialog.getByRole('textbox', { name: 'Valeur estimée' }).fill('12 500,50');
  await dialog.getByRole('button', { name: 'Ajouter le lead' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Ouvrir la fiche' }).click();
  const record = page.getByRole('dialog', { name: /Fiche lead/ });
  await expect(record.getByRole('heading', { name: 'Jeanne' })).toBeVisible();
  const [lead] = ((await (await page.request.get('/api/marketing/leads')).json()) as { items: { estimated_value: number }[] }).items;
  expect(lead!.estimated_value).toBe(12500.5);
});

test('/crm loads with fewer than 20 requests and shows the page without a blank screen', async ({ page }) => {
  await signUp(page);
  // Let the page sign-up landed on finish, so none of its requests is counted for /crm.
  await page.waitForLoadState('networkidle');
  // A cold load of /crm: count every request the page makes until the network is idle.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/crm', { waitUntil: 'networkidle' });
  await expect(page.getByRole('tab', { name: 'Pipeline' })).toBeVisible();
  console.log(`/crm requests: ${requests.length}\n${requests.map((url) => url.replace(/^https?:\/\/[^/]+/, '')).join('\n')}`);
  expect(requests.length).toBeLessThan(20);
  // The seven columns' first pages come from one board request, not one list request each.
  expect(requests.filter((url) => url.includes('/api/marketing/leads/board'))).toHaveLength(1);
  expect(requests.filter((url) => url.includes('/api/marketing/leads?'))).toHaveLength(0);
});

test('phone (390 px): header actions in a menu, the name column stays pinned, import mapping selects fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page);
  await createLead(page, { first_name: 'Alice', last_name: 'Martin', company: 'Acme', email: 'alice@acme.example' });
  await page.goto('/crm?tab=contacts');
  // Import and export live in the "Plus d'actions" menu; the tabs scroll instead of wrapping.
  await expect(page.getByRole('button', { name: 'Importer' })).toHaveCount(0);
  const tabs = page.getByRole('tablist').first();
  expect((await tabs.boundingBox())!.height).toBeLessThan(60);

  // Scrolled sideways, the table keeps the lead's name at the left edge.
  const table = page.getByRole('table', { name: 'Liste des leads' });
  const name = table.getByRole('button', { name: 'Ouvrir la fiche de Alice Martin' });
  const before = (await name.boundingBox())!;
  await table.locator('xpath=..').evaluate((scroller) => scroller.scrollBy({ left: 600 }));
  await page.waitForTimeout(200);
  const after = (await name.boundingBox())!;
  expect(after.x).toBeCloseTo(before.x, 0);
  expect(after.x).toBeGreaterThanOrEqual(0);

  // The import wizard's mapping selects are inside the screen.
  await page.getByRole('button', { name: /Plus d.actions/ }).click();
  await page.getByRole('menuitem', { name: 'Importer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importer des leads depuis un fichier CSV' });
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'c.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Prénom;Nom de famille;Adresse e-mail;Montant estimé\nAnne;Petit;anne@exemple.fr;1 200,50\n'),
  });
  const select = dialog.getByRole('combobox', { name: 'Champ pour la colonne « Montant estimé »' });
  await expect(select).toHaveValue('Valeur estimée');
  const box = (await select.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});
