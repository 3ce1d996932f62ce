import { expect, test, type Locator, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`crm-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Cabinet Conseil');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Drags with real mouse moves, as dnd-kit's pointer sensor needs. */
async function drag(page: Page, card: Locator, target: Locator) {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 15 });
  await page.mouse.up();
}

test('add a lead and move it across the pipeline, asking why when it is lost', async ({ page }) => {
  await signUp(page);
  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  await page.getByRole('button', { name: '+ Ajouter' }).click();
  await page.getByRole('textbox', { name: 'Prénom' }).fill('Élodie');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Garnier');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('elodie.garnier@example.com');
  await page.getByRole('textbox', { name: 'Valeur estimée' }).fill('1200');
  await page.getByRole('button', { name: 'Ajouter le lead' }).click();

  const card = page.getByRole('button', { name: 'Élodie Garnier' });
  await expect(page.getByTestId('column-new').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();
  await expect(page.getByText('Pipeline en cours').locator('..')).toContainText(/1\s200\s€/);

  await drag(page, card, page.getByTestId('column-qualified'));
  await expect(page.getByTestId('column-qualified').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('column-qualified').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();

  await drag(page, page.getByRole('button', { name: 'Élodie Garnier' }), page.getByTestId('column-lost'));
  await page.getByRole('textbox', { name: 'Raison de la perte' }).fill('Budget insuffisant');
  await page.getByRole('button', { name: 'Marquer comme perdu' }).click();
  await expect(page.getByTestId('column-lost').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();

  // A duplicate email is refused on its field.
  await page.getByRole('button', { name: '+ Ajouter' }).click();
  await page.getByRole('textbox', { name: 'E-mail' }).fill('ELODIE.GARNIER@example.com');
  await page.getByRole('button', { name: 'Ajouter le lead' }).click();
  await expect(page.getByText('Un lead avec cet e-mail existe déjà.')).toBeVisible();
});
