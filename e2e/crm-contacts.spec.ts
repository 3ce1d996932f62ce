import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`contacts-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Agence Dubois');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Creates leads through the API with the browser's session (and its CSRF token). */
async function createLeads(page: Page, leads: object[]) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  for (const lead of leads) {
    const res = await page.request.post('/api/marketing/leads', { data: lead, headers: { 'x-csrf-token': me.csrf_token } });
    expect(res.status()).toBe(201);
  }
}

test('contacts: filter, bulk-tag two leads, log a call from the lead drawer, move a card with the keyboard', async ({ page }) => {
  await signUp(page);
  await createLeads(page, [
    { first_name: 'Alice', last_name: 'Martin', company: 'Acme', email: 'alice@acme.example' },
    { first_name: 'Bruno', last_name: 'Petit', company: 'Acme', status: 'qualified' },
    { first_name: 'Chloé', last_name: 'Durand', company: 'Globex' },
  ]);

  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  await page.getByRole('tab', { name: 'Contacts' }).click();
  await expect(page).toHaveURL(/\/crm\?tab=contacts/);
  const table = page.getByRole('table', { name: 'Liste des leads' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('3 leads', { exact: true })).toBeVisible();

  // Search narrows the table to the two Acme leads.
  await page.getByRole('textbox', { name: 'Rechercher (nom, e-mail, entreprise)' }).fill('acme');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('2 leads', { exact: true })).toBeVisible();

  // Select both and add a tag to them in one go.
  await page.getByRole('checkbox', { name: 'Sélectionner Alice Martin' }).check();
  await page.getByRole('checkbox', { name: 'Sélectionner Bruno Petit' }).check();
  const bar = page.getByRole('region', { name: 'Actions groupées' });
  await expect(bar).toContainText('2 sélectionnés');
  await bar.getByRole('button', { name: 'Ajouter un tag' }).click();
  await page.getByRole('textbox', { name: 'Tag' }).fill('salon-2026');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page.getByText('2 leads modifiés.')).toBeVisible();
  await expect(table.getByText('salon-2026')).toHaveCount(2);

  // The tag filter (a segment rule sent as `rules`) finds them again without the search.
  await page.getByRole('textbox', { name: 'Rechercher (nom, e-mail, entreprise)' }).fill('');
  await page.getByRole('button', { name: 'Filtres' }).click();
  await page.getByRole('textbox', { name: 'Tag', exact: true }).fill('salon-2026');
  await page.keyboard.press('Escape');
  await expect(page.getByText('2 leads', { exact: true })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);

  // Saved as a view, cleared, then picked again.
  await page.getByRole('button', { name: 'Vues' }).click();
  await page.getByRole('button', { name: 'Enregistrer la vue actuelle…' }).click();
  await page.getByRole('textbox', { name: 'Nom de la vue' }).fill('Salon 2026');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Vue « Salon 2026 » enregistrée.')).toBeVisible();
  await page.getByRole('button', { name: 'Filtres' }).click();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('3 leads', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Vues' }).click();
  await page.getByRole('button', { name: 'Salon 2026', exact: true }).click();
  await expect(page.getByText('2 leads', { exact: true })).toBeVisible();

  // Open Alice's lead, log a call and see it on the timeline with the bulk tag event.
  await table.getByRole('button', { name: 'Ouvrir la fiche de Alice Martin' }).click();
  const drawer = page.getByRole('dialog', { name: 'Fiche lead' });
  await expect(drawer.locator('[data-field="email"]')).toContainText('alice@acme.example');
  await expect(page).toHaveURL(/lead=/);
  await drawer.getByRole('radio', { name: 'Appel' }).check({ force: true });
  await drawer.getByRole('textbox', { name: 'Objet' }).fill('Appel de découverte');
  await drawer.getByRole('textbox', { name: 'Contenu' }).fill('Intéressée par la formule annuelle.');
  await drawer.getByRole('button', { name: "Enregistrer l'interaction" }).click();
  const timeline = drawer.getByRole('region', { name: 'Chronologie' });
  await expect(timeline.getByText('Appel · Appel de découverte')).toBeVisible();
  await expect(timeline.getByText('Intéressée par la formule annuelle.')).toBeVisible();
  await expect(timeline.getByText('Tag ajouté : salon-2026')).toBeVisible();
  await expect(timeline.getByText('Lead créé')).toBeVisible();
  await drawer.getByRole('button', { name: 'Fermer' }).click();
  await expect(drawer).toBeHidden();

  // The Interactions tab lists the call with a link back to the lead.
  await page.getByRole('tab', { name: 'Interactions' }).click();
  await expect(page.getByRole('list', { name: "Interactions de l'espace de travail" })).toContainText('Appel de découverte');
  await page.getByRole('button', { name: 'Ouvrir la fiche de Alice Martin' }).click();
  await expect(page.getByRole('dialog', { name: 'Fiche lead' }).locator('[data-field="first_name"]')).toContainText('Alice');
  await page.getByRole('dialog', { name: 'Fiche lead' }).getByRole('button', { name: 'Fermer' }).click();

  // Pipeline: move Chloé from "Nouveau" to "Contacté" with the keyboard only (dnd-kit keyboard sensor).
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const card = page.getByTestId('column-new').getByRole('button', { name: 'Chloé Durand' });
  await expect(card).toBeVisible();
  const from = (await card.boundingBox())!;
  const to = (await page.getByTestId('column-contacted').boundingBox())!;
  await card.focus();
  await page.keyboard.press('Space');
  // The keyboard sensor moves the card 25 px per arrow press.
  const presses = Math.ceil((to.x + to.width / 2 - (from.x + from.width / 2)) / 25);
  for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('column-contacted').getByRole('button', { name: 'Chloé Durand' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('column-contacted').getByRole('button', { name: 'Chloé Durand' })).toBeVisible();

  // Enter on a card opens its lead (Space stays the drag key).
  await page.getByTestId('column-contacted').getByRole('button', { name: 'Chloé Durand' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Fiche lead' }).getByText('Statut : Nouveau → Contacté')).toBeVisible();
});
