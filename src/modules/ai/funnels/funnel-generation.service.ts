import { GENERATED_FUNNEL_PAGES, PAGE_TYPE_OF_ROLE, ZFunnelCopy, type TFunnelCopy, type TFunnelGenerateBody, type TPageCopy } from '../../../contracts/ai.js';
import type { TFunnel, TFunnelPage } from '../../../contracts/funnels.js';
import { AppError } from '../../../platform/errors.js';
import { deleteFile } from '../../files/index.js';
import { createFunnelFromPages, funnelPageWire, funnelWire, getFunnel, listPages, updatePage } from '../../funnels/index.js';
import type { TGenerated, TGenerationDeps } from '../ai-context.js';
import { briefLanguage, builtinFunnelMeta, builtinPageCopy } from './builtin-funnel-writer.js';
import { makeFunnelImages, type TFunnelGenerationOutput, type TFunnelImages } from './funnel-images.js';
import { modelFunnelCopy, modelPageCopy } from './funnel-prompt.js';
import { renderGeneratedFunnel, renderGeneratedPage } from './funnel-renderer.js';

// A generated funnel: the copy written page by page (the model, or the built-in writer), the key pages' hero images
// (funnel-images.ts), rendered into our blocks, and saved as a normal draft funnel (nothing published: the member
// reviews it in the builder and publishes it).

/** The 201 body: the funnel as GET /api/marketing/funnels/:id shows it, with its pages and their content. */
export type TFunnelWithPages = TFunnel & { pages: TFunnelPage[] };

/** Kept as the funnel's template id, so the funnel says where it came from. */
const GENERATED_SOURCE = 'ai:generated';

export async function generateFunnel(deps: TGenerationDeps, body: TFunnelGenerateBody): Promise<TGenerated<TFunnelGenerationOutput, TFunnelWithPages>> {
  const copy = await writeFunnelCopy(deps, body);
  const images = await makeFunnelImages(deps, copy, body);
  const pages = renderGeneratedFunnel(copy, body, deps.ctx, images);
  const funnel = await createFunnelFromPages(
    deps.tenant,
    deps.actor,
    {
      name: (body.name ?? copy.funnel_name).slice(0, 120).trim(),
      description: copy.description,
      funnel_type: body.type,
      language: briefLanguage(body, deps.ctx),
      pages,
    },
    GENERATED_SOURCE,
  ).catch(async (error: unknown) => {
    // No funnel (the workspace's cap, a race): its images would only clutter the media library.
    await Promise.allSettled(Object.values(images).map((image) => deleteFile(deps.runtime, deps.tenant, image.file_id)));
    throw error;
  });
  const rows = await listPages(deps.tenant, funnel.id);
  const publicUrl = deps.runtime.config.publicUrl;
  return {
    targetId: funnel.id,
    output: withImages(copy, images),
    body: { ...(await funnelWire(deps.runtime, deps.tenant, funnel)), pages: rows.map((row) => funnelPageWire(row, funnel, publicUrl)) },
  };
}

/** The output kept on the generation: the copy, and its images when it has some. */
function withImages(copy: TFunnelCopy, images: TFunnelImages | undefined): TFunnelGenerationOutput {
  return images && Object.keys(images).length > 0 ? { ...copy, images } : copy;
}

/** The funnel's copy, one page at a time so the member sees each page done. */
async function writeFunnelCopy(deps: TGenerationDeps, body: TFunnelGenerateBody): Promise<TFunnelCopy> {
  if (deps.writer) return modelFunnelCopy(deps.writer, body, deps.ctx, deps.progress);
  const roles = GENERATED_FUNNEL_PAGES[body.type];
  const pages: TPageCopy[] = [];
  for (const [index, role] of roles.entries()) {
    pages.push(builtinPageCopy(body, deps.ctx, role));
    deps.progress(`page:${role}`, index + 1, roles.length);
  }
  return ZFunnelCopy.parse({ ...builtinFunnelMeta(body, deps.ctx, roles), pages });
}

/**
 * Rewrites one page of a generated funnel (a new ctx.seed gives the built-in writer new phrasings) and puts its new
 * HTML, CSS and SEO on the draft page. A published page keeps its live version until the member publishes again
 * (the funnels module marks it as changed since publication). The page keeps its hero image, if it has one.
 */
export async function regenerateFunnelPage(
  deps: TGenerationDeps,
  brief: TFunnelGenerateBody,
  output: TFunnelGenerationOutput,
  funnelId: string,
  pageIndex: number,
): Promise<{ output: TFunnelGenerationOutput; page: TFunnelPage }> {
  const { images, ...copy } = output;
  const current = copy.pages[pageIndex];
  if (!current) {
    throw new AppError('bad_request', 'No such page in this generation', {
      errors: [{ path: 'body.index', message: `between 0 and ${copy.pages.length - 1}`, code: 'page_index' }],
    });
  }
  const role = current.role;
  const funnel = await getFunnel(deps.tenant, funnelId);
  const rows = await listPages(deps.tenant, funnelId);
  // The page at the same place, if the member has not moved or replaced it; else the first page of this role's type.
  const row = rows[pageIndex]?.page_type === PAGE_TYPE_OF_ROLE[role] ? rows[pageIndex] : rows.find((p) => p.page_type === PAGE_TYPE_OF_ROLE[role]);
  if (!row) throw new AppError('conflict', 'The generated page is no longer in this funnel', { reason: 'ai_funnel_page_missing' });

  const roles = copy.pages.map((p) => p.role);
  const rewritten = deps.writer ? await modelPageCopy(deps.writer, brief, deps.ctx, role, roles) : builtinPageCopy(brief, deps.ctx, role);
  deps.progress(`page:${role}`, 1, 1);
  const rendered = renderGeneratedPage(rewritten, brief, deps.ctx, { slug: row.slug, isLast: row.position === rows.length - 1, image: images?.[role] });
  const updated = await updatePage(deps.runtime, deps.tenant, funnelId, row.id, {
    html_content: rendered.html,
    css_content: rendered.css,
    seo_title: rendered.seo_title,
    seo_description: rendered.seo_description,
  });
  const rewrittenCopy = ZFunnelCopy.parse({ ...copy, pages: copy.pages.map((p, i) => (i === pageIndex ? rewritten : p)) });
  return { output: withImages(rewrittenCopy, images), page: funnelPageWire(updated, funnel, deps.runtime.config.publicUrl) };
}
