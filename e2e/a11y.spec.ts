import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// axe-core on every page and modal of the journeys, light and dark: any serious or critical violation fails,
// and the failure lists every one of them (rule, page, elements) rather than stopping at the first page.

const PASSWORD = 'correct horse battery';
type TScheme = 'light' | 'dark';
type TFinding = { where: string; rule: string; impact: string; help: string; targets: string[] };

/** Runs axe on what the page shows now and adds its serious and critical findings to `findings`. */
async function audit(page: Page, where: string, findings: TFinding[]) {
  // Let lazy chunks, queries and Mantine's transitions (opacity) settle: half-faded colours are not what people read.
  await expect(page.getByRole('status', { name: 'Chargement…' })).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(400);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of result.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    // Printed at once too, so a run cut short by its timeout still shows what it found.
    console.log(`axe [${violation.impact}] ${violation.id} on ${where}: ${violation.nodes.length} element(s)`);
    findings.push({
      where,
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    });
  }
}

async function useScheme(page: Page, scheme: TScheme) {
  // Runs in the browser (the e2e tsconfig has no DOM types).
  await page.addInitScript(
    (value) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('mk-color-scheme', value),
    scheme,
  );
  await page.emulateMedia({ colorScheme: scheme });
}

async function signUp(page: Page, scheme: TScheme) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`a11y-${scheme}-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Cabinet Conseil');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** A lead through the API (the journeys that create leads through the UI have their own tests). */
async function createLead(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  const response = await page.request.post('/api/marketing/leads', {
    headers: { 'x-csrf-token': me.csrf_token },
    data: { first_name: 'Élodie', last_name: 'Garnier', email: `elodie-${Date.now().toString(36)}@example.com`, estimated_value: 12500.5 },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

/** Opens a dialog with `open`, audits it, closes it with Escape. */
async function auditDialog(page: Page, where: string, findings: TFinding[], open: () => Promise<void>) {
  await open();
  await expect(page.getByRole('dialog').first()).toBeVisible();
  await audit(page, where, findings);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

function report(findings: TFinding[]): string[] {
  return findings.map((f) => `[${f.impact}] ${f.rule} on ${f.where}: ${f.help} — ${f.targets.join(' | ')}`);
}

const JOURNEYS: { name: string; signedIn: boolean; visit: (page: Page, findings: TFinding[]) => Promise<void> }[] = [
  {
    name: 'sign-up, login and password pages',
    signedIn: false,
    visit: async (page, findings) => {
      for (const path of ['/login', '/signup', '/forgot-password']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await audit(page, path, findings);
      }
    },
  },
  {
    name: 'dashboard, CRM tabs',
    signedIn: true,
    visit: async (page, findings) => {
      await audit(page, '/ (dashboard, new workspace)', findings);
      // A new workspace's contacts: an empty state that offers to fill it, not "no lead matches".
      await page.goto('/crm?tab=contacts');
      await expect(page.getByText('Vos leads apparaîtront ici', { exact: false })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('button', { name: 'Importer un fichier' })).toBeVisible();
      await audit(page, '/crm?tab=contacts (empty workspace)', findings);
      await createLead(page);
      for (const tab of ['pipeline', 'contacts', 'interactions', 'segments', 'automations', 'settings']) {
        await page.goto(tab === 'pipeline' ? '/crm' : `/crm?tab=${tab}`);
        await expect(page.getByRole('tab', { selected: true })).toBeVisible({ timeout: 30_000 });
        await audit(page, `/crm?tab=${tab}`, findings);
      }
    },
  },
  {
    name: 'CRM modals, lead drawer and record',
    signedIn: true,
    visit: async (page, findings) => {
      const leadId = await createLead(page);
      await page.goto('/crm');
      await auditDialog(page, 'add-lead modal', findings, () =>
        page
          .getByRole('button', { name: /Ajouter/ })
          .first()
          .click(),
      );
      await auditDialog(page, 'import modal', findings, () => page.getByRole('button', { name: 'Importer', exact: true }).click());
      await page.goto(`/crm?lead=${leadId}`);
      await expect(page.getByRole('dialog').first()).toBeVisible({ timeout: 30_000 });
      await audit(page, 'lead drawer', findings);
      await page.goto(`/crm/leads/${leadId}`);
      await audit(page, '/crm/leads/:id (lead record page)', findings);
    },
  },
  {
    name: 'email campaigns: list, create modal, campaign page',
    signedIn: true,
    visit: async (page, findings) => {
      const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
      const created = await page.request.post('/api/marketing/email-campaigns', {
        headers: { 'x-csrf-token': me.csrf_token },
        data: { name: 'Newsletter Novembre', subject: 'Les nouveautés du mois', html_content: '<p>Bonjour</p>' },
      });
      expect(created.ok()).toBe(true);
      await page.goto('/email-marketing');
      await expect(page.getByRole('article')).toHaveCount(1);
      await audit(page, '/email-marketing (campaign cards)', findings);
      await auditDialog(page, 'new campaign modal', findings, () => page.getByRole('button', { name: 'Créer', exact: true }).first().click());
      await page.goto(`/email-marketing/campaigns/${((await created.json()) as { id: string }).id}`);
      await expect(page.getByRole('textbox', { name: 'Contenu HTML' })).toBeVisible();
      await audit(page, '/email-marketing/campaigns/:id', findings);
      // A campaign of the block editor, opened as the step flow: its content step, with a block selected, and its review.
      await page.goto('/email-marketing');
      await page.getByRole('button', { name: 'Créer', exact: true }).first().click();
      await page.getByRole('dialog', { name: 'Nouvelle campagne' }).getByRole('textbox', { name: 'Nom de la campagne' }).fill('Offre de Noël');
      await page.getByRole('dialog', { name: 'Nouvelle campagne' }).getByRole('button', { name: 'Créer le brouillon' }).click();
      await expect(page.getByTestId('campaign-recipients')).toBeVisible();
      await audit(page, 'campaign steps: recipients', findings);
      await page.getByRole('button', { name: 'Suivant : Contenu' }).click();
      const canvas = page.getByRole('region', { name: 'Contenu de l’e-mail' });
      await canvas.getByRole('button', { name: 'Modifier le bloc « Bouton »' }).click();
      await audit(page, 'campaign steps: content (block editor)', findings);
      await page.getByRole('button', { name: 'Suivant : Expéditeur' }).click();
      await page.getByRole('button', { name: 'Suivant : Vérification' }).click();
      await expect(page.getByRole('region', { name: 'Vérification' })).toBeVisible();
      await audit(page, 'campaign steps: review', findings);
    },
  },
  {
    name: 'selling: step offers, sales statistics, the order form and the member sign-in',
    signedIn: true,
    visit: async (page, findings) => {
      const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
      const call = async (method: 'post' | 'put', path: string, data: unknown) => {
        const res = await page.request[method](path, { data, headers: { 'x-csrf-token': me.csrf_token } });
        expect(res.ok(), await res.text()).toBe(true);
        return res.json();
      };
      const priceOf = async (name: string, amount: number) =>
        ((await call('post', '/api/marketing/products', { name, prices: [{ kind: 'one_time', amount_cents: amount }] })) as { prices: { id: string }[] })
          .prices[0]!.id;
      const funnel = (await call('post', '/api/marketing/funnels/from-template', { template_id: 'product-fr', name: 'Formation' })) as { id: string };
      const pages = ((await (await page.request.get(`/api/marketing/funnels/${funnel.id}/pages`)).json()) as { items: { id: string; page_type: string }[] })
        .items;
      const sales = pages.find((p) => p.page_type === 'sales')!;
      await call('put', `/api/marketing/funnels/${funnel.id}/pages/${sales.id}/offer`, {
        price_id: await priceOf('Formation', 19_700),
        bump_price_id: await priceOf('Cahier', 2_700),
        bump_pitch: 'Les exercices à imprimer.',
      });
      await call('post', `/api/marketing/funnels/${funnel.id}/publish`, {});
      await page.goto(`/funnels/${funnel.id}`);
      await audit(page, 'funnel steps with offers', findings);
      await page
        .getByRole('group', { name: /^Étape 2/ })
        .getByRole('button', { name: 'Produit vendu' })
        .click();
      await expect(page.getByRole('dialog', { name: /Produit vendu/ })).toBeVisible();
      await audit(page, 'step offer dialog', findings);
      await page.goto(`/funnels/${funnel.id}?tab=stats`);
      await audit(page, 'funnel sales statistics', findings);
      const published = (
        (await (await page.request.get(`/api/marketing/funnels/${funnel.id}/pages`)).json()) as { items: { id: string; public_url: string | null }[] }
      ).items;
      await page.goto(published.find((p) => p.id === sales.id)!.public_url!);
      await expect(page.locator('form.mk-co')).toBeVisible();
      await audit(page, 'public order form (test provider)', findings);
      // A membership funnel's sign-in page.
      const club = (await call('post', '/api/marketing/funnels/from-template', { template_id: 'membership-fr', name: 'Club' })) as { id: string };
      await call('post', `/api/marketing/funnels/${club.id}/publish`, {});
      const publicOrigin = new URL(published[0]!.public_url!).origin;
      await page.goto(`${publicOrigin}/p/members/${club.id}`);
      await audit(page, 'member sign-in page', findings);
    },
  },
  {
    name: 'ads: the cards with figures, a campaign page, the create dialog and Settings > Publicités',
    signedIn: true,
    visit: async (page, findings) => {
      const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
      const headers = { 'x-csrf-token': me.csrf_token };
      const created = await page.request.post('/api/marketing/ad-campaigns', {
        data: { name: 'Webinaire', platform: 'facebook', status: 'active', daily_budget: 20, utm_campaign: 'webinaire' },
        headers,
      });
      expect(created.ok(), await created.text()).toBe(true);
      const campaign = (await created.json()) as { id: string };
      for (const [date, spend] of [
        ['2026-11-01', 18],
        ['2026-11-02', 35],
      ] as const) {
        const day = await page.request.put(`/api/marketing/ad-campaigns/${campaign.id}/metrics/${date}`, {
          data: { impressions: 4000, clicks: 30, spend, conversions: 1 },
          headers,
        });
        expect(day.ok(), await day.text()).toBe(true);
      }
      await page.goto('/ads');
      await expect(page.getByRole('heading', { name: 'Webinaire' })).toBeVisible();
      await audit(page, 'ads: campaign cards', findings);
      await page.getByRole('button', { name: 'Créer' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await audit(page, 'ads: create dialog', findings);
      await page.keyboard.press('Escape');
      await page.goto(`/ads/${campaign.id}`);
      await expect(page.getByRole('heading', { name: 'Webinaire', level: 1 })).toBeVisible();
      await audit(page, 'ads: campaign page', findings);
      await page.goto('/settings/ads');
      await audit(page, 'ads: settings', findings);
    },
  },
  {
    name: 'settings and module pages',
    signedIn: true,
    visit: async (page, findings) => {
      for (const path of [
        '/settings/team',
        '/settings/api-keys',
        '/settings/webhooks',
        '/settings/domains',
        '/settings/email',
        '/settings/outbox',
        '/settings/profile',
        '/settings/workspace',
        '/settings/payments',
        '/funnels',
        '/funnels?tab=products',
        '/funnels?tab=orders',
        '/email-marketing?tab=sequences',
        '/ads',
        '/nowhere',
      ]) {
        await page.goto(path);
        await audit(page, path, findings);
      }
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const journey of JOURNEYS) {
    test(`axe: ${journey.name} (${scheme})`, async ({ page }) => {
      // axe takes seconds per page on a busy machine: one journey may need several minutes.
      test.setTimeout(900_000);
      const findings: TFinding[] = [];
      await useScheme(page, scheme);
      if (journey.signedIn) await signUp(page, scheme);
      await journey.visit(page, findings);
      expect(report(findings)).toEqual([]);
    });
  }
}
