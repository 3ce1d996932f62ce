import { expect, test, type Page } from '@playwright/test';

// Settings > Webhooks and Settings > Domaines through the real UI, as the admin who created the workspace.

const PASSWORD = 'correct horse battery';
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`integrations-${suffix()}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Studio Intégrations');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

test('add a webhook on two event types, see it with its secret, edit it, delete it', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Webhooks' }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(page.getByText('Vos webhooks apparaîtront ici', { exact: false })).toBeVisible();

  // The form says what is missing in French, not with the browser's bubbles.
  await page.getByRole('button', { name: 'Créer le webhook' }).click();
  await expect(page.getByText('Choisissez au moins un événement.')).toBeVisible();

  const url = `https://hooks.example.com/e2e/${suffix()}`;
  await page.getByRole('textbox', { name: 'Adresse (URL)' }).fill(url);
  await page.getByRole('combobox', { name: 'Événements', exact: true }).click();
  await page.getByRole('option', { name: 'Création', exact: true }).click();
  await page.getByRole('option', { name: 'Tag ajouté', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Description' }).fill('Synchronisation Zapier');
  await page.getByRole('button', { name: 'Créer le webhook' }).click();

  // The signing secret, shown this once.
  const secretDialog = page.getByRole('dialog', { name: 'Secret de signature du webhook' });
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog.getByTestId('webhook-secret')).toHaveText(/^whsec_\S+$/);
  await secretDialog.getByRole('button', { name: /J’ai copié le secret/ }).click();
  await expect(secretDialog).toHaveCount(0);

  const row = page.getByRole('row').filter({ hasText: url });
  await expect(row).toBeVisible();
  await expect(row.getByText('Création', { exact: true })).toBeVisible();
  await expect(row.getByText('Tag ajouté', { exact: true })).toBeVisible();
  await expect(row.getByText('Synchronisation Zapier')).toBeVisible();
  await expect(row.getByRole('switch')).toBeChecked();

  // Edited in place: another event and description; the secret stays (no secret dialog).
  await row.getByRole('button', { name: 'Modifier' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier le webhook' });
  await expect(edit.getByRole('textbox', { name: 'Adresse (URL)' })).toHaveValue(url);
  await edit.getByRole('combobox', { name: 'Événements', exact: true }).click();
  await page.getByRole('option', { name: 'Tag ajouté', exact: true }).click();
  await page.keyboard.press('Escape');
  await edit.getByRole('textbox', { name: 'Description' }).fill('Synchronisation Make');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Webhook enregistré.')).toBeVisible();
  await expect(edit).toHaveCount(0);
  await expect(row.getByText('Synchronisation Make')).toBeVisible();
  await expect(row.getByText('Tag ajouté', { exact: true })).toHaveCount(0);
  await expect(row.getByText('Création', { exact: true })).toBeVisible();

  // Its log is empty until something is sent.
  await row.getByRole('button', { name: 'Journal' }).click();
  const log = page.getByRole('dialog', { name: /Journal des appels/ });
  await expect(log.getByText('Les appels de ce webhook apparaîtront ici', { exact: false })).toBeVisible();
  await log.getByRole('button', { name: 'Fermer' }).click();
  await expect(log).toHaveCount(0);

  await row.getByRole('button', { name: 'Supprimer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('Webhook supprimé.')).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('Vos webhooks apparaîtront ici', { exact: false })).toBeVisible();
});

test('a call refused by the address guard says why in French in the call log', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings/webhooks');
  // The server runs with the private-address guard on (its default): a loopback receiver is refused.
  await page.getByRole('textbox', { name: 'Adresse (URL)' }).fill('http://127.0.0.1:9/hook');
  await page.getByRole('combobox', { name: 'Événements', exact: true }).click();
  await page.getByRole('option', { name: 'Création', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Créer le webhook' }).click();
  await page
    .getByRole('dialog', { name: 'Secret de signature du webhook' })
    .getByRole('button', { name: /J’ai copié le secret/ })
    .click();
  await page.getByRole('button', { name: 'Journal' }).click();
  const log = page.getByRole('dialog', { name: /Journal des appels/ });
  // The empty log offers the test call too: take the toolbar's.
  await log.getByRole('button', { name: 'Envoyer un test' }).first().click();
  // The call runs as a job: refresh the log until its first attempt is there.
  await expect(async () => {
    await log.getByRole('button', { name: 'Actualiser' }).click();
    await expect(log.getByText('Adresse privée refusée : le destinataire doit être joignable sur Internet.')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test('add a custom domain, see the records that prove and point it, remove it', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Domaines' }).click();
  await expect(page).toHaveURL(/\/settings\/domains$/);
  await expect(page.getByText('CNAME', { exact: false })).toBeVisible();
  await expect(page.getByText('Vos domaines apparaîtront ici', { exact: false })).toBeVisible();

  const field = page.getByRole('textbox', { name: 'Domaine', exact: true });
  await field.fill('http://x/y');
  await page.getByRole('button', { name: 'Ajouter le domaine' }).click();
  await expect(page.getByText('Saisissez un nom de domaine, par exemple pages.mon-coaching.fr.')).toBeVisible();

  const hostname = `pages-${suffix()}.example.fr`;
  await field.fill(hostname);
  await page.getByRole('button', { name: 'Ajouter le domaine' }).click();
  // Its card: to verify, with the TXT record proving it is ours and the record pointing it at the public server.
  const card = page.getByRole('article', { name: hostname });
  await expect(card.getByText('À vérifier')).toBeVisible();
  await expect(card.getByText(`_mk-verify.${hostname}`)).toBeVisible();
  await expect(card.getByText(/^mk-verify=[0-9a-f]{32}$/)).toBeVisible();
  await expect(field).toHaveValue('');

  await page.getByRole('button', { name: `Retirer ${hostname}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Retirer', exact: true }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText('Vos domaines apparaîtront ici', { exact: false })).toBeVisible();
});
