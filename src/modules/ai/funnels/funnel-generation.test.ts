import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import type { TFunnelGenerateBody } from '../../../contracts/ai.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { TGenerationDeps } from '../ai-context.js';
import { testWriteContext } from '../builtin-kit/test-write-context.js';
import { generateFunnel, regenerateFunnelPage } from './funnel-generation.service.js';

// A generated funnel through the real database: a draft with its pages, publishable through the funnels API, its
// registration page live on the public server with its form; one page regenerated in place.

let t: TestContext;
let alice: SignedUp;
let deps: TGenerationDeps;
const steps: string[] = [];
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

beforeAll(async () => {
  t = await startTestApp();
  alice = await signUp(t.app);
  const actor: TAuth = { via: 'session', user_id: alice.userId, workspace_id: alice.workspaceId, role: 'owner' };
  deps = {
    runtime: t.runtime,
    tenant: new Tenant(t.runtime.db, alice.workspaceId),
    actor,
    writer: null,
    ctx: testWriteContext(),
    progress: (step, done, total) => steps.push(`${step} ${done}/${total}`),
  };
});
afterAll(() => t.close());

describe('generateFunnel (built-in writer)', () => {
  const brief: TFunnelGenerateBody = {
    type: 'webinar',
    topic: 'Yoga prénatal <script>alert(1)</script>',
    product_price: 197,
    target_audience: 'futures mamans',
  };

  it('creates a draft webinar funnel with its 7 pages, publishable, its registration form live', async () => {
    const generated = await generateFunnel(deps, brief);
    const { body } = generated;
    expect(generated.targetId).toBe(body.id);
    expect(body.is_active).toBe(false);
    expect(body.page_count).toBe(7);
    expect(body.pages.map((p) => p.page_type)).toEqual(['optin', 'thank_you', 'webinar', 'sales', 'upsell', 'downsell', 'thank_you']);
    expect(body.pages.every((p) => !p.is_published)).toBe(true);
    expect(body.pages[3]!.has_checkout_blocks).toBe(true);
    expect(steps).toEqual(['registration', 'confirmation', 'replay', 'sales', 'upsell', 'downsell', 'thank_you'].map((r, i) => `page:${r} ${i + 1}/7`));

    // The same funnel through the API (GET), then published through it.
    const fetched = await alice.client.get(`/api/marketing/funnels/${body.id}`);
    expect(fetched.json()).toMatchObject({ id: body.id, name: body.name, page_count: 7 });
    const published = await alice.client.post(`/api/marketing/funnels/${body.id}/publish`);
    expect(published.statusCode).toBe(200);
    const live = await t.publicApp.inject({ method: 'GET', url: `/${body.slug}/inscription`, headers: { 'user-agent': BROWSER, accept: 'text/html' } });
    expect(live.statusCode).toBe(200);
    expect(live.body).toContain('data-mk="webinar-form"');
    expect(live.body).not.toContain('<script>alert(1)</script>');
  });

  it('names the funnel as asked', async () => {
    const { body } = await generateFunnel(deps, { ...brief, type: 'lead_magnet', name: 'Mon guide du printemps' });
    expect(body.name).toBe('Mon guide du printemps');
    expect(body.pages.map((p) => p.slug)).toEqual(['inscription', 'merci', 'offre']);
  });

  it('regenerates one page in place with a new seed', async () => {
    const generated = await generateFunnel(deps, { ...brief, type: 'product' });
    const index = generated.output.pages.findIndex((p) => p.role === 'sales');
    const before = generated.body.pages[index]!;
    const again = await regenerateFunnelPage(
      { ...deps, ctx: testWriteContext({ seed: 99 }) },
      { ...brief, type: 'product' },
      generated.output,
      generated.targetId,
      index,
    );
    expect(again.page.id).toBe(before.id);
    expect(again.page.slug).toBe(before.slug);
    expect(again.page.html_content).not.toBe(before.html_content);
    expect(again.output.pages[index]).not.toEqual(generated.output.pages[index]);
    expect(again.output.pages.filter((_, i) => i !== index)).toEqual(generated.output.pages.filter((_, i) => i !== index));
    await expect(regenerateFunnelPage(deps, brief, generated.output, generated.targetId, 42)).rejects.toMatchObject({ code: 'bad_request' });
  });
});
