import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import type { TBrandKit, TGeneratedAdCampaign, TGeneratedEmailCampaign, TGeneratedFunnel } from '../../../contracts/ai.js';

// The routes around the writers: the three endpoints' answers (JSON and streamed), the records kept, regeneration,
// the hourly limits and the brand kit. The writers' own output is tested beside them (funnels/, email/, ads/).

let t: TestContext;
let owner: SignedUp;

beforeAll(async () => {
  // A member may start 6 generations an hour here (the limit test, last, spends the rest).
  t = await startTestApp({ AI_USER_GENERATIONS_PER_HOUR: '6' });
  owner = await signUp(t.app);
});
afterAll(async () => t.close());

/** The events of a text/event-stream body, in order. */
function events(body: string): { event: string; data: unknown }[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))!.slice(7);
      const data = JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) as unknown;
      return { event, data };
    });
}

describe('AI generation routes', () => {
  it('saves the brand kit the generations use, and refuses a logo that is not one of its images', async () => {
    const empty = (await owner.client.get('/api/marketing/ai/brand-kit')).json<TBrandKit>();
    expect(empty).toMatchObject({ brand_name: '', tone: 'professional', language: 'fr', updated_at: null });
    const saved = await owner.client.put('/api/marketing/ai/brand-kit', {
      brand_name: 'Atelier Clara',
      tone: 'chaleureux',
      primary_color: '#7b2cbf',
      words_to_avoid: ['pas cher', 'pas cher', ' gratuit '],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<TBrandKit>()).toMatchObject({
      brand_name: 'Atelier Clara',
      tone: 'friendly',
      primary_color: '#7b2cbf',
      words_to_avoid: ['pas cher', 'gratuit'],
    });
    const badLogo = await owner.client.put('/api/marketing/ai/brand-kit', { logo_file_id: '00000000-0000-4000-8000-000000000000' });
    expect(badLogo.statusCode).toBe(400);
    expect(badLogo.json()).toMatchObject({ errors: [{ path: 'body.logo_file_id', code: 'logo_not_workspace_image' }] });
    const badColour = await owner.client.put('/api/marketing/ai/brand-kit', { primary_color: 'red' });
    expect(badColour.statusCode).toBe(400);
  });

  it('says the built-in generator writes when no model is configured', async () => {
    const status = await owner.client.get('/api/marketing/ai/status');
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({ writer: 'builtin', source: null, model: null, usage: { requests: 0 } });
  });

  it('answers a generated funnel with its pages and keeps the generation, which can regenerate one page', async () => {
    const res = await owner.client.post('/api/marketing/funnels/generate', {
      type: 'webinar',
      topic: 'Marketing Digital 2025',
      product_price: 497,
      target_audience: 'Entrepreneurs',
    });
    expect(res.statusCode, res.body).toBe(201);
    const funnel = res.json<TGeneratedFunnel>();
    expect(funnel.pages).toHaveLength(7);
    expect(funnel.is_active).toBe(false);
    const list = (await owner.client.get(`/api/marketing/ai/generations?target_id=${funnel.id}`)).json<{
      items: { id: string; kind: string; writer: string }[];
    }>();
    expect(list.items).toEqual([expect.objectContaining({ id: funnel.generation_id, kind: 'funnel', writer: 'builtin' })]);

    const before = funnel.pages[3]!;
    const again = await owner.client.post(`/api/marketing/ai/generations/${funnel.generation_id}/regenerate`, { part: 'page', index: 3 });
    expect(again.statusCode, again.body).toBe(200);
    const page = again.json<{ page: { id: string; html_content: string } }>().page;
    expect(page.id).toBe(before.id);
    expect(page.html_content).not.toBe(before.html_content);
    const wrongPart = await owner.client.post(`/api/marketing/ai/generations/${funnel.generation_id}/regenerate`, { part: 'variant', index: 0 });
    expect(wrongPart.statusCode).toBe(400);
    expect(wrongPart.json()).toMatchObject({ errors: [{ code: 'part_not_in_generation' }] });
  });

  it('streams progress then the result when asked for text/event-stream', async () => {
    const res = await owner.client.request({
      method: 'POST',
      url: '/api/marketing/email-campaigns/generate',
      headers: { accept: 'text/event-stream' },
      payload: { type: 'newsletter', topic: 'Nouveautés du mois', audience: 'Clients actifs', tone: 'professionnel' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const stream = events(res.body);
    expect(stream.filter((e) => e.event === 'progress').length).toBeGreaterThan(0);
    expect(stream.at(-1)!.event).toBe('result');
    const campaign = stream.at(-1)!.data as TGeneratedEmailCampaign;
    expect(campaign).toMatchObject({ status: 'draft', subject: expect.any(String), generation_id: expect.any(String) });
    expect(campaign.subject_alternatives).toHaveLength(3);
    // Kept as a normal draft.
    expect((await owner.client.get(`/api/marketing/email-campaigns/${campaign.id}`)).statusCode).toBe(200);
  });

  it('streams an error event with the problem document when the generation fails after the checks', async () => {
    const res = await owner.client.request({
      method: 'POST',
      url: '/api/marketing/ads/generate',
      headers: { accept: 'text/event-stream' },
      payload: { platform: 'facebook', product: 'Formation Marketing', objective: 'conversions', budget: 1000, landing_url: 'https://elsewhere.example.com/' },
    });
    expect(res.statusCode).toBe(200);
    const last = events(res.body).at(-1)!;
    expect(last.event).toBe('error');
    expect(last.data).toMatchObject({ status: 400, errors: [{ path: 'body.landing_url', code: 'link_not_workspace' }] });
  });

  it('answers generated ad creatives as JSON, then refuses a member over the hourly limit before writing anything', async () => {
    const res = await owner.client.post('/api/marketing/ads/generate', {
      platform: 'facebook',
      product: 'Formation Marketing',
      objective: 'conversions',
      budget: 1000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const ad = res.json<TGeneratedAdCampaign>();
    expect(ad).toMatchObject({ status: 'draft', platform: 'facebook' });
    expect(ad.variants).toHaveLength(5);
    expect(ad.visuals.map((v) => v.format)).toEqual(['1:1', '1.91:1', '9:16']);

    const count = async () =>
      Number(
        (await t.runtime.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM funnels WHERE workspace_id = $1', [owner.workspaceId])).rows[0]!.n,
      );
    const funnels = await count();
    let refused: { statusCode: number; json: () => unknown } | undefined;
    for (let i = 0; i < 6 && !refused; i++) {
      const r = await owner.client.post('/api/marketing/funnels/generate', {
        type: 'lead_magnet',
        topic: `Guide ${i}`,
        product_price: 0,
        target_audience: 'Coachs',
      });
      if (r.statusCode === 429) refused = r;
      else expect(r.statusCode, r.body).toBe(201);
    }
    expect(refused?.json()).toMatchObject({ reason: 'ai_rate_limited', params: { scope: 'user', limit: 6 } });
    const made = (await count()) - funnels;
    expect(made).toBeLessThan(6);
  });
});
