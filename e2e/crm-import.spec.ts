import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`import-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Cabinet Conseil');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Chooses a file in the open import wizard and starts the import with the guessed mapping. */
async function importFile(page: Page, file: { name: string; buffer: Buffer }) {
  await page.getByRole('button', { name: 'Importer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importer des leads depuis un fichier CSV' });
  await dialog.locator('input[type="file"]').setInputFiles({ ...file, mimeType: 'text/csv' });
  await expect(dialog.getByRole('button', { name: "Lancer l'import" })).toBeEnabled();
  return dialog;
}

test('import a French Excel CSV (Windows-1252, ;) with a bad row, then export and re-import it', async ({ page }) => {
  await signUp(page);
  await page.getByRole('link', { name: 'CRM', exact: true }).click();

  // What Excel writes on a French Windows: semicolons, Windows-1252, decimal commas.
  const csv = iconv.encode(
    'Prénom;Nom;E-mail;Société;Valeur estimée\r\n' +
      'Élodie;Garçon;elodie.garcon@exemple.fr;Café de la Gare;1 200,50\r\n' +
      'François;Lefèvre;francois@exemple.fr;Façade & Cie;300\r\n' +
      'Zoé;Noël;zoe.noel@exemple.fr;Crème brûlée SARL;\r\n' +
      'Bruno;Faux;pas-un-email;Nulle part;12\r\n',
    'win1252',
  );
  let dialog = await importFile(page, { name: 'contacts-excel.csv', buffer: csv });
  await expect(dialog.getByText(/séparateur point-virgule · encodage WINDOWS-1252/)).toBeVisible();
  // Columns are matched to fields from their French names.
  await expect(dialog.getByRole('combobox', { name: 'Champ pour la colonne « Prénom »' })).toHaveValue('Prénom');
  await expect(dialog.getByRole('combobox', { name: 'Champ pour la colonne « E-mail »' })).toHaveValue('E-mail');
  await expect(dialog.getByRole('combobox', { name: 'Champ pour la colonne « Société »' })).toHaveValue('Entreprise');
  await expect(dialog.getByRole('combobox', { name: 'Champ pour la colonne « Valeur estimée »' })).toHaveValue('Valeur estimée');
  await dialog.getByRole('button', { name: "Lancer l'import" }).click();

  await expect(dialog.getByRole('status')).toHaveText('Import terminé : 4 lignes traitées');
  await expect(dialog.getByTestId('import-created')).toHaveText('3');
  await expect(dialog.getByTestId('import-failed')).toHaveText('1');
  // The first rows not imported are on screen with their reasons, not only in the report file.
  const problems = dialog.getByRole('table', { name: 'Premières lignes non importées' });
  await expect(problems.getByRole('row', { name: /5 En erreur E-mail : Saisissez une adresse e-mail valide\./ })).toBeVisible();
  const report = await dialog.getByRole('link', { name: 'Télécharger le rapport des lignes non importées' }).getAttribute('href');
  const reportText = await (await page.request.get(report!)).text();
  // The report is in the interface's language too.
  expect(reportText).toContain('5,E-mail : adresse e-mail invalide');
  await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();

  // The leads are on the board with their accents.
  const column = page.getByTestId('column-new');
  for (const name of ['Élodie Garçon', 'François Lefèvre', 'Zoé Noël']) await expect(column.getByRole('button', { name })).toBeVisible();
  await expect(page.getByText('Pipeline en cours').locator('..')).toContainText(/1\s500,50\s€/); // 1 200,50 + 300: cents are shown when the amount has them

  // Export, then import the exported file again: every lead is already there.
  // "Excel (France)": semicolons, French headers and statuses, decimal commas.
  await page.getByRole('button', { name: 'Exporter' }).click();
  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel (France)' }).click()]);
  expect(excel.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}-excel\.csv$/);
  const excelText = readFileSync((await excel.path())!).toString('utf8');
  expect(excelText).toContain('Prénom;Nom;E-mail;Téléphone;Entreprise;Poste;Statut;Source;URL source;Montant estimé');
  expect(excelText).toContain('Élodie;Garçon;elodie.garcon@exemple.fr;;Café de la Gare;;Nouveau;;;1200,5');

  await page.getByRole('button', { name: 'Exporter' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV standard (réimportable)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = readFileSync((await download.path())!);
  expect(exported.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(exported.toString('utf8')).toContain('Élodie,Garçon,elodie.garcon@exemple.fr');

  dialog = await importFile(page, { name: download.suggestedFilename(), buffer: exported });
  await expect(dialog.getByText(/séparateur virgule · encodage UTF-8/)).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Champ pour la colonne « email »' })).toHaveValue('E-mail');
  await expect(dialog.getByRole('radio', { name: 'Ignorer la ligne' })).toBeChecked();
  await dialog.getByRole('button', { name: "Lancer l'import" }).click();
  await expect(dialog.getByRole('status')).toHaveText('Import terminé : 3 lignes traitées');
  await expect(dialog.getByTestId('import-skipped')).toHaveText('3');
  await expect(dialog.getByTestId('import-created')).toHaveText('0');
  await expect(dialog.getByTestId('import-failed')).toHaveText('0');
  await expect(dialog.getByRole('link', { name: 'Télécharger le rapport des lignes non importées' })).toHaveCount(0);
});
