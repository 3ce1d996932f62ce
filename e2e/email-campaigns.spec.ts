import { expect, test, type Page } from '@playwright/test';

// E-mail marketing > Campagnes through the real UI: create a draft, see a template error in French, save,
// find it as a card, duplicate it, search, delete the copy. Sending is not built yet, and the page says so.

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`email-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Atelier Dubois');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

test('write a campaign draft, fix a template error, duplicate it, find it, delete the copy', async ({ page }) => {
  test.slow();
  await signUp(page);
  await page.getByRole('link', { name: 'E-mail marketing' }).click();
  await expect(page.getByRole('heading', { name: 'E-mail marketing', level: 1 })).toBeVisible();
  await expect(page.getByText('Vos campagnes apparaîtront ici', { exact: false })).toBeVisible();

  // "+ Créer": the name is required, said in French.
  await page.getByRole('button', { name: 'Créer', exact: true }).first().click();
  const create = page.getByRole('dialog', { name: 'Nouvelle campagne' });
  await create.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(create.getByText('Ce champ est obligatoire', { exact: false })).toBeVisible();
  await create.getByRole('textbox', { name: 'Nom de la campagne' }).fill('Newsletter Novembre');
  await create.getByRole('textbox', { name: 'Objet' }).fill('Bonjour {{ lead.first_name | default: "ami" }}');
  await create.getByRole('button', { name: 'Créer le brouillon' }).click();

  // Its own page: content, sender, recipients; the page says what is not built yet.
  await expect(page.getByRole('heading', { name: 'Newsletter Novembre', level: 1 })).toBeVisible();
  await expect(page.getByText('Brouillon enregistré')).toBeVisible();
  const html = page.getByRole('textbox', { name: 'Contenu HTML' });
  await html.fill('<p>Bonjour {{ lead.first_name </p>');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/Modèle de personnalisation invalide \(ligne 1, colonne \d+\)/)).toBeVisible();
  await html.fill('<p>Bonjour {{ lead.first_name }}</p>');
  await page.getByRole('textbox', { name: 'Adresse de l’expéditeur' }).fill('bonjour@atelier-dubois.fr');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Campagne enregistrée.')).toBeVisible();
  // Who it would reach now: a new workspace has no lead yet.
  await expect(page.getByTestId('campaign-recipients')).toContainText('0 destinataire aujourd’hui');

  // Back to the list: the card, its status, no rates before anything is delivered, no report yet.
  await page.getByRole('link', { name: 'Toutes les campagnes' }).click();
  const card = page.getByRole('article', { name: 'Newsletter Novembre' });
  await expect(card.getByText('Brouillon')).toBeVisible();
  await expect(card.getByText('— ouverture')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Rapport' })).toHaveAttribute('aria-disabled', 'true');

  // Duplicate: the copy opens with the same content.
  await card.getByRole('button', { name: 'Dupliquer' }).click();
  await expect(page.getByRole('heading', { name: 'Newsletter Novembre (copie)', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Contenu HTML' })).toHaveValue('<p>Bonjour {{ lead.first_name }}</p>');
  await page.getByRole('link', { name: 'Toutes les campagnes' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('copie');
  await expect(page.getByRole('article')).toHaveCount(1);

  // Delete the copy from its page.
  await page.getByRole('article', { name: 'Newsletter Novembre (copie)' }).getByRole('link', { name: 'Voir' }).click();
  await page.getByRole('button', { name: 'Supprimer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('Campagne « Newsletter Novembre (copie) » supprimée.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Newsletter Novembre' })).toBeVisible();
});
