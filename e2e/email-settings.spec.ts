import { expect, test, type Page } from '@playwright/test';

// Settings > E-mails through the real UI: a sending domain with its DKIM records and a DNS check, the default
// sender (refused on a domain not added, accepted on the added one), and an SMTP server whose test reports what
// went wrong: the e2e server has no DNS to reach, and refuses a workspace's server on a private address.

const PASSWORD = 'correct horse battery';
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`email-settings-${suffix()}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Atelier Lilas');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

test('add a sending domain, see its records, set the default sender on it, try an SMTP server', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings/email');
  await expect(page.getByText('Aucun domaine d’envoi')).toBeVisible();

  await page.getByRole('textbox', { name: 'Domaine' }).fill('pas un domaine');
  await page.getByRole('button', { name: 'Ajouter le domaine' }).click();
  await expect(page.getByText('Saisissez un nom de domaine, par exemple mon-coaching.fr.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Domaine' }).fill('atelier-lilas.fr');
  await page.getByRole('button', { name: 'Ajouter le domaine' }).click();
  const card = page.getByRole('article', { name: 'atelier-lilas.fr' });
  await expect(card.getByText('En attente des DNS')).toBeVisible();
  await expect(card.getByText(/\._domainkey\.atelier-lilas\.fr$/)).toBeVisible();
  await expect(card.getByText(/^v=DKIM1; k=rsa; p=/)).toBeVisible();
  await expect(card.getByText('_dmarc.atelier-lilas.fr')).toBeVisible();
  await expect(card.getByText('Non vérifié')).toHaveCount(3);

  // The default sender: refused on a domain the workspace has not added, in French under the field.
  const sender = page.getByRole('region', { name: 'Expéditeur par défaut' });
  await sender.getByRole('textbox', { name: 'Nom de l’expéditeur' }).fill('Claire de l’Atelier');
  await sender.getByRole('textbox', { name: 'Adresse de l’expéditeur' }).fill('claire@ailleurs.fr');
  await sender.getByRole('button', { name: 'Enregistrer l’expéditeur' }).click();
  await expect(sender.getByText(/ne peut pas envoyer depuis le domaine ailleurs\.fr/)).toBeVisible();
  await sender.getByRole('textbox', { name: 'Adresse de l’expéditeur' }).fill('claire@atelier-lilas.fr');
  await sender.getByRole('button', { name: 'Enregistrer l’expéditeur' }).click();
  await expect(page.getByText('Expéditeur par défaut enregistré.')).toBeVisible();

  // The domain cannot go while the default sender uses it.
  await card.getByRole('button', { name: 'Retirer atelier-lilas.fr' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Retirer' }).click();
  await expect(page.getByText(/est encore utilisé/)).toBeVisible();
  await page.keyboard.press('Escape');

  // The e2e server keeps mail in the outbox until the workspace gives its own server.
  const smtp = page.getByRole('region', { name: 'Serveur SMTP' });
  await expect(smtp.getByText(/Aucun serveur SMTP : les messages restent dans la boîte d’envoi/)).toBeVisible();
  await smtp.getByRole('textbox', { name: 'Serveur (hôte)' }).fill('127.0.0.1');
  await smtp.getByRole('textbox', { name: 'Port' }).fill('9');
  await smtp.getByRole('textbox', { name: 'Identifiant' }).fill('atelier');
  await smtp.getByLabel('Mot de passe ou clé SMTP').fill('secret-123');
  await smtp.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
  await expect(page.getByText('Serveur SMTP enregistré (chiffré).')).toBeVisible();
  await expect(smtp.getByText('Vos campagnes partent par votre serveur SMTP ci-dessous.')).toBeVisible();
  await expect(smtp.getByText(/Enregistré \(••••/)).toBeVisible();
  await smtp.getByRole('button', { name: 'Envoyer un test' }).click();
  const result = smtp.getByRole('status').filter({ hasText: 'Le serveur a refusé le message' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  // The e2e server, like production, refuses to talk to its own network on a workspace's behalf.
  await expect(result.getByText(/Ce serveur est sur une adresse privée/)).toBeVisible();
});

test('screenshots of Settings > E-mails, light and dark, desktop and phone', async ({ browser }) => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [device, width] of [
      ['desktop', 1280],
      ['phone', 390],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, locale: 'fr-FR' });
      const page = await context.newPage();
      await page.addInitScript(
        (value) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('mk-color-scheme', value),
        scheme,
      );
      await signUp(page);
      await page.goto('/settings/email');
      await page.getByRole('textbox', { name: 'Domaine' }).fill('atelier-lilas.fr');
      await page.getByRole('button', { name: 'Ajouter le domaine' }).click();
      await expect(page.getByRole('article', { name: 'atelier-lilas.fr' })).toBeVisible();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `docs/screenshots/email-settings-${device}-${scheme}.png`, fullPage: true });
      // No horizontal scroll on a phone: the records wrap.
      const overflow = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth + 1);
      await context.close();
    }
  }
});
