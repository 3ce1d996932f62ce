import { expect, test, type Page } from '@playwright/test';

// A webinar funnel through the real UI and a visitor's browser: the "Webinaire" tab (a fixed session, the video),
// published; the visitor picks the session our webinar script put in the form, registers, follows the watch link of
// the confirmation page to the room (countdown before the start); the server's clock moves past the start
// (POST /api/test/clock) and the room shows the player. The tab is usable at 390 px.

const PASSWORD = 'correct horse battery';
const VISITOR_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Inès Moreau');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`webinar-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Studio Moreau');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

async function headers(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  return { 'x-csrf-token': me.csrf_token, origin: new URL(page.url()).origin };
}

/** "2026-12-02T23:30" in the browser's time, for a datetime-local input. */
function localInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

test('set a webinar up, register as a visitor, wait in the room, then watch', async ({ page, browser }) => {
  test.slow();
  await signUp(page);
  const created = await page.request.post('/api/marketing/funnels/from-template', {
    data: { template_id: 'webinar-fr', name: 'Masterclass' },
    headers: await headers(page),
  });
  expect(created.status()).toBe(201);
  const funnelId = ((await created.json()) as { id: string }).id;

  // The tab, on a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/funnels/${funnelId}?tab=webinar`);
  await page.getByText('Dates fixes', { exact: true }).click();
  // The server's business clock (other journeys on this server may have moved it on): advancing by 0 tells it.
  const clock = await page.request.post('/api/test/clock', { data: { advance_minutes: 0 }, headers: await headers(page) });
  const serverNow = Date.parse(((await clock.json()) as { now: string }).now);
  const session = new Date(Math.ceil((serverNow + 20 * 60_000) / 60_000) * 60_000);
  await page.getByRole('textbox', { name: 'Session 1' }).fill(localInput(session));
  await page.getByRole('textbox', { name: /Vidéo/ }).fill('https://www.youtube.com/watch?v=aqz-KE-bpKQ');
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Webinaire enregistré.')).toBeVisible();
  await expect(page.getByRole('cell', { name: /Proposée/ })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });

  const published = await page.request.post(`/api/marketing/funnels/${funnelId}/publish`, { data: {}, headers: await headers(page) });
  expect(published.status()).toBe(200);
  const publicUrl = ((await published.json()) as { public_url: string }).public_url;

  const visitorContext = await browser.newContext({ userAgent: VISITOR_AGENT });
  const visitor = await visitorContext.newPage();
  await visitor.goto(publicUrl);
  const choice = visitor.getByRole('combobox', { name: 'Choisissez votre session' });
  await expect(choice).toBeVisible();
  await expect(choice.locator('option')).toHaveCount(1);
  await visitor.getByRole('textbox', { name: /prénom/i }).fill('Léa');
  await visitor.getByRole('textbox', { name: /e-mail/i }).fill(`lea-${Date.now().toString(36)}@example.com`);
  await visitor.getByRole('checkbox').check();
  await visitor.getByRole('button', { name: /je réserve ma place gratuite/i }).click();
  await expect(visitor).toHaveURL(/\/confirmation\?t=/);
  const watch = visitor.getByRole('link', { name: 'Accéder à la salle de la masterclass' });
  await expect(watch).toBeVisible();
  await watch.click();
  await expect(visitor).toHaveURL(/\/direct\?t=/);
  await expect(visitor.getByText('La masterclass commence le')).toBeVisible();
  await expect(visitor.locator('[data-mk="webinar-countdown"] [data-unit="minutes"]')).not.toHaveText('00');
  await expect(visitor.locator('iframe')).toHaveCount(0);

  // Without the token: the invalid state and the way to register.
  const stranger = await visitorContext.newPage();
  await stranger.goto(visitor.url().replace(/\?t=.*/, '?t=nope'));
  await expect(stranger.getByRole('link', { name: 'Je m’inscris' })).toBeVisible();

  // Past the start: the player.
  const res = await page.request.post('/api/test/clock', { data: { advance_minutes: 21 }, headers: await headers(page) });
  expect(res.ok()).toBe(true);
  await visitor.reload();
  await expect(visitor.locator('iframe[src^="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"]')).toBeAttached();
  await visitorContext.close();
});
