import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import type { TFunnel, TFunnelPage, TFunnelPageSummary } from '../../contracts/funnels.js';

// Races between two requests on a funnel (PostgreSQL only: PGlite runs requests one after the other, so a race there
// proves nothing): one slug asked twice at once, a reorder against a delete, a publication against an edit.

const onPostgres = process.env.TEST_DB === 'postgres';
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function funnelWithPages(owner: SignedUp, count: number) {
  const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Course', funnel_type: 'product' })).json() as TFunnel;
  const pages: TFunnelPage[] = [];
  for (let i = 0; i < count; i++) {
    pages.push(
      (await owner.client.post(`/api/marketing/funnels/${funnel.id}/pages`, { name: `Page ${i}`, page_type: 'sales', html_content: `<h1>v${i}</h1>` })).json(),
    );
  }
  return { funnel, pages };
}

async function pagesOf(owner: SignedUp, funnelId: string) {
  return ((await owner.client.get(`/api/marketing/funnels/${funnelId}/pages`)).json() as { items: TFunnelPageSummary[] }).items;
}

describe.runIf(onPostgres)('funnel races (PostgreSQL)', () => {
  it('gives a slug asked by two workspaces at once to one of them, and the other a 409 slug_taken', async () => {
    const [a, b] = [await signUp(t.app), await signUp(t.app)];
    const slug = `meme-adresse-${Date.now().toString(36)}`;
    const answers = await Promise.all([a, b].map((owner) => owner.client.post('/api/marketing/funnels', { name: 'Même', funnel_type: 'service', slug })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().reason).toBe('slug_taken');
  });

  it('keeps positions 0..n-1 when a reorder and a delete run at once', async () => {
    const owner = await signUp(t.app);
    for (let round = 0; round < 5; round++) {
      const { funnel, pages } = await funnelWithPages(owner, 4);
      const reversed = [...pages].reverse().map((p) => p.id);
      const [reorder, remove] = await Promise.all([
        owner.client.post(`/api/marketing/funnels/${funnel.id}/pages/reorder`, { page_ids: reversed }),
        owner.client.delete(`/api/marketing/funnels/${funnel.id}/pages/${pages[1]!.id}`),
      ]);
      expect(remove.statusCode).toBe(204);
      // The reorder ran first (200), or after the delete and named a page that is gone (400: reload and retry).
      expect([200, 400]).toContain(reorder.statusCode);
      const after = await pagesOf(owner, funnel.id);
      expect(after.map((p) => p.order)).toEqual([0, 1, 2]);
      expect(after.map((p) => p.id)).not.toContain(pages[1]!.id);
    }
  });

  it('never marks a page up to date when its edit missed the publication running beside it', async () => {
    const owner = await signUp(t.app);
    for (let round = 0; round < 5; round++) {
      const { funnel, pages } = await funnelWithPages(owner, 2);
      const page = pages[0]!;
      const marker = `édition-${round}`;
      const [edit, publish] = await Promise.all([
        owner.client.patch(`/api/marketing/funnels/${funnel.id}/pages/${page.id}`, { html_content: `<h1>${marker}</h1>` }),
        owner.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {}),
      ]);
      expect([edit.statusCode, publish.statusCode]).toEqual([200, 200]);
      const summary = (await pagesOf(owner, funnel.id)).find((p) => p.id === page.id)!;
      const live = await t.publicApp.inject({ method: 'GET', url: `/${funnel.slug}/${summary.slug}`, headers: { 'user-agent': 'Mozilla/5.0 Firefox/130.0' } });
      // Either the publication saw the edit (live, nothing pending) or it did not (not live yet, and said so).
      expect(summary.has_unpublished_changes).toBe(!live.body.includes(marker));
    }
  });
});
