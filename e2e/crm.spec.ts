import { expect, test, type Locator, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery';

// The width of most laptops, where the board used to wrap into rows and "Gagné" started 4,500 px down.
test.use({ viewport: { width: 1280, height: 720 } });

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Claire Dubois');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(`crm-${Date.now().toString(36)}@example.com`);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('textbox', { name: "Nom de l'espace de travail" }).fill('Cabinet Conseil');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('link', { name: 'Tableau de bord' })).toBeVisible();
}

/** Creates leads through the API (the session's cookie and CSRF token), one request each, in order. */
async function createLeads(page: Page, leads: Record<string, unknown>[]) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrf_token: string };
  for (const lead of leads) {
    const res = await page.request.post('/api/marketing/leads', { data: lead, headers: { 'x-csrf-token': me.csrf_token } });
    expect(res.status()).toBe(201);
  }
}

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);

/**
 * Drags a card onto a column with real mouse moves, as dnd-kit's mouse sensor needs. A column out of view is
 * reached as a user would: holding the card near the board's edge, which scrolls the board sideways.
 */
async function drag(page: Page, card: Locator, target: Locator) {
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const board = (await page.getByTestId('pipeline-board').boundingBox())!;
  const y = from.y + from.height / 2;
  await page.mouse.move(from.x + from.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, y + 10, { steps: 5 });
  for (let i = 0; i < 100; i++) {
    const to = (await target.boundingBox())!;
    if (to.x >= board.x - 1 && to.x + to.width <= board.x + board.width + 1) break;
    await page.mouse.move(to.x > board.x ? board.x + board.width - 5 : board.x + 5, y, { steps: 2 });
    await page.waitForTimeout(50);
  }
  // Off the edge first, so the board stops scrolling, then measure the target where it came to rest: on a busy
  // machine the board scrolled on under a drop aimed at where the column had been (CI, 1 run in 4).
  await page.mouse.move(board.x + board.width / 2, y, { steps: 5 });
  await page.waitForTimeout(300);
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.waitForTimeout(100);
  await page.mouse.up();
}

test('add a lead and drag it across the pipeline, to "Gagné" out of view and to "Perdu" with a reason', async ({ page }) => {
  await signUp(page);
  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  await page.getByRole('button', { name: '+ Ajouter' }).click();
  await page.getByRole('textbox', { name: 'Prénom' }).fill('Élodie');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Garnier');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('elodie.garnier@example.com');
  await page.getByRole('textbox', { name: 'Valeur estimée' }).fill('1200');
  await page.getByRole('button', { name: 'Ajouter le lead' }).click();

  const card = column(page, 'new').getByRole('button', { name: 'Élodie Garnier' });
  await expect(card).toBeVisible();
  await expect(page.getByText('Pipeline en cours').locator('..')).toContainText(/1\s200\s€/);

  // One row of 280 px columns at 1280 px, never wrapped: "Gagné" is beside "Nouveau", off to the right.
  const newBox = (await column(page, 'new').boundingBox())!;
  const wonBox = (await column(page, 'won').boundingBox())!;
  expect(Math.round(newBox.width)).toBe(280);
  expect(wonBox.y).toBe(newBox.y);
  expect(wonBox.x).toBeGreaterThan(1280);

  await drag(page, card, column(page, 'qualified'));
  await expect(column(page, 'qualified').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Élodie Garnier déplacé vers Qualifié.' })).toBeVisible();
  await page.reload();
  await expect(column(page, 'qualified').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();

  await drag(page, column(page, 'qualified').getByRole('button', { name: 'Élodie Garnier' }), column(page, 'won'));
  await expect(column(page, 'won').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();
  await expect(column(page, 'won').getByLabel('1 lead', { exact: true })).toBeVisible();
  await page.reload();
  await expect(column(page, 'won').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();

  await drag(page, column(page, 'won').getByRole('button', { name: 'Élodie Garnier' }), column(page, 'lost'));
  await page.getByRole('textbox', { name: 'Raison de la perte' }).fill('Budget insuffisant');
  await page.getByRole('button', { name: 'Marquer comme perdu' }).click();
  await expect(column(page, 'lost').getByRole('button', { name: 'Élodie Garnier' })).toBeVisible();

  // A duplicate email is refused on its field.
  await page.getByRole('button', { name: '+ Ajouter' }).click();
  await page.getByRole('textbox', { name: 'E-mail' }).fill('ELODIE.GARNIER@example.com');
  await page.getByRole('button', { name: 'Ajouter le lead' }).click();
  await expect(page.getByText('Un lead avec cet e-mail existe déjà.')).toBeVisible();
});

test('the keyboard: one tab stop per column, arrows inside, "Déplacer vers…" and Annuler', async ({ page }) => {
  await signUp(page);
  await createLeads(page, [
    { first_name: 'Anne', last_name: 'Leroy', status: 'contacted' },
    { first_name: 'Bruno', last_name: 'Petit', status: 'contacted' },
    { first_name: 'Chloé', last_name: 'Roux', status: 'new' },
  ]);
  await page.goto('/crm');
  const chloe = column(page, 'new').getByRole('button', { name: 'Chloé Roux' });
  await expect(chloe).toBeVisible();

  // Tab goes from column to column (the newest card of each first), not from card to card.
  await chloe.focus();
  await page.keyboard.press('Tab');
  const bruno = column(page, 'contacted').getByRole('button', { name: 'Bruno Petit' });
  await expect(bruno).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const anne = column(page, 'contacted').getByRole('button', { name: 'Anne Leroy' });
  await expect(anne).toBeFocused();
  await expect(anne).toHaveAttribute('tabindex', '0');
  await expect(bruno).toHaveAttribute('tabindex', '-1');

  // The right arrow reaches the card's menu; Enter opens it; the stage is chosen with the arrows and Enter.
  await page.keyboard.press('ArrowRight');
  await expect(column(page, 'contacted').getByRole('button', { name: 'Déplacer vers…' }).last()).toBeFocused();
  await page.keyboard.press('Enter');
  const won = page.getByRole('menuitem', { name: 'Gagné' });
  await expect(won).toBeVisible();
  while (!(await won.evaluate((item) => item === item.ownerDocument.activeElement))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  // The card moved, keeps the focus in its new column, and the move can be undone.
  const moved = column(page, 'won').getByRole('button', { name: 'Anne Leroy' });
  await expect(moved).toBeFocused();
  const notice = page.getByRole('alert').filter({ hasText: 'Anne Leroy déplacé vers Gagné.' });
  await notice.getByRole('button', { name: 'Annuler' }).click();
  await expect(column(page, 'contacted').getByRole('button', { name: 'Anne Leroy' })).toBeVisible();
  await expect(column(page, 'won').getByRole('button', { name: 'Anne Leroy' })).toHaveCount(0);
  await page.reload();
  await expect(column(page, 'contacted').getByRole('button', { name: 'Anne Leroy' })).toBeVisible();

  // Moving to "Perdu" from the menu still asks why.
  await column(page, 'new').getByRole('button', { name: 'Déplacer vers…' }).click();
  await page.getByRole('menuitem', { name: 'Perdu' }).click();
  await page.getByRole('textbox', { name: 'Raison de la perte' }).fill('Pas le bon moment');
  await page.getByRole('button', { name: 'Marquer comme perdu' }).click();
  await expect(column(page, 'lost').getByRole('button', { name: 'Chloé Roux' })).toBeVisible();
});

test('a column loads more cards as it scrolls, and says how many there are', async ({ page }) => {
  await signUp(page);
  const leads = Array.from({ length: 62 }, (_, i) => ({ first_name: 'Prospect', last_name: String(i + 1).padStart(2, '0'), status: 'proposal' }));
  await createLeads(page, leads);
  await page.goto('/crm');
  const proposal = column(page, 'proposal');
  await proposal.scrollIntoViewIfNeeded();
  await expect(proposal.getByRole('listitem')).toHaveCount(50);
  await expect(proposal.getByText('50 sur 62 affichés')).toBeVisible();
  await expect(proposal.getByLabel('62 leads')).toBeVisible();

  // Scrolling the column (not the page) to its end brings the next page: the oldest leads.
  const box = (await proposal.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 20 && (await proposal.getByRole('listitem').count()) < 62; i++) await page.mouse.wheel(0, 2000);
  await expect(proposal.getByRole('listitem')).toHaveCount(62);
  await expect(proposal.getByRole('button', { name: 'Prospect 01' })).toBeVisible();
  await expect(proposal.getByText(/affichés/)).toHaveCount(0);
});
