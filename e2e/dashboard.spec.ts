import { expect, test, type Page } from '@playwright/test';

// The dashboard (/): a new workspace gets the onboarding checklist; a workspace with leads gets its
// numbers. The demo workspace's password is printed once in a server log the journeys do not read,
// so the workspace is filled through the API, as a user of the CRM would fill it.

const PASSWORD = 'correct horse battery';
// Each journey makes a dozen requests; on a shared, loaded machine 60 s is not always enough.
test.describe.configure({ timeout: 180_000 });

async function signUp(page: Page, name = 'Claire Dubois') {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`dash-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Atelier Tableau');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Calls the API with the page's session, as the SPA does (CSRF token from /api/auth/me). */
async function apiCall(page: Page, method: 'POST' | 'PATCH' | 'PUT', url: string, data: unknown) {
  const me = await page.request.get('/api/auth/me');
  const csrf = ((await me.json()) as { csrf_token: string }).csrf_token;
  const res = await page.request.fetch(url, { method, data: data as object, headers: { 'x-csrf-token': csrf } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as { id: string };
}

test('a new workspace sees the onboarding checklist instead of empty numbers', async ({ page }) => {
  await signUp(page);
  // The page's code and numbers load after sign-up: allow a slow, shared machine some time.
  await expect(page.getByRole('heading', { name: 'Bien démarrer' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('0 sur 4 étapes faites')).toBeVisible();
  await expect(page.getByTestId('onboarding-leads').getByRole('link', { name: 'Ouvrir le CRM' })).toBeVisible();
  await expect(page.getByTestId('onboarding-team').getByRole('link', { name: 'Inviter' })).toBeVisible();
  // The email and funnel steps lead to their modules.
  await expect(page.getByTestId('onboarding-email').getByRole('link', { name: 'Ouvrir l’e-mail marketing' })).toBeVisible();
  await expect(page.getByTestId('onboarding-funnel').getByRole('link', { name: 'Choisir un template' })).toBeVisible();
  // No "0 €", no empty charts, no module blocks of zeros.
  await expect(page.getByText(/0\s€/)).toHaveCount(0);
  await expect(page.getByRole('figure')).toHaveCount(0);
  await expect(page.getByTestId('dashboard-ads')).toHaveCount(0);

  await page.getByTestId('onboarding-leads').getByRole('link', { name: 'Ouvrir le CRM' }).click();
  await expect(page).toHaveURL(/\/crm/);
});

test("the dashboard shows the workspace's numbers, compared with the previous period", async ({ page }) => {
  await signUp(page);
  const lead = (body: Record<string, unknown>) => apiCall(page, 'POST', '/api/marketing/leads', body);
  await lead({ first_name: 'Anne', last_name: 'Petit', source: 'salon', estimated_value: 1200 });
  await lead({ first_name: 'Bruno', last_name: 'Roux', source: 'salon', estimated_value: 800, status: 'qualified' });
  const won = await lead({ first_name: 'Élodie', last_name: 'Garnier', source: 'google', estimated_value: 2500 });
  const lost = await lead({ first_name: 'Hugo', last_name: 'Morel', estimated_value: 400 });
  await apiCall(page, 'PATCH', `/api/marketing/leads/${won.id}`, { status: 'won' });
  await apiCall(page, 'PATCH', `/api/marketing/leads/${lost.id}`, { status: 'lost', lost_reason: 'Budget insuffisant' });
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: string } };
  const overdue = new Date(Date.now() - 3_600_000).toISOString();
  await apiCall(page, 'POST', `/api/marketing/leads/${won.id}/tasks`, { title: 'Envoyer la facture', due_at: overdue, assignee_id: me.user.id });
  await apiCall(page, 'POST', `/api/marketing/leads/${lost.id}/tasks`, { title: 'Archiver le dossier', due_at: overdue });

  await page.reload();
  const kpi = (name: string) => page.getByRole('region', { name, exact: true });
  await expect(kpi('Nouveaux leads')).toContainText('4', { timeout: 30_000 });
  await expect(kpi('Nouveaux leads')).toContainText('+4 par rapport à la période précédente');
  await expect(kpi('Pipeline gagné')).toContainText(/2\s500\s€/);
  await expect(kpi('Pipeline gagné')).toContainText('1 vente conclue');
  await expect(kpi('Taux de réussite')).toContainText(/50\s%/);
  await expect(kpi('Pipeline en cours')).toContainText(/2\s000\s€/);
  // Weighted: 1 200 € × 10 % (Nouveau) + 800 € × 40 % (Qualifié).
  await expect(kpi('Pipeline en cours')).toContainText(/Pondéré : 440\s€/);

  // Each chart's values are in a table for screen readers.
  const sources = page.getByRole('table', { name: 'Sources des nouveaux leads' });
  await expect(sources.getByRole('row', { name: /salon 2/ })).toHaveCount(1);
  await expect(sources.getByRole('row', { name: /Sans source 1/ })).toHaveCount(1);
  const funnel = page.getByRole('table', { name: 'Pipeline par étape' });
  await expect(funnel.getByRole('row', { name: /^Nouveau 1 1\s200\s€$/ })).toHaveCount(1);
  await expect(funnel.getByRole('row', { name: /^Qualifié 1 800\s€$/ })).toHaveCount(1);

  const tasks = page.getByTestId('dashboard-tasks');
  // Overdue, today, next 7 days: one task mine, one nobody's.
  await expect(tasks.getByRole('row', { name: 'Moi 1 0 0' })).toBeVisible();
  await expect(tasks.getByRole('row', { name: "Toute l'équipe 2 0 0" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hugo Morel : Nouveau → Perdu' })).toBeVisible();

  // Another period keeps the numbers (all made today) and lands in the URL.
  await page.getByRole('combobox', { name: 'Période' }).click();
  await page.getByRole('option', { name: '7 derniers jours' }).click();
  await expect(page).toHaveURL(/period=7d/);
  await expect(kpi('Nouveaux leads')).toContainText('+4 par rapport à la période précédente');

  // An activity line opens its lead.
  await page.getByRole('link', { name: 'Élodie Garnier : Nouveau → Gagné' }).click();
  await expect(page).toHaveURL(/\/crm\/leads\/[0-9a-f-]{36}$/);
});

test('an admin fills a new workspace with the demo data from the checklist, then finds the leads in Contacts', async ({ page }) => {
  await signUp(page);
  const onboarding = page.getByTestId('onboarding-leads');
  await onboarding.getByRole('button', { name: 'Charger les données de démo' }).click({ timeout: 30_000 });
  await expect(page.getByText(/240 leads de démo chargés/)).toBeVisible({ timeout: 30_000 });
  // The checklist gives way to the numbers of the demo pipeline.
  await expect(page.getByRole('heading', { name: 'Bien démarrer' })).toHaveCount(0);
  await expect(page.getByRole('figure').first()).toBeVisible();
  await page.goto('/crm?tab=contacts');
  await expect(page.getByText(/240 leads?/).first()).toBeVisible();
  // Once the workspace has leads, Contacts no longer offers it.
  await expect(page.getByRole('button', { name: 'Charger les données de démo' })).toHaveCount(0);
});

test('open the dashboard and follow a tile', async ({ page }) => {
  await signUp(page);
  await apiCall(page, 'POST', '/api/marketing/leads', { first_name: 'Anne', last_name: 'Petit', source: 'facebook', utm_campaign: 'printemps' });
  await page.reload();
  const kpi = (name: string) => page.getByRole('region', { name, exact: true });
  await expect(kpi('Nouveaux leads')).toContainText('1', { timeout: 30_000 });
  // Modules without data say how to get some, with no numbers.
  await expect(page.getByTestId('dashboard-funnels')).toContainText('Publiez un tunnel de vente');
  await expect(page.getByTestId('dashboard-email')).toContainText('Envoyez une campagne');
  await expect(page.getByTestId('dashboard-ads')).toContainText('Importez un rapport publicitaire ou connectez un compte');

  // An ad campaign with today's figures: the ads tiles appear, with spend and ROAS (no revenue yet: 0×).
  const campaign = await apiCall(page, 'POST', '/api/marketing/ad-campaigns', { name: 'Printemps', platform: 'facebook', utm_campaign: 'printemps' });
  // Today in the workspace's zone (the browser's at sign-up), as the dashboard cuts days.
  const { timezone } = (await (await page.request.get('/api/workspace')).json()) as { timezone: string };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());
  await apiCall(page, 'PUT', `/api/marketing/ad-campaigns/${campaign.id}/metrics/${today}`, { impressions: 5000, clicks: 120, spend: 250, conversions: 4 });
  await page.reload();
  await expect(kpi('Dépenses publicitaires')).toContainText(/250\s€/, { timeout: 30_000 });
  await expect(kpi('Dépenses publicitaires')).toContainText('4 conversions déclarées par les plateformes');
  await expect(kpi('ROAS')).toContainText('0×');
  await expect(page.getByRole('table', { name: 'Dépenses publicitaires et revenus' })).toHaveCount(1);

  // Each tile opens its page: the ads tile /ads, the leads tile the CRM's contacts.
  await kpi('Dépenses publicitaires').getByRole('link', { name: 'Dépenses publicitaires' }).click();
  await expect(page).toHaveURL(/\/ads$/);
  await page.goBack();
  await kpi('Nouveaux leads').getByRole('link', { name: 'Nouveaux leads' }).click();
  await expect(page).toHaveURL(/\/crm\?tab=contacts$/);
  await page.goBack();
  await page.getByTestId('dashboard-funnels').getByRole('link', { name: 'Choisir un template' }).click();
  await expect(page).toHaveURL(/\/funnels\?tab=templates$/);
});
