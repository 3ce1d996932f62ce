import { expect, test, type Page } from '@playwright/test';

// Settings > IA et marque through the real UI: the writer in use (the built-in generator here: no AI_* variable is
// set), the brand kit saved and found again after a reload; then the email editor's "IA" menu shortening a selected
// text with the built-in generator, which needs no model.

const PASSWORD = 'correct horse battery';
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`ai-${suffix()}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Atelier Lumière');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

test('save a brand kit (name, colours, tone, a word to avoid) and find it after a reload', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'IA et marque' }).click();
  await expect(page).toHaveURL(/\/settings\/ai$/);
  // No model on this server: the built-in generator writes, and the page says how to connect one.
  await expect(page.getByTestId('ai-writer')).toHaveText('Générateur intégré, sans IA');
  await expect(page.getByText('AI_BASE_URL', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'votre propre fournisseur d’IA' })).toBeVisible();

  const kit = page.getByRole('form', { name: 'Charte de marque' });
  await kit.getByRole('textbox', { name: 'Nom de la marque' }).fill('Atelier Lumière');
  await kit.getByRole('combobox', { name: 'Ton' }).click();
  await page.getByRole('option', { name: 'Chaleureux', exact: true }).click();
  await kit.getByRole('textbox', { name: 'Couleur principale' }).fill('#0f7b6c');
  await kit.getByRole('textbox', { name: 'Couleur secondaire' }).fill('#e8590c');
  await kit.getByRole('combobox', { name: 'Mots à éviter' }).fill('gratuit');
  await page.keyboard.press('Enter');
  await kit.getByRole('textbox', { name: 'Offre principale' }).fill('Un accompagnement de 8 semaines pour lancer sa formation en ligne.');

  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/api/marketing/ai/brand-kit'));
  await kit.getByRole('button', { name: 'Enregistrer la charte' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByText('Charte de marque enregistrée.')).toBeVisible();

  await page.reload();
  const again = page.getByRole('form', { name: 'Charte de marque' });
  await expect(again.getByRole('textbox', { name: 'Nom de la marque' })).toHaveValue('Atelier Lumière');
  await expect(again.getByRole('combobox', { name: 'Ton' })).toHaveValue('Chaleureux');
  await expect(again.getByRole('textbox', { name: 'Couleur principale' })).toHaveValue('#0f7b6c');
  await expect(again.getByRole('textbox', { name: 'Couleur secondaire' })).toHaveValue('#e8590c');
  await expect(again.getByText('gratuit', { exact: true })).toBeVisible();
  await expect(again.getByRole('textbox', { name: 'Offre principale' })).toHaveValue('Un accompagnement de 8 semaines pour lancer sa formation en ligne.');
});

test('in the email editor, "Raccourcir" on a selected text replaces it, without any model', async ({ page }) => {
  await signUp(page);
  await page.goto('/email-marketing');
  await page.getByRole('button', { name: 'Créer', exact: true }).first().click();
  const create = page.getByRole('dialog', { name: 'Nouvelle campagne' });
  await create.getByRole('textbox', { name: 'Nom de la campagne' }).fill('Lancement du programme');
  await create.getByRole('button', { name: 'Créer le brouillon' }).click();
  await expect(page.getByRole('heading', { name: 'Lancement du programme', level: 1 })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('button', { name: 'Suivant : Contenu' }).click();

  const canvas = page.getByRole('region', { name: 'Contenu de l’e-mail' });
  const panel = page.getByRole('complementary', { name: 'Propriétés' });
  await canvas.getByRole('button', { name: 'Modifier le bloc « Texte »' }).first().click();
  const text = panel.getByRole('textbox', { name: 'Texte' });
  const original =
    'Vous rêvez de lancer votre formation en ligne mais vous ne savez pas par où commencer ? Pendant huit semaines, nous construisons ensemble votre programme, votre page de vente et vos premiers e-mails, pas à pas, pour que vous puissiez accueillir vos premiers élèves sereinement.';
  await text.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(original);
  await expect(text).toHaveText(original);

  // The whole text selected, then IA > Raccourcir: the built-in generator answers, the selection is replaced.
  await text.click();
  await page.keyboard.press('ControlOrMeta+A');
  const rewritten = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/marketing/ai/rewrite'));
  await panel.getByRole('button', { name: 'IA : réécrire le texte sélectionné' }).click();
  await page.getByRole('menuitem', { name: 'Raccourcir' }).click();
  const response = await rewritten;
  expect(response.status()).toBe(200);
  const answer = (await response.json()) as { text: string; writer: string };
  expect(answer.writer).toBe('builtin');
  expect(answer.text.trim().length).toBeGreaterThan(0);
  expect(answer.text.trim()).not.toBe(original);

  await expect(text).not.toHaveText(original);
  await expect(text).toContainText(answer.text.trim().slice(0, 20));
  const shortened = (await text.innerText()).trim();
  expect(shortened.length).toBeLessThan(original.length);
  // Plain text: nothing of the answer became markup.
  await expect(text.locator('script, img, a')).toHaveCount(0);

  // Saved with the campaign (the editor's autosave), and shown in the canvas.
  await expect(canvas).toContainText(shortened.slice(0, 20));
  type TDoc = { sections: { columns: { blocks: { type: string; html?: string }[] }[] }[] };
  // The block's HTML as text: tags out, the entities the server's allow-list writes decoded.
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'" };
  const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_, name: string) => entities[name]!);
  const words = (value: string) => value.replace(/[\s\u00a0\u202f]+/g, '');
  await expect(async () => {
    const campaign = (await (await page.request.get(`/api/marketing/email-campaigns/${id}`)).json()) as { editor_document: TDoc };
    const block = campaign.editor_document.sections.flatMap((s) => s.columns.flatMap((c) => c.blocks)).find((b) => b.type === 'text')!;
    const stored = textOf(block.html ?? '');
    expect(words(stored)).toBe(words(shortened));
  }).toPass({ timeout: 15_000 });
});
