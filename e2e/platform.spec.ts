import { expect, test, type Page } from '@playwright/test';

// Journeys through the real UI (French by default, as for a French browser).

const PASSWORD = 'correct horse battery';
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function signUp(page: Page, email: string, workspace = 'Studio E2E') {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill(workspace);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Mon compte' }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
}

test('sign up, log out and log back in', async ({ page }) => {
  // The whole journey runs under the admin app's Content-Security-Policy: any script, style or request it
  // blocked would show here as a console error (and the page would not work).
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const home = await page.goto('/');
  expect(home!.headers()['content-security-policy']).toContain("script-src 'self'");
  const email = unique('owner');
  await signUp(page, email);
  await expect(page.getByText('Studio E2E').first()).toBeVisible();
  await logOut(page);

  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill('wrong password!!');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();

  expect(blocked).toEqual([]);
  // No source maps are published.
  const script = await page.locator('script[src]').first().getAttribute('src');
  const map = await page.request.get(`${script}.map`);
  expect(map.headers()['content-type'] ?? '').not.toContain('json');

  // Every module of the spec is in the navigation.
  for (const name of ['Tunnels de vente', 'E-mail marketing', 'CRM', 'Publicités', 'Paramètres']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
});

test('invite a member who accepts through the link in the outbox', async ({ page, browser }) => {
  await signUp(page, unique('owner'), 'Agence Lumière');
  const invitee = unique('invitee');
  await page.goto('/settings/team');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(invitee);
  await page.getByRole('button', { name: 'Inviter' }).click();
  await expect(page.getByRole('cell', { name: invitee })).toBeVisible();

  await page.goto('/settings/outbox');
  await page.getByText(invitee).first().click();
  const link = page.getByRole('link', { name: /\/invitations\// }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/invitations\/[\w-]+$/);

  const other = await browser.newContext({ locale: 'fr-FR' });
  const guest = await other.newPage();
  await guest.goto(href!);
  await expect(guest.getByText('Agence Lumière').first()).toBeVisible();
  await guest.getByRole('textbox', { name: 'Nom', exact: true }).fill('Hugo Petit');
  await guest.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await guest.getByRole('button', { name: "Accepter l'invitation" }).click();
  await expect(guest.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
  await other.close();

  await page.goto('/settings/team');
  await expect(page.getByRole('cell', { name: invitee })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Hugo Petit' })).toBeVisible();
});

test('create an API key, use it, then revoke it', async ({ page, request }) => {
  await signUp(page, unique('owner'));
  await page.goto('/settings/api-keys');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Zapier');
  await page.getByRole('button', { name: 'Créer la clé' }).click();
  const key = (await page.getByTestId('api-key-secret').textContent())!.trim();
  expect(key).toMatch(/^mk_/);
  await page.keyboard.press('Escape');

  const me = await request.get('/api/auth/me', { headers: { authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('cell', { name: 'Zapier' })).toBeVisible();

  await page.getByRole('button', { name: 'Révoquer' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Révoquer' }).click();
  await expect(page.getByRole('cell', { name: 'Zapier' })).toHaveCount(0);
  const after = await request.get('/api/auth/me', { headers: { authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
});

test('switch the language to English and back', async ({ page }) => {
  await signUp(page, unique('owner'));
  await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'English' });
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sales funnels' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
  await expect(page.getByRole('link', { name: 'Paramètres', exact: true })).toBeVisible();
});
