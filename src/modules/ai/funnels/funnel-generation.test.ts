import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { AD_VISUAL_SIZES, type TFunnelGenerateBody } from '../../../contracts/ai.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { templateBlocks } from '../../funnels/index.js';
import type { TGenerationDeps, TModelWriter } from '../ai-context.js';
import { testWriteContext } from '../builtin-kit/test-write-context.js';
import { builtinPageCopy } from './builtin-funnel-writer.js';
import { generateFunnel, regenerateFunnelPage } from './funnel-generation.service.js';
import { heroHeadline } from './funnel-images.js';

// A generated funnel through the real database: a draft with its pages and their hero images (files of the media
// library), publishable through the funnels API, its registration page live on the public server with its form and
// image; one page regenerated in place, keeping its image.

let t: TestContext;
let alice: SignedUp;
let deps: TGenerationDeps;
const steps: string[] = [];
const attr = templateBlocks.attr;
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

  it('creates a draft webinar funnel with its 7 pages and 2 hero images, publishable, its registration form and image live', async () => {
    let started = performance.now();
    const generated = await generateFunnel(deps, brief);
    console.info(`generateFunnel (webinar, built-in copy, 2 composed images stored, first run): ${Math.round(performance.now() - started)} ms`);
    const { body } = generated;
    expect(generated.targetId).toBe(body.id);
    expect(body.is_active).toBe(false);
    expect(body.page_count).toBe(7);
    expect(body.pages.map((p) => p.page_type)).toEqual(['optin', 'thank_you', 'webinar', 'sales', 'upsell', 'downsell', 'thank_you']);
    expect(body.pages.every((p) => !p.is_published)).toBe(true);
    expect(body.pages[3]!.has_checkout_blocks).toBe(true);
    expect(steps).toEqual([
      ...['registration', 'confirmation', 'replay', 'sales', 'upsell', 'downsell', 'thank_you'].map((r, i) => `page:${r} ${i + 1}/7`),
      'visuals 1/2',
      'visuals 2/2',
    ]);

    // The registration and sales pages show their hero image, a file of the workspace served by the public server.
    const images = generated.output.images!;
    expect(Object.keys(images).sort()).toEqual(['registration', 'sales']);
    const library = (await alice.client.get('/api/marketing/files')).json<{ items: { id: string; name: string }[] }>();
    for (const [role, image] of Object.entries(images)) {
      expect(image).toMatchObject({ format: '1.91:1', source: 'composition', url: `${t.runtime.config.publicUrl}/files/${image.file_id}` });
      expect(library.items.map((f) => f.id)).toContain(image.file_id);
      const served = await t.publicApp.inject({ url: new URL(image.url).pathname });
      expect(served.statusCode).toBe(200);
      const meta = await sharp(served.rawPayload).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', ...AD_VISUAL_SIZES['1.91:1'] });
      const page = body.pages[role === 'registration' ? 0 : 3]!;
      expect(page.html_content).toContain(`<img class="mk-hero-img" src="${image.url}" alt="${attr(image.alt)}" width="1200" height="628" loading="eager"`);
    }
    expect(library.items.find((f) => f.id === images.registration!.file_id)!.name).toBe('visuel-inscription-yoga-prenatal-script-alert-1-script.png');
    expect(body.pages.filter((p) => p.html_content.includes('mk-hero-img'))).toHaveLength(2);
    expect(body.pages[0]!.html_content).not.toContain('<script>');

    started = performance.now();
    await generateFunnel(deps, { ...brief, topic: 'Respiration et sommeil' });
    console.info(`generateFunnel (webinar, built-in copy, 2 composed images stored, warm): ${Math.round(performance.now() - started)} ms`);

    // The same funnel through the API (GET), then published through it.
    const fetched = await alice.client.get(`/api/marketing/funnels/${body.id}`);
    expect(fetched.json()).toMatchObject({ id: body.id, name: body.name, page_count: 7 });
    const published = await alice.client.post(`/api/marketing/funnels/${body.id}/publish`);
    expect(published.statusCode).toBe(200);
    const live = await t.publicApp.inject({ method: 'GET', url: `/${body.slug}/inscription`, headers: { 'user-agent': BROWSER, accept: 'text/html' } });
    expect(live.statusCode).toBe(200);
    expect(live.body).toContain('data-mk="webinar-form"');
    expect(live.body).toContain(`src="${images.registration!.url}"`);
    // Same-origin images are allowed by the page's CSP (the media library is served by the public server).
    expect(String(live.headers['content-security-policy'])).toMatch(/img-src 'self'/);
    expect(new URL(images.registration!.url).origin).toBe(new URL(t.runtime.config.publicUrl).origin);
    // The topic is text everywhere: escaped in the page, inert in the image's alt (a quoted attribute, which the
    // publication's serializer writes with its `<` as is).
    expect(live.body.replace(/"[^"]*"/g, '""')).not.toContain('<script>alert(1)</script>');
    expect(live.body).toContain(`alt="Yoga prénatal <script>alert(1)</script>"`);
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
    // The regenerated page keeps its image.
    const image = generated.output.images!.sales!;
    expect(before.html_content).toContain(`src="${image.url}"`);
    expect(again.page.html_content).toContain(`src="${image.url}"`);
    expect(again.output.images).toEqual(generated.output.images);
    await expect(regenerateFunnelPage(deps, brief, generated.output, generated.targetId, 42)).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('funnel images', () => {
  const brief: TFunnelGenerateBody = { type: 'membership', topic: 'Club de yoga du matin', product_price: 29, target_audience: 'actifs pressés' };
  const png = () =>
    sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
  const writer = (image: () => Promise<Buffer>): TModelWriter => ({
    model: 'fake-model',
    imageModel: 'fake-image',
    object: async (request) => request.schema.parse(builtinPageCopy(brief, deps.ctx, 'sales')),
    image,
  });

  it('uses the image model, composes the image when it fails, and renders the page without one when nothing can be stored', async () => {
    const prompts: string[] = [];
    const drawn = await generateFunnel(
      {
        ...deps,
        writer: writer(async () => png()),
      },
      brief,
    );
    expect(drawn.output.images?.sales?.source).toBe('model');
    const prompted = await generateFunnel(
      {
        ...deps,
        writer: {
          ...writer(async () => png()),
          image: async (request) => {
            prompts.push(request.prompt);
            return png();
          },
        },
      },
      brief,
    );
    expect(prompted.output.images?.sales?.source).toBe('model');
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain('Club de yoga du matin');
    expect(prompts[0]).toContain('actifs pressés');
    expect(prompts[0]).toContain('No text');

    const failed = await generateFunnel(
      {
        ...deps,
        writer: writer(async () => {
          throw new Error('image model down');
        }),
      },
      brief,
    );
    expect(failed.output.images?.sales?.source).toBe('composition');
    const garbage = await generateFunnel({ ...deps, writer: writer(async () => Buffer.from('not an image')) }, brief);
    expect(garbage.output.images?.sales?.source).toBe('composition');

    const tiny = { ...deps, runtime: { ...t.runtime, config: { ...t.runtime.config, fileMaxBytes: 16 } } };
    const none = await generateFunnel(tiny, brief);
    expect(none.output.images).toBeUndefined();
    expect(none.body.pages.some((p) => p.html_content.includes('<img class="mk-hero-img"'))).toBe(false);
  });

  it('shortens a long headline for the picture at a clause, else at a word', () => {
    expect(heroHeadline('Retrouvez un sommeil profond : la méthode douce en 21 jours pour les parents épuisés')).toBe('Retrouvez un sommeil profond');
    expect(heroHeadline('Court titre')).toBe('Court titre');
    const cut = heroHeadline('Une méthode simple et progressive pour retrouver un sommeil profond et réparateur chaque nuit');
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…')).toBe(true);
    // Cut inside quotation marks: they are closed.
    expect(heroHeadline('Le programme « Sommeil profond : la méthode douce » pour les parents épuisés et pressés')).toBe(
      'Le programme « Sommeil profond\u00a0»',
    );
    expect(heroHeadline('Une méthode (simple et progressive pour retrouver un sommeil profond chaque nuit)')).toMatch(/…\)$/);
  });
});
