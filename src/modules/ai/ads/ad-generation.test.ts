import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import type { TAdCampaign } from '../../../contracts/ads.js';
import { AD_VISUAL_SIZES, ZAdGenerateBody, ZGeneratedAdCampaign, type TAdGenerateBody, type TMetaAdVariant } from '../../../contracts/ai.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { TGenerationDeps, TModelWriter, TWriteContext } from '../ai-context.js';
import { testWriteContext } from '../builtin-kit/test-write-context.js';
import { builtinAdCopy } from './ad-builtin.js';
import { generateAdCampaign, regenerateAdVariant } from './ad-generation.service.js';

// The ad generation on the real database: a draft campaign through the ads module, its visuals in the media library
// (readable through the files API and the public server), the workspace-link rule, and a variant regenerated.

let t: TestContext;
let owner: SignedUp;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app, { workspace_name: 'Atelier Sérénité' });
});
afterAll(() => t.close());

/** The brand these tests write for: its audience is the one of a brief that names none. */
const testContext = (seed?: number) =>
  testWriteContext({
    workspaceName: 'Atelier Sérénité',
    ...(seed === undefined ? {} : { seed }),
    brand: { brand_name: 'Atelier Sérénité', audience: 'coachs et thérapeutes indépendants' },
  });

function depsOf(ctx: TWriteContext = testContext(), writer: TModelWriter | null = null, steps: string[] = []): TGenerationDeps {
  return {
    runtime: t.runtime,
    tenant: new Tenant(t.runtime.db, owner.workspaceId),
    actor: { via: 'session', user_id: owner.userId, workspace_id: owner.workspaceId, role: 'owner' },
    writer,
    ctx,
    progress: (step) => steps.push(step),
  };
}

const body = (extra: Partial<TAdGenerateBody> = {}) =>
  ZAdGenerateBody.parse({ platform: 'facebook', product: 'Coaching en nutrition sportive', objective: 'leads', budget: 999.99, ...extra });

describe('generateAdCampaign', () => {
  it('creates a draft campaign with 5 variants, 3 stored visuals, audiences and a budget plan', async () => {
    const steps: string[] = [];
    const started = performance.now();
    const result = await generateAdCampaign(depsOf(testContext(), null, steps), body({ start_date: '2030-01-01', end_date: '2030-01-31' }));
    console.info(`generateAdCampaign (built-in copy, 3 composed visuals stored): ${Math.round(performance.now() - started)} ms`);
    expect(steps).toEqual(['copy', 'visuals', 'save']);
    const ad = ZGeneratedAdCampaign.omit({ generation_id: true }).parse(result.body);
    expect(ad).toMatchObject({
      status: 'draft',
      platform: 'facebook',
      total_budget: 999.99,
      currency: 'EUR',
      start_date: '2030-01-01',
      end_date: '2030-01-31',
    });
    expect(ad.daily_budget).toBe(32.26);
    expect(ad.variants).toHaveLength(5);
    const first = ad.variants[0] as TMetaAdVariant;
    expect(ad.ad_copy).toBe(first.primary_text);
    expect(ad.headline).toBe(first.headline);
    expect(ad.target_audience).toEqual(ad.audiences[0]!.targeting);
    expect(ad.utm_campaign).toMatch(/^[a-z0-9-]+$/);
    expect(ad.budget_plan.reduce((sum, p) => sum + Math.round(p.amount * 100), 0)).toBe(99_999);
    expect(ad.visuals.map((v) => [v.format, v.source])).toEqual([
      ['1:1', 'composition'],
      ['1.91:1', 'composition'],
      ['9:16', 'composition'],
    ]);
    expect(ad.image_url).toBe(ad.visuals[0]!.url);
    expect(result.targetId).toBe(ad.id);
    expect(result.output.variants).toEqual(ad.variants);

    // The campaign reads back as GET returns it.
    const read = await owner.client.get(`/api/marketing/ad-campaigns/${ad.id}`);
    expect(read.statusCode).toBe(200);
    const { variants: _v, visuals: _vi, audiences: _a, budget_plan: _b, ...campaign } = result.body;
    expect(read.json<TAdCampaign>()).toEqual(campaign);

    // The visuals are files of the workspace, served by the public server at their URL.
    const library = (await owner.client.get('/api/marketing/files')).json<{ items: { id: string; name: string }[] }>();
    for (const visual of ad.visuals) {
      expect(library.items.map((f) => f.id)).toContain(visual.file_id);
      const url = new URL(visual.url);
      const served = await t.publicApp.inject({ url: url.pathname });
      expect(served.statusCode).toBe(200);
      const meta = await sharp(served.rawPayload).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', ...AD_VISUAL_SIZES[visual.format] });
    }
    expect(library.items.find((f) => f.id === ad.visuals[0]!.file_id)!.name).toBe('creatif-1x1-coaching-en-nutrition-sportive.png');
  });

  it('refuses a landing page on another site, and accepts one of the workspace’s funnels', async () => {
    await expect(generateAdCampaign(depsOf(), body({ landing_url: 'https://elsewhere.example.com/offre' }))).rejects.toMatchObject({
      code: 'bad_request',
      errors: [{ path: 'body.landing_url', code: 'link_not_workspace' }],
    });
    const funnel = (await owner.client.post('/api/marketing/funnels', { name: 'Masterclass nutrition', funnel_type: 'webinar' })).json<{ slug: string }>();
    const landing = `${t.runtime.config.publicUrl}/${funnel.slug}/inscription`;
    const result = await generateAdCampaign(depsOf(), body({ platform: 'google', landing_url: landing }));
    expect(result.body.description).toContain(landing);
    expect(result.body.headline).toBe((result.body.variants[0] as { headlines: string[] }).headlines[0]);
  });

  it('uses a model’s copy and images, and composes the visuals when the image model fails', async () => {
    const ctx = testContext(5);
    const png = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const writer = (image: () => Promise<Buffer>): TModelWriter => ({
      model: 'fake-model',
      imageModel: 'fake-image',
      object: async (request) => request.schema.parse(builtinAdCopy(body({ platform: 'linkedin' }), ctx)),
      image,
    });
    const drawn = await generateAdCampaign(
      depsOf(
        ctx,
        writer(async () => png),
      ),
      body({ platform: 'linkedin' }),
    );
    expect(drawn.body.visuals.map((v) => v.source)).toEqual(['model', 'model', 'model']);
    const failed = await generateAdCampaign(
      depsOf(
        ctx,
        writer(async () => {
          throw new Error('image model down');
        }),
      ),
      body({ platform: 'linkedin' }),
    );
    expect(failed.body.visuals.map((v) => v.source)).toEqual(['composition', 'composition', 'composition']);
  });
});

describe('regenerateAdVariant', () => {
  it('rewrites one variant, different from the others, and the campaign follows its first variant', async () => {
    const brief = body({ platform: 'instagram' });
    const generated = await generateAdCampaign(depsOf(), brief);
    const { output, variant } = await regenerateAdVariant(depsOf(testContext(4321)), brief, generated.output, generated.targetId, 0);
    expect(generated.output.variants.map((v) => JSON.stringify(v))).not.toContain(JSON.stringify(variant));
    expect(output.variants[0]).toEqual(variant);
    expect(output.variants.slice(1)).toEqual(generated.output.variants.slice(1));
    const campaign = (await owner.client.get(`/api/marketing/ad-campaigns/${generated.targetId}`)).json<TAdCampaign>();
    expect(campaign.ad_copy).toBe((variant as TMetaAdVariant).primary_text);
    await expect(regenerateAdVariant(depsOf(), brief, generated.output, generated.targetId, 5)).rejects.toMatchObject({
      errors: [{ path: 'body.index', code: 'variant_index' }],
    });
  });
});
