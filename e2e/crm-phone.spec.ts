import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

// A phone: 390 px wide, touch. The board shows one stage at a time.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`phone-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Atelier Mobile');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
}

/**
 * Scrolls the board sideways by one screen width, which is what a swipe does (the board snaps to the next
 * column). Chromium's synthetic touch gesture was not reliable enough on the shared test machine.
 */
async function swipe(page: Page) {
  await page.getByTestId('pipeline-board').evaluate((board) => board.scrollBy({ left: board.clientWidth }));
}

test('on a phone: add a lead, move it with its menu, follow it with the stage picker and a swipe', async ({ page }) => {
  await signUp(page);
  await page.goto('/crm');
  await page.getByRole('button', { name: '+ Ajouter' }).click();
  await page.getByRole('textbox', { name: 'Prénom' }).fill('Théo');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Lambert');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('theo.lambert@example.com');
  await page.getByRole('button', { name: 'Ajouter le lead' }).click();

  // One stage fills the width; the picker names it.
  const picker = page.getByRole('combobox', { name: 'Étape' });
  await expect(picker).toHaveValue('Nouveau (1)');
  const newColumn = page.getByTestId('column-new');
  const card = newColumn.getByRole('button', { name: 'Théo Lambert' });
  await expect(card).toBeInViewport();
  const board = (await page.getByTestId('pipeline-board').boundingBox())!;
  expect((await newColumn.boundingBox())!.width).toBeGreaterThan(board.width - 2);
  await expect(page.getByTestId('column-contacted')).not.toBeInViewport();

  // "Déplacer vers…" → Qualifié: the card leaves this stage, and the move can be undone from the notice.
  await newColumn.getByRole('button', { name: 'Déplacer vers…' }).click();
  await page.getByRole('menuitem', { name: 'Qualifié' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Théo Lambert déplacé vers Qualifié.' })).toBeVisible();
  await expect(newColumn.getByRole('button', { name: 'Théo Lambert' })).toHaveCount(0);

  // The stage picker shows the "Qualifié" column, with the card.
  await picker.click();
  await page.getByRole('option', { name: 'Qualifié (1)' }).click();
  const qualified = page.getByTestId('column-qualified');
  await expect(qualified.getByRole('button', { name: 'Théo Lambert' })).toBeInViewport();
  await expect(newColumn).not.toBeInViewport();

  // A swipe to the left shows the next stage, and the picker follows.
  await swipe(page);
  await expect(picker).toHaveValue('Proposition (0)');
  await expect(page.getByTestId('column-proposal')).toBeInViewport({ ratio: 0.9 });

  // The move survives a reload.
  await page.reload();
  await picker.click();
  await page.getByRole('option', { name: 'Qualifié (1)' }).click();
  await expect(page.getByTestId('column-qualified').getByRole('button', { name: 'Théo Lambert' })).toBeInViewport();
});
