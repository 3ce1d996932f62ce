import { expect, test, type Page } from '@playwright/test';

// The Publicités page through the real UI: a Meta Ads Manager export (French columns) imported, its campaigns'
// cards, a campaign's charts, and a campaign paused. (The dashboard's part of the journey is in dashboard.spec.ts.)

const PASSWORD = 'correct horse battery';
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`ads-${suffix()}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Studio Pub');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** A calendar date `days` before today (UTC), as Meta writes it in a daily export. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A Meta Ads Manager export in French, broken down by day: two campaigns, three days, French decimals, quoted. */
function metaExportFr(): string {
  const header = [
    'Nom de la campagne',
    'Identifiant de la campagne',
    'Jour',
    'Impressions',
    'Clics sur un lien',
    'Montant dépensé (EUR)',
    'Résultats',
    'Valeur de conversion des achats',
  ];
  const rows = [
    ['Soldes d’hiver', '120210000000000001', daysAgo(3), '12 000', '240', '95,50', '6', '480,00'],
    ['Soldes d’hiver', '120210000000000001', daysAgo(2), '10 500', '180', '88,20', '4', '320,00'],
    ['Soldes d’hiver', '120210000000000001', daysAgo(1), '11 200', '210', '90,00', '5', '400,00'],
    ['Webinaire printemps', '120210000000000002', daysAgo(2), '4 000', '20', '30,00', '0', '0'],
    ['Webinaire printemps', '120210000000000002', daysAgo(1), '4 200', '25', '32,00', '1', '0'],
  ];
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  return `\uFEFF${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

test('import a Meta export, see the campaign card and its charts, pause the campaign', async ({ page }) => {
  await signUp(page);
  await page.goto('/ads');
  await expect(page.getByRole('heading', { name: 'Publicités', level: 1 })).toBeVisible();
  // Empty, it says how to get figures; the AI button is there (e2e/ai.spec.ts generates creatives).
  await expect(page.getByText('Aucune campagne pour l’instant')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Générer créatifs' })).toBeEnabled();

  await page.getByRole('button', { name: 'Importer un rapport' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Importer un rapport publicitaire' });
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'meta-campagnes.csv', mimeType: 'text/csv', buffer: Buffer.from(metaExportFr(), 'utf8') });
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(dialog.getByText('Rapport Meta (Facebook, Instagram) (en français) reconnu', { exact: false })).toBeVisible();
  await expect(dialog.getByTestId('ad-import-rows')).toHaveText('5');
  await expect(dialog.getByTestId('ad-import-days')).toHaveText('5');
  await expect(dialog.getByTestId('ad-import-created')).toHaveText('2');
  await dialog.getByRole('button', { name: 'Terminé' }).click();
  // The import is listed the next time the dialog opens, and opens its result again.
  await page.getByRole('button', { name: 'Importer un rapport' }).first().click();
  const recent = dialog.getByRole('table', { name: 'Derniers imports' });
  await expect(recent).toContainText('meta-campagnes.csv');
  await expect(recent).toContainText('5 jours écrits · 0 ligne refusée');
  await recent.getByRole('button', { name: 'Voir l’import de meta-campagnes.csv' }).click();
  await expect(dialog.getByTestId('ad-import-days')).toHaveText('5');
  await dialog.getByRole('button', { name: 'Terminé' }).click();

  // A card per campaign, with the spec's line "impressions • clics" and its status.
  const card = page.getByTestId('ad-campaign-card').filter({ hasText: 'Soldes d’hiver' });
  await expect(card).toContainText(/33\s700 impressions • 630 clics/);
  await expect(card).toContainText('15 conversions');
  await expect(card.getByTestId('ad-status')).toHaveText('Active');
  await expect(page.getByTestId('ad-campaign-card')).toHaveCount(2);
  // The period's totals.
  await expect(page.getByTestId('ad-stats')).toContainText(/335,70\s€/);

  // The campaign's page: tiles and charts.
  await card.getByRole('link', { name: /^Voir/ }).click();
  await expect(page).toHaveURL(/\/ads\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { name: 'Soldes d’hiver', level: 1 })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Dépenses par jour' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Conversions par jour' })).toBeVisible();
  await expect(page.getByTestId('ad-campaign-tiles')).toContainText(/273,70\s€/);
  await expect(page.getByTestId('ad-day-row')).toHaveCount(3);

  // Pause it: the badge and the button change, and the list shows it paused with "Reprendre".
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Campagne « Soldes d’hiver » mise en pause.')).toBeVisible();
  await expect(page.getByTestId('ad-status')).toHaveText('En pause');
  await expect(page.getByRole('button', { name: 'Reprendre' })).toBeVisible();
  await page.getByRole('link', { name: 'Publicités' }).first().click();
  await expect(card.getByTestId('ad-status')).toHaveText('En pause');
  await expect(card.getByRole('button', { name: 'Reprendre' })).toBeVisible();
});
