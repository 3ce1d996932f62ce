import { expect, test, type Page } from '@playwright/test';

// E-mail marketing > Campagnes through the real UI: create a draft, see a template error in French, save,
// find it as a card, duplicate it, search, delete the copy; then send a campaign (kept in the outbox: no SMTP
// here), click its link as the recipient would, watch the report move, and unsubscribe.

const PASSWORD = 'correct horse battery';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`email-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Atelier Dubois');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** "+ Créer" on the campaigns page, a name, "Créer le brouillon": the new draft's page opens; returns its id. */
async function createDraft(page: Page, name: string): Promise<string> {
  await page.goto('/email-marketing');
  await page.getByRole('button', { name: 'Créer', exact: true }).first().click();
  const create = page.getByRole('dialog', { name: 'Nouvelle campagne' });
  await create.getByRole('textbox', { name: 'Nom de la campagne' }).fill(name);
  await create.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

test('write a campaign draft, fix a template error, duplicate it, find it, delete the copy', async ({ page }) => {
  test.slow();
  await signUp(page);
  await page.getByRole('link', { name: 'E-mail marketing' }).click();
  await expect(page.getByRole('heading', { name: 'E-mail marketing', level: 1 })).toBeVisible();
  await expect(page.getByText('Vos campagnes apparaîtront ici', { exact: false })).toBeVisible();

  // "+ Créer": the name is required, said in French.
  await page.getByRole('button', { name: 'Créer', exact: true }).first().click();
  const create = page.getByRole('dialog', { name: 'Nouvelle campagne' });
  await create.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(create.getByText('Ce champ est obligatoire', { exact: false })).toBeVisible();
  await create.getByRole('textbox', { name: 'Nom de la campagne' }).fill('Newsletter Novembre');
  await create.getByRole('textbox', { name: 'Objet' }).fill('Bonjour {{ lead.first_name | default: "ami" }}');
  await create.getByRole('button', { name: 'Créer le brouillon' }).click();

  // The step flow: recipients first. Who it would reach now: a new workspace has no lead yet.
  await expect(page.getByRole('heading', { name: 'Newsletter Novembre', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\?step=recipients$/);
  await expect(page.getByTestId('campaign-recipients')).toContainText('0 destinataire aujourd’hui');
  await page.getByRole('button', { name: 'Suivant : Contenu' }).click();
  // It starts in the block editor; this one is written in HTML instead (the blocks are lost, confirmed first).
  await expect(page.getByRole('region', { name: 'Contenu de l’e-mail' })).toContainText('Votre titre');
  await page.getByRole('radiogroup', { name: 'Mode d’édition du contenu' }).getByText('HTML', { exact: true }).click();
  await page.getByRole('dialog', { name: 'Passer en HTML ?' }).getByRole('button', { name: 'Passer en HTML' }).click();
  await expect(page.getByText('La campagne est maintenant en HTML.')).toBeVisible();
  const html = page.getByRole('textbox', { name: 'Contenu HTML' });
  await expect(html).toHaveValue(/Votre titre/);
  // "Suivant" saves first: a template error keeps the step, said in French.
  await html.fill('<p>Bonjour {{ lead.first_name </p>');
  await page.getByRole('button', { name: 'Suivant : Expéditeur' }).click();
  await expect(page.getByText(/Modèle de personnalisation invalide \(ligne 1, colonne \d+\)/)).toBeVisible();
  await expect(page).toHaveURL(/\?step=content$/);
  await html.fill('<p>Bonjour {{ lead.first_name }}</p>');
  await page.getByRole('button', { name: 'Suivant : Expéditeur' }).click();
  await expect(page.getByText('Campagne enregistrée.').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Adresse de l’expéditeur' }).fill('bonjour@atelier-dubois.fr');
  await page.getByRole('button', { name: 'Suivant : Vérification' }).click();
  // The review: what goes, to whom, from whom, and the send.
  await expect(page.getByRole('heading', { name: 'Envoi', exact: true })).toBeVisible();
  const review = page.getByRole('region', { name: 'Vérification' });
  await expect(review).toContainText('Nom de l’espace de travail <bonjour@atelier-dubois.fr>');
  await expect(review).toContainText('HTML');
  await page.getByRole('button', { name: 'Voir toute la campagne' }).click();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeVisible();

  // Back to the list: the card, its status, no rates before anything is delivered, no report yet.
  await page.getByRole('link', { name: 'Toutes les campagnes' }).click();
  const card = page.getByRole('article', { name: 'Newsletter Novembre' });
  await expect(card.getByText('Brouillon')).toBeVisible();
  await expect(card.getByText('— ouverture')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Rapport' })).toHaveAttribute('aria-disabled', 'true');

  // Duplicate: the copy opens with the same content.
  await card.getByRole('button', { name: 'Dupliquer' }).click();
  await expect(page.getByRole('heading', { name: 'Newsletter Novembre (copie)', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Contenu HTML' })).toHaveValue('<p>Bonjour {{ lead.first_name }}</p>');
  await page.getByRole('link', { name: 'Toutes les campagnes' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('copie');
  await expect(page.getByRole('article')).toHaveCount(1);

  // Delete the copy from its page.
  await page.getByRole('article', { name: 'Newsletter Novembre (copie)' }).getByRole('link', { name: 'Voir' }).click();
  await page.getByRole('button', { name: 'Supprimer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('Campagne « Newsletter Novembre (copie) » supprimée.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Newsletter Novembre' })).toBeVisible();
});

test('send a campaign, click its link from the outbox, see the report move, unsubscribe', async ({ page }) => {
  test.slow();
  await signUp(page);
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  const origin = new URL(page.url()).origin;
  const headers = { 'x-csrf-token': me.csrf_token, origin };
  // The campaign's link leads to a page of the app itself (no outside network here).
  const destination = `${origin}/login?from=newsletter`;
  const email = `lea-${Date.now().toString(36)}@exemple.fr`;
  expect((await page.request.post('/api/marketing/leads', { data: { first_name: 'Léa', email }, headers })).status()).toBe(201);

  // "+ Créer" opens the block editor on a starter email (heading, text, button, footer).
  await page.getByRole('link', { name: 'E-mail marketing' }).click();
  await page.getByRole('button', { name: 'Créer', exact: true }).first().click();
  const create = page.getByRole('dialog', { name: 'Nouvelle campagne' });
  await create.getByRole('textbox', { name: 'Nom de la campagne' }).fill('Offre de Noël');
  await create.getByRole('textbox', { name: 'Objet' }).fill('Bonjour {{ lead.first_name }}');
  await create.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(page.getByRole('heading', { name: 'Offre de Noël', level: 1 })).toBeVisible();
  const campaign = { id: new URL(page.url()).pathname.split('/').pop()! };
  await page.getByRole('button', { name: 'Suivant : Contenu' }).click();
  const canvas = page.getByRole('region', { name: 'Contenu de l’e-mail' });
  const panel = page.getByRole('complementary', { name: 'Propriétés' });
  const saved = () => page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(campaign.id) && r.ok());

  // The starter button goes (its buttons: edit, move, copy, delete), a text and a button with a link come in.
  await canvas.getByRole('button', { name: 'Supprimer (Bouton)' }).click();
  await expect(canvas).not.toContainText('En savoir plus');
  await canvas.getByRole('button', { name: 'Modifier le bloc « Texte »' }).nth(1).click();
  await page.getByRole('button', { name: 'Ajouter le bloc « Texte »' }).click();
  const text = panel.getByRole('textbox', { name: 'Texte' });
  await text.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Une offre pour vous, {{ lead.first_name }} !');
  await page.getByRole('button', { name: 'Ajouter le bloc « Bouton »' }).click();
  await panel.getByRole('textbox', { name: 'Texte du bouton' }).fill('Voir l’offre');
  // A link must be http(s), mailto: or Liquid: said at once, saved once fixed.
  await panel.getByRole('textbox', { name: 'Lien du bouton' }).fill('javascript:alert(1)');
  await expect(panel.getByText('Saisissez une adresse commençant par https://, mailto: ou une variable.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Non enregistré' })).toBeVisible();
  const autosaved = saved();
  await panel.getByRole('textbox', { name: 'Lien du bouton' }).fill(destination);
  await autosaved;
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await expect(canvas).toContainText('Une offre pour vous, {{ lead.first_name }} !');
  await expect(canvas).toContainText('Voir l’offre');

  // Undo and redo (Ctrl+Z outside a field).
  await canvas.getByRole('button', { name: 'Supprimer (Bouton)' }).click();
  await expect(canvas).not.toContainText('Voir l’offre');
  await page.getByRole('button', { name: 'Annuler (Ctrl+Z)' }).click();
  await expect(canvas).toContainText('Voir l’offre');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(canvas).not.toContainText('Voir l’offre');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(canvas).toContainText('Voir l’offre');

  // The server's preview: the compiled email, on a desktop and a phone width, as Léa.
  await page.getByRole('button', { name: 'Aperçu et test' }).first().click();
  const preview = page.getByRole('dialog', { name: 'Aperçu de la campagne' });
  const frame = preview.frameLocator('iframe');
  await expect(frame.getByText('Voir l’offre')).toBeVisible();
  await expect(frame.getByText('Une offre pour vous, Marie !')).toBeVisible();
  await expect(preview.locator('iframe')).toHaveCSS('max-width', '600px');
  await preview.getByText('Mobile', { exact: true }).click();
  await expect(preview.locator('iframe')).toHaveCSS('max-width', '375px');
  await preview.getByRole('combobox', { name: 'Aperçu en tant que' }).fill('Léa');
  await page.getByRole('option', { name: new RegExp(`Léa · ${email}`) }).click();
  await expect(frame.getByText('Une offre pour vous, Léa !')).toBeVisible();
  await preview.getByRole('button', { name: 'Fermer' }).click();

  // The postal address is required before a first send: the send says so in French, then Settings takes it.
  await page.getByRole('button', { name: 'Suivant : Expéditeur' }).click();
  await page.getByRole('button', { name: 'Suivant : Vérification' }).click();
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(page.getByText('Renseignez l’adresse postale', { exact: false })).toBeVisible();
  await page.goto('/settings/workspace');
  await page.getByRole('textbox', { name: 'Adresse postale' }).fill('12 rue des Lilas, 75011 Paris');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Espace de travail', { exact: false }).first()).toBeVisible();
  await expect
    .poll(async () => ((await (await page.request.get('/api/workspace')).json()) as { postal_address: string }).postal_address)
    .toBe('12 rue des Lilas, 75011 Paris');

  // Send: the progress moves to completed (the worker sends it into the outbox).
  await page.goto(`/email-marketing/campaigns/${campaign.id}`);
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(page.getByText('Envoi lancé.')).toBeVisible();
  await expect(page.getByTestId('send-progress')).toContainText('Envoi terminé : 1 messages envoyés', { timeout: 30_000 });

  // The recipient's message, from the outbox: its tracked link and its unsubscribe link on the public server.
  const outbox = (await (await page.request.get('/api/workspace/outbox')).json()) as { items: { to_address: string; html_body: string | null }[] };
  const html = outbox.items.find((m) => m.to_address === email)!.html_body!;
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const click = hrefs.find((h) => h.includes('/e/c/'))!;
  const unsubscribe = hrefs.find((h) => h.includes('/e/u/'))!;
  await new Promise((resolve) => setTimeout(resolve, 3000)); // a person does not click within the scanners' seconds
  // The recipient's own browser: headless Chromium's user agent says HeadlessChrome, which counts as a machine.
  const recipientContext = await page.context().browser()!.newContext({
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    locale: 'fr-FR',
  });
  const recipient = await recipientContext.newPage();
  await recipient.goto(click);
  const landed = new URL(recipient.url());
  expect(landed.searchParams.get('from')).toBe('newsletter');
  expect(landed.searchParams.get('utm_medium')).toBe('email');

  // The report: one delivered, one open (the click counts as one), one click on the link.
  await page.getByRole('link', { name: 'Voir le rapport' }).click();
  await expect(page.getByRole('heading', { name: 'Rapport : Offre de Noël', level: 1 })).toBeVisible();
  await expect(page.getByText('Taux de clic').locator('..')).toContainText('100');
  await expect(page.getByRole('cell', { name: destination })).toBeVisible();

  // Unsubscribe from the page the link opens (no cookie needed), then the report counts it.
  await recipient.goto(unsubscribe);
  await recipient.getByRole('button', { name: 'Me désinscrire de tous les e-mails' }).click();
  await expect(
    recipient.getByText('vous ne recevrez plus d’e-mails', { exact: false }).or(recipient.getByText("vous ne recevrez plus d'e-mails", { exact: false })),
  ).toBeVisible();
  await recipientContext.close();
  await page.reload();
  await expect(page.getByText('Désinscriptions').locator('..')).toContainText('1');
});

test('on a phone, add a block from the menu and edit it in the drawer', async ({ page }) => {
  test.slow();
  await signUp(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const campaignId = await createDraft(page, 'Depuis mon téléphone');
  // The step flow on a phone: where it is, in words.
  await expect(page.getByText('Étape 1 sur 4 : Destinataires')).toBeVisible();
  await page.getByRole('button', { name: 'Suivant : Contenu' }).click();
  await expect(page.getByText('Étape 2 sur 4 : Contenu')).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter un bloc' }).click();
  await page.getByRole('menuitem', { name: 'Bouton' }).click();
  const drawer = page.getByRole('dialog', { name: 'Propriétés' });
  await drawer.getByRole('textbox', { name: 'Texte du bouton' }).fill('Réserver');
  const autosaved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(campaignId) && r.ok());
  await drawer.getByRole('textbox', { name: 'Lien du bouton' }).fill('https://exemple.fr/reserver');
  await autosaved;
  await drawer.getByRole('button', { name: 'Fermer' }).click();
  const canvas = page.getByRole('region', { name: 'Contenu de l’e-mail' });
  await expect(canvas).toContainText('Réserver');
  // Nothing wider than the screen.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  const saved = (await (await page.request.get(`/api/marketing/email-campaigns/${campaignId}`)).json()) as { html_content: string };
  expect(saved.html_content).toContain('https://exemple.fr/reserver');
});

test('an image block takes a picture uploaded to the media library, offered again there, and the email carries it', async ({ page }) => {
  test.slow();
  await signUp(page);
  const campaignId = await createDraft(page, 'Avec une photo');
  await page.getByRole('button', { name: 'Suivant : Contenu' }).click();
  await page.getByRole('button', { name: 'Ajouter le bloc « Image »' }).click();
  const panel = page.getByRole('complementary', { name: 'Propriétés' });
  // A 1×1 PNG, uploaded from the panel: it gets its address on the public server.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Téléverser une image' }).click();
  const autosaved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(campaignId) && r.ok());
  await (await chooser).setFiles({ name: 'atelier-photo.png', mimeType: 'image/png', buffer: png });
  await expect(panel.getByRole('textbox', { name: 'Adresse de l’image' })).toHaveValue(/\/files\/[\w-]+$/);
  await autosaved;
  // The library offers it again.
  await panel.getByRole('button', { name: 'Médiathèque' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Choisir une image de la médiathèque' }).getByRole('button', { name: 'Choisir atelier-photo.png' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  const saved = (await (await page.request.get(`/api/marketing/email-campaigns/${campaignId}`)).json()) as { html_content: string };
  expect(saved.html_content).toMatch(/src="http:\/\/127\.0\.0\.1:\d+\/files\/[\w-]+"/);
  expect(saved.html_content).toContain('alt="atelier-photo"');
});

test('markup hidden in a Liquid tag of a text block is never run by a member who opens the campaign', async ({ page, baseURL }) => {
  await signUp(page);
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  const headers = { 'x-csrf-token': me.csrf_token, origin: baseURL! };
  const id = await createDraft(page, 'Piégée');
  type TDoc = { sections: { columns: { blocks: { type: string; html?: string }[] }[] }[] };
  const campaign = (await (await page.request.get(`/api/marketing/email-campaigns/${id}`)).json()) as { editor_document: TDoc };
  const doc = campaign.editor_document;
  const text = doc.sections.flatMap((s) => s.columns.flatMap((c) => c.blocks)).find((b) => b.type === 'text')!;
  // Entities inside a Liquid tag survive the server's allow-list as markup: the editor must not draw it as such.
  text.html = `<p>{{ '&lt;img src=x onerror="window.__xss=1"&gt;' }}</p>`;
  expect((await page.request.patch(`/api/marketing/email-campaigns/${id}`, { data: { editor_document: doc }, headers })).ok()).toBe(true);
  await page.goto(`/email-marketing/campaigns/${id}`);
  const canvas = page.getByRole('region', { name: 'Contenu de l’e-mail' });
  await expect(canvas).toContainText('Écrivez votre message ici.');
  await canvas.getByRole('button', { name: 'Modifier le bloc « Texte »' }).first().click();
  await page.waitForTimeout(500);
  expect(await page.evaluate('window.__xss')).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('screenshots of the block editor, light and dark, desktop and phone', async ({ browser, page: first, baseURL }) => {
  test.slow();
  await signUp(first);
  await first.goto('/email-marketing');
  await first.getByRole('button', { name: 'Créer', exact: true }).first().click();
  await first.getByRole('dialog', { name: 'Nouvelle campagne' }).getByRole('textbox', { name: 'Nom de la campagne' }).fill('Newsletter de printemps');
  await first.getByRole('dialog', { name: 'Nouvelle campagne' }).getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(first.getByRole('heading', { name: 'Newsletter de printemps', level: 1 })).toBeVisible();
  const path = new URL(first.url()).pathname;
  const state = await first.context().storageState();
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        baseURL,
        storageState: state,
        viewport,
        colorScheme: scheme,
        locale: 'fr-FR',
        isMobile: device === 'phone',
        hasTouch: device === 'phone',
      });
      await context.addInitScript({ content: `localStorage.setItem('mk-color-scheme', '${scheme}')` });
      const page = await context.newPage();
      await page.goto(path);
      const canvas = page.getByRole('region', { name: 'Contenu de l’e-mail' });
      await expect(canvas).toContainText('Votre titre');
      await canvas.getByRole('button', { name: 'Modifier le bloc « Bouton »' }).click({ force: true });
      if (device === 'phone') await expect(page.getByRole('dialog', { name: 'Propriétés' })).toBeVisible();
      else await canvas.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `docs/screenshots/email-editor-${device}-${scheme}.png` });
      await context.close();
    }
  }
});
