import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Settings > Paiements through the real UI: the built-in test payment without Stripe keys, then Stripe keys saved
// (test, then live: the badge says which), the webhook URL to copy, and back to the test payment once disconnected.
// "Tester la connexion" calls Stripe: it is tested against the local fake in src/modules/commerce/payments.

const PASSWORD = 'correct horse battery';
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`payments-${suffix()}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Boutique Paiements');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Serious and critical axe findings on the page as shown now. */
async function axeFindings(page: Page): Promise<string[]> {
  await page.waitForTimeout(400);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the test payment runs without Stripe keys; saved keys switch to Stripe in test or production mode', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Paiements' }).click();
  await expect(page).toHaveURL(/\/settings\/payments$/);

  const banner = page.getByRole('status').filter({ hasText: 'Les paiements passent' });
  await expect(banner).toContainText('Mode test');
  await expect(banner).toContainText('paiement de test');
  const testCard = page.getByRole('region', { name: 'Paiement de test' });
  await expect(testCard.getByText('Actif', { exact: true })).toBeVisible();
  await expect(testCard.getByText('4242 4242 4242 4242 : paiement accepté')).toBeVisible();
  const stripeCard = page.getByRole('region', { name: 'Stripe' });
  await expect(stripeCard.getByText('Non connecté')).toBeVisible();
  await expect(stripeCard.getByText(/\/webhooks\/stripe\/[0-9a-f-]{36}$/)).toBeVisible();
  await expect(stripeCard.getByRole('button', { name: 'Copier l’URL du webhook' })).toBeVisible();
  await expect(stripeCard.getByText('payment_intent.succeeded')).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);

  // A wrong key is refused in French, next to the field.
  await stripeCard.getByRole('textbox', { name: 'Clé publiable' }).fill('pk_test_51Demo');
  await stripeCard.getByLabel('Clé secrète').fill('pk_test_oops');
  await stripeCard.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(stripeCard.getByText('Commence par sk_test_, sk_live_, rk_test_ ou rk_live_')).toBeVisible();

  await stripeCard.getByLabel('Clé secrète').fill('sk_test_51DemoSecretKey1234');
  await stripeCard.getByLabel('Secret de signature du webhook').fill('whsec_demo5678');
  await stripeCard.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(banner).toContainText('Les paiements passent par votre compte Stripe.');
  await expect(banner).toContainText('Mode test');
  await expect(stripeCard.getByText('Enregistrée : ••••1234. Laissez vide pour la garder.')).toBeVisible();
  await expect(stripeCard.getByText('Enregistrée : ••••5678. Laissez vide pour la garder.')).toBeVisible();
  await expect(testCard.getByText('Inactif', { exact: true })).toBeVisible();
  await expect(testCard.getByText(/Stripe est connecté/)).toBeVisible();

  // Live keys: the badge says production, in large.
  await stripeCard.getByRole('textbox', { name: 'Clé publiable' }).fill('pk_live_51Demo');
  await stripeCard.getByLabel('Clé secrète').fill('sk_live_51DemoSecretKey9999');
  await expect(stripeCard.getByText('Mode production')).toBeVisible();
  await stripeCard.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(banner).toContainText('Mode production');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Les paiements passent' })).toContainText('Mode production');
  expect(await axeFindings(page)).toEqual([]);

  await page.getByRole('region', { name: 'Stripe' }).getByRole('button', { name: 'Déconnecter Stripe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Les paiements passent' })).toContainText('paiement de test');
  await expect(page.getByRole('region', { name: 'Paiement de test' }).getByText('Actif', { exact: true })).toBeVisible();

  // The dark theme reads as well (the badges and the banner's colours).
  await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('mk-color-scheme', 'dark'),
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.getByRole('region', { name: 'Paiement de test' })).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);
});
