// npm run screenshots: starts the product as `npm start` does, on a fresh data folder with its demo
// workspace, and photographs the dashboard, the selling screens (step offers, sales statistics, orders, the order form and upsell), the pipeline board, a lead record, the workspace, webhook and domain settings, the email campaigns, a campaign, the steps of a block-editor campaign (recipients, the editor, review), a campaign report, the email contacts and sending settings and the empty states,
// light and dark, on a desktop (1280 px) and a phone (390 px), into docs/screenshots/.
// Drives Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH); never downloads a browser.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3310);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = resolve('docs/screenshots');
const DATA_DIR = resolve(`.tmp/screenshots-${Date.now()}`);
const PASSWORD = 'correct horse battery';

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const SCHEMES = ['light', 'dark'] as const;
type TViewport = keyof typeof VIEWPORTS;
type TScheme = (typeof SCHEMES)[number];

/** Builds the UI and starts the product; resolves with the demo password it prints once. */
async function startProduct(): Promise<{ server: ChildProcess; password: string }> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const env = {
    ...process.env,
    PORT: String(PORT),
    PUBLIC_PORT: String(PORT + 1),
    INBOUND_SMTP_PORT: '0',
    APP_URL: BASE,
    DATA_DIR,
    DATABASE_URL: '',
    SMTP_URL: '',
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'true',
  };
  const server = spawn('npx', ['tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const password = await new Promise<string>((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the product did not print a demo login within 180 s:\n${output}`)), 180_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Demo login:\s+\S+ \/ (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    server.on('exit', (code) => fail(new Error(`the product exited (${code}):\n${output}`)));
  });
  return { server, password };
}

/** A browser context signed in (the session cookie is shared by its pages), in one scheme and size. */
async function signedInContext(browser: Browser, viewport: TViewport, scheme: TScheme, login: { email: string; password: string }): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: 1,
    locale: 'fr-FR',
    colorScheme: scheme,
    reducedMotion: 'reduce',
    isMobile: viewport === 'phone',
    hasTouch: viewport === 'phone',
  });
  // The app remembers the light/dark choice in localStorage (Mantine's colour-scheme manager).
  await context.addInitScript({ content: `localStorage.setItem('mk-color-scheme', '${scheme}')` });
  const res = await context.request.post('/api/auth/login', { data: login });
  if (!res.ok()) throw new Error(`login failed: ${res.status()} ${await res.text()}`);
  return context;
}

/** Opens a page, waits for its data and charts to settle, and saves the PNG. */
async function shoot(page: Page, path: string, name: string, fullPage = false): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page
    .locator('[role="status"][aria-label]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(1200); // recharts draws after layout
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  console.log(`  docs/screenshots/${name}.png`);
}

/** Two campaign drafts in the demo workspace; returns the first one's id. */
async function draftCampaigns(browser: Browser, login: { email: string; password: string }): Promise<string> {
  const context = await signedInContext(browser, 'desktop', 'light', login);
  const me = (await (await context.request.get('/api/auth/me')).json()) as { csrf_token: string };
  const headers = { 'x-csrf-token': me.csrf_token };
  const draft = (data: object) => context.request.post('/api/marketing/email-campaigns', { headers, data });
  const first = await draft({
    name: 'Newsletter de décembre',
    subject: 'Bonjour {{ lead.first_name | default: "à vous" }}, les nouveautés de l’atelier',
    preheader: 'Trois dates à retenir avant les fêtes',
    html_content: '<h1>Bonjour {{ lead.first_name | default: "à vous" }}</h1>\n<p>Voici les nouveautés du mois.</p>',
    text_content: 'Bonjour {{ lead.first_name | default: "à vous" }}, voici les nouveautés du mois.',
    from_name: 'Atelier Fontaine',
  });
  if (!first.ok()) throw new Error(`campaign failed: ${first.status()} ${await first.text()}`);
  const { id } = (await first.json()) as { id: string };
  await draft({ name: 'Relance des devis en attente', subject: 'Votre devis vous attend' });
  await context.close();
  return id;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { server, password } = await startProduct();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const demo = { email: 'demo@example.com', password };
    // A second, empty workspace for the empty states.
    const empty = { email: `nouveau-${Date.now()}@example.com`, password: PASSWORD };
    const signup = await fetch(`${BASE}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify({ ...empty, name: 'Léa Fontaine', workspace_name: 'Studio Fontaine' }),
    });
    if (!signup.ok) throw new Error(`signup failed: ${signup.status} ${await signup.text()}`);
    // The demo has two sent campaigns, a scheduled one and a draft; two more drafts, one with content to show.
    const campaignId = await draftCampaigns(browser, demo);

    for (const viewport of Object.keys(VIEWPORTS) as TViewport[]) {
      for (const scheme of SCHEMES) {
        const suffix = `${viewport}-${scheme}`;
        const context = await signedInContext(browser, viewport, scheme, demo);
        const page = await context.newPage();
        const leads = (await (await context.request.get('/api/marketing/leads?status=negotiation&limit=1')).json()) as { items: { id: string }[] };
        // The demo's campaigns are sent by the engine just after the demo account exists: wait for them.
        let sent: { items: { id: string }[] } = { items: [] };
        for (let tries = 0; tries < 120 && sent.items.length === 0; tries++) {
          sent = (await (await context.request.get('/api/marketing/email-campaigns?status=completed&limit=1')).json()) as typeof sent;
          if (sent.items.length === 0) await page.waitForTimeout(500);
        }
        await shoot(page, '/', `dashboard-${suffix}`, viewport === 'desktop');
        await shoot(page, '/crm', `board-${suffix}`);
        await shoot(page, `/crm/leads/${leads.items[0]!.id}`, `lead-${suffix}`);
        await shoot(page, '/settings/workspace', `settings-workspace-${suffix}`, viewport === 'desktop');
        await shoot(page, '/settings/webhooks', `settings-webhooks-${suffix}`);
        await shoot(page, '/settings/domains', `settings-domains-${suffix}`);
        await shoot(page, '/email-marketing', `email-campaigns-${suffix}`);
        await shoot(page, `/email-marketing/campaigns/${campaignId}`, `email-campaign-${suffix}`, viewport === 'desktop');
        // The demo's block-editor draft, through the "+ Créer" steps: recipients, content (the editor), review.
        const drafts = (await (await context.request.get('/api/marketing/email-campaigns?status=draft&limit=20')).json()) as { items: { id: string }[] };
        let blockDraft: { id: string } | undefined;
        for (const draft of drafts.items) {
          const full = (await (await context.request.get(`/api/marketing/email-campaigns/${draft.id}`)).json()) as { editor_document: unknown };
          if (full.editor_document) blockDraft ??= draft;
        }
        if (!blockDraft) throw new Error('the demo has no block-editor draft');
        await shoot(page, `/email-marketing/campaigns/${blockDraft.id}?step=recipients`, `email-step-recipients-${suffix}`);
        await shoot(page, `/email-marketing/campaigns/${blockDraft.id}?step=content`, `email-editor-${suffix}`);
        await shoot(page, `/email-marketing/campaigns/${blockDraft.id}?step=review`, `email-step-review-${suffix}`, viewport === 'desktop');
        await shoot(page, `/email-marketing/campaigns/${sent.items[0]!.id}/report`, `email-report-${suffix}`, true);
        await shoot(page, '/email-marketing?tab=contacts', `email-contacts-${suffix}`);
        // The demo's sequence: its list, its steps (the vertical flow with a branch) and its report.
        const sequences = (await (await context.request.get('/api/marketing/sequences?limit=1')).json()) as { items: { id: string }[] };
        await shoot(page, '/email-marketing?tab=sequences', `email-sequences-${suffix}`);
        await shoot(page, `/email-marketing/sequences/${sequences.items[0]!.id}`, `email-sequence-steps-${suffix}`, viewport === 'desktop');
        await shoot(page, `/email-marketing/sequences/${sequences.items[0]!.id}?tab=report`, `email-sequence-report-${suffix}`, viewport === 'desktop');
        await shoot(page, '/settings/email', `settings-email-${suffix}`);
        // Funnels: the list, the templates, the demo lead magnet's steps and live stats, and its opt-in page in the builder.
        const funnels = (await (await context.request.get('/api/marketing/funnels?funnel_type=lead_magnet&limit=1')).json()) as { items: { id: string }[] };
        const funnelId = funnels.items[0]!.id;
        const funnelPages = (await (await context.request.get(`/api/marketing/funnels/${funnelId}/pages`)).json()) as { items: { id: string }[] };
        await shoot(page, '/funnels', `funnels-${suffix}`);
        await shoot(page, '/funnels?tab=templates', `funnel-templates-${suffix}`);
        await shoot(page, '/funnels?tab=stats', `funnels-stats-${suffix}`, viewport === 'desktop');
        await shoot(page, `/funnels/${funnelId}`, `funnel-steps-${suffix}`, viewport === 'desktop');
        await shoot(page, `/funnels/${funnelId}?tab=stats`, `funnel-stats-${suffix}`, viewport === 'desktop');
        if (viewport === 'desktop') await shoot(page, `/funnels/${funnelId}/pages/${funnelPages.items[0]!.id}/edit`, `funnel-builder-${suffix}`);
        // Commerce: the demo catalogue, and the payment settings (the built-in test provider, no Stripe keys).
        await shoot(page, '/funnels?tab=products', `products-${suffix}`);
        await shoot(page, '/settings/payments', `settings-payments-${suffix}`, viewport === 'desktop');
        // Ads: the demo's three campaigns (imported from the shipped exports), the Meta one's page, the connections.
        const adCampaigns = (await (await context.request.get('/api/marketing/ad-campaigns?platform=facebook&limit=1')).json()) as { items: { id: string }[] };
        await shoot(page, '/ads', `ads-${suffix}`, viewport === 'desktop');
        if (adCampaigns.items[0]) await shoot(page, `/ads/${adCampaigns.items[0].id}`, `ad-campaign-${suffix}`, viewport === 'desktop');
        await shoot(page, '/settings/ads', `settings-ads-${suffix}`);
        // AI: the brand kit and the writer's status, then "Générer créatifs" written by the built-in generator.
        await shoot(page, '/settings/ai', `settings-ai-${suffix}`, viewport === 'desktop');
        await page.goto('/ads');
        await page.getByRole('button', { name: 'Générer créatifs' }).click();
        const generate = page.getByRole('dialog', { name: 'Générer des créatifs publicitaires' });
        await generate.getByLabel('Produit ou offre').fill('Programme « Confiance en soi » en 8 semaines');
        await generate.getByLabel('Budget total').fill('1 200');
        await generate.getByRole('button', { name: 'Générer', exact: true }).click();
        // The preview: its button to open the campaign, then the three visuals loaded.
        await generate.getByRole('button', { name: 'Ouvrir la campagne' }).waitFor({ timeout: 60_000 });
        await generate.locator('img[src*="/files/"]').nth(2).waitFor();
        await page.waitForFunction(() =>
          [...document.querySelectorAll<HTMLImageElement>('img[src*="/files/"]')].every((img) => img.complete && img.naturalWidth > 0),
        );
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${OUT}/ai-ad-creatives-${suffix}.png` });
        console.log(`  docs/screenshots/ai-ad-creatives-${suffix}.png`);
        // The draft goes, so the next pass's /ads shows the demo's campaigns only.
        await generate.getByRole('button', { name: 'Supprimer le brouillon' }).click();
        await generate.waitFor({ state: 'hidden' });
        // Selling: the demo product funnel's steps with what each sells, its "Produit vendu" dialog, its sales
        // statistics and the orders; then, light only (the pages have their own colours), its order form and upsell.
        const productFunnels = (await (await context.request.get('/api/marketing/funnels?funnel_type=product&limit=1')).json()) as { items: { id: string }[] };
        const productFunnelId = productFunnels.items[0]!.id;
        await shoot(page, `/funnels/${productFunnelId}`, `funnel-offers-${suffix}`, viewport === 'desktop');
        await page
          .getByRole('group', { name: /^Étape 2/ })
          .getByRole('button', { name: 'Produit vendu' })
          .click();
        await page.getByRole('dialog', { name: /Produit vendu/ }).waitFor();
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${OUT}/step-offer-${suffix}.png` });
        console.log(`  docs/screenshots/step-offer-${suffix}.png`);
        await shoot(page, `/funnels/${productFunnelId}?tab=stats`, `funnel-sales-${suffix}`, true);
        await shoot(page, '/funnels?tab=orders', `orders-${suffix}`);
        if (scheme === 'light') {
          const sellingPages = (await (await context.request.get(`/api/marketing/funnels/${productFunnelId}/pages`)).json()) as {
            items: { page_type: string; public_url: string | null }[];
          };
          const buyer = await browser.newContext({
            viewport: VIEWPORTS[viewport],
            locale: 'fr-FR',
            isMobile: viewport === 'phone',
            hasTouch: viewport === 'phone',
          });
          const buyerPage = await buyer.newPage();
          await buyerPage.goto(sellingPages.items.find((p) => p.page_type === 'sales')!.public_url!);
          await buyerPage.locator('form.mk-co').evaluate((form) => form.scrollIntoView({ block: 'start' }));
          await buyerPage.waitForTimeout(400);
          await buyerPage.screenshot({ path: `${OUT}/checkout-${viewport}.png` });
          await buyerPage.goto(sellingPages.items.find((p) => p.page_type === 'upsell')!.public_url!);
          await buyerPage.screenshot({ path: `${OUT}/checkout-upsell-${viewport}.png` });
          console.log(`  docs/screenshots/checkout-${viewport}.png, checkout-upsell-${viewport}.png`);
          await buyer.close();
        }
        await context.close();

        const emptyContext = await signedInContext(browser, viewport, scheme, empty);
        const emptyPage = await emptyContext.newPage();
        await shoot(emptyPage, '/', `empty-dashboard-${suffix}`);
        await shoot(emptyPage, '/crm?tab=contacts', `empty-contacts-${suffix}`);
        await emptyContext.close();
      }
    }
  } finally {
    await browser.close();
    // The server runs in its own process group (npx → tsx → node): end that group only.
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

await main();
