import { expect, test, type Page } from '@playwright/test';

// The Produits tab of /funnels through the real UI: a product with a monthly price, a yearly price made the
// default, the product archived.

const PASSWORD = 'correct horse battery';
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`products-${suffix()}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Studio Produits');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

test('create a product with a monthly price, add a yearly price made default, archive the product', async ({ page }) => {
  await signUp(page);
  await page.goto('/funnels');
  await page.getByRole('tab', { name: 'Produits' }).click();
  await expect(page).toHaveURL(/tab=products/);
  await expect(page.getByText('Un produit est ce que vos tunnels vendent', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Nouveau produit' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau produit' });
  // The form says what is missing in French.
  await dialog.getByRole('button', { name: 'Créer le produit' }).click();
  await expect(dialog.getByText('Indiquez un montant supérieur à 0.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Nom' }).fill('Coaching de groupe');
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Un appel collectif par semaine');
  await dialog.getByText('Mensuel', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Montant' }).fill('29');
  await dialog.getByRole('button', { name: 'Créer le produit' }).click();

  // The new product opens in its drawer.
  const drawer = page.getByRole('dialog', { name: 'Coaching de groupe' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('Le montant d’un prix ne change jamais', { exact: false })).toBeVisible();
  const prices = drawer.getByTestId('product-price');
  await expect(prices).toHaveCount(1);
  await expect(prices.first()).toContainText(/29,00\s€\/mois/);
  await expect(prices.first()).toContainText('Par défaut');

  // A yearly price, in French number format, then made the default.
  const addForm = drawer.getByRole('form', { name: 'Ajouter un prix' });
  await addForm.getByText('Annuel', { exact: true }).click();
  await addForm.getByRole('textbox', { name: 'Montant' }).fill('290,00');
  await addForm.getByRole('textbox', { name: 'Libellé (facultatif)' }).fill('Offre annuelle');
  await addForm.getByRole('button', { name: 'Ajouter' }).click();
  await expect(page.getByText('Prix ajouté.')).toBeVisible();
  await expect(prices).toHaveCount(2);
  const yearly = prices.filter({ hasText: /290,00\s€\/an/ });
  await expect(yearly).toContainText('Offre annuelle');
  await yearly.getByRole('button', { name: /^Définir par défaut/ }).click();
  await expect(yearly).toContainText('Par défaut');
  await expect(prices.filter({ hasText: /29,00\s€\/mois/ })).not.toContainText('Par défaut');

  await drawer.getByRole('button', { name: 'Archiver le produit' }).click();
  await expect(drawer.getByText('Ce produit est archivé', { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // The list shows the default price, the other one, and the status.
  const row = page.getByTestId('product-row').filter({ hasText: 'Coaching de groupe' });
  await expect(row.getByTestId('product-default-price')).toHaveText(/^290,00\s€\/an$/);
  await expect(row).toContainText('+ 1 autre prix');
  await expect(row).toContainText('Archivé');
  await expect(row).toContainText('TTC · 20 %');
  // The filter's radios are drawn by their labels.
  await page.getByText('Actifs', { exact: true }).click();
  await expect(page.getByText('Aucun produit ne correspond à ces filtres.')).toBeVisible();
  await page.getByText('Archivés', { exact: true }).click();
  await expect(row).toBeVisible();
});
