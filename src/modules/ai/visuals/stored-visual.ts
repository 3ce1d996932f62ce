import { AD_VISUAL_SIZES, type TAdVisual, type TAdVisualFormat } from '../../../contracts/ai.js';
import { files, storedFile, uploadFile } from '../../files/index.js';
import type { TGenerationDeps } from '../ai-context.js';
import { composeVisual, type TComposeVisualInput, type TVisualBrand } from './compose-visual.js';
import { DEFAULT_PRIMARY, DEFAULT_SECONDARY, validColor } from './visual-colors.js';

// One generated visual (an ad's, a funnel page's hero) made and kept in the workspace's media library, so the draft and
// the member use it like any uploaded image: the image model's picture when the workspace has one, else (or when the
// model fails: logged, never an error) a composition drawn from the brand kit.

export type TVisualRequest = {
  format: TAdVisualFormat;
  /** What the image model is asked for (no text in the image): see imagePrompt. */
  prompt: string;
  /** The composition's texts. */
  text: Omit<TComposeVisualInput, 'format' | 'brand'>;
  /** The file's name in the media library. */
  fileName: string;
  /** What the visual is for, in the logs (`ad`, `funnel page`). */
  purpose: string;
};

/** The brand as a composition shows it: its name, colours and logo (read once per generation). */
export async function visualBrand(deps: TGenerationDeps): Promise<TVisualBrand> {
  const { brand } = deps.ctx;
  return {
    name: brand.brand_name || deps.ctx.workspaceName,
    primary_color: brand.primary_color,
    secondary_color: brand.secondary_color,
    logo: await logoBytes(deps),
  };
}

/**
 * Draws (or has the image model draw) the visual and stores it. A model's picture the media library refuses (not an
 * image, too large) is composed instead too; throws only when the composition cannot be drawn or stored.
 */
export async function makeStoredVisual(deps: TGenerationDeps, brand: TVisualBrand, request: TVisualRequest): Promise<TAdVisual> {
  const drawn = await modelImage(deps, request);
  if (drawn) {
    try {
      return await storeVisual(deps, request, drawn, 'model');
    } catch (error) {
      deps.runtime.log.warn(
        { err: error, format: request.format },
        `ai: the image model's picture cannot be stored, the ${request.purpose} visual is composed instead`,
      );
    }
  }
  return storeVisual(deps, request, await composeVisual({ format: request.format, ...request.text, brand }), 'composition');
}

async function storeVisual(deps: TGenerationDeps, request: TVisualRequest, body: Buffer, source: TAdVisual['source']): Promise<TAdVisual> {
  const row = await uploadFile(deps.runtime, deps.tenant, deps.actor, { name: request.fileName, body });
  return { format: request.format, url: storedFile(row, deps.runtime.config.publicUrl).url, file_id: row.id, source };
}

/** An image model's prompt: what to show (a sentence), in the brand's colours, and never any text (the page or the ad carries it). */
export function imagePrompt(deps: TGenerationDeps, subject: string): string {
  const primary = validColor(deps.ctx.brand.primary_color, DEFAULT_PRIMARY);
  const secondary = validColor(deps.ctx.brand.secondary_color, DEFAULT_SECONDARY);
  return [subject, `Brand colours ${primary} and ${secondary}. Leave calm space for text.`, 'No text, no letters, no words, no logos, no watermark.'].join(' ');
}

/** The image model's picture, or null without one or when it fails (then the composition is used). */
async function modelImage(deps: TGenerationDeps, request: TVisualRequest): Promise<Buffer | null> {
  const writer = deps.writer;
  if (!writer?.imageModel) return null;
  const { width, height } = AD_VISUAL_SIZES[request.format];
  try {
    return await writer.image({ prompt: request.prompt, width, height });
  } catch (error) {
    deps.runtime.log.warn(
      { err: error, format: request.format, imageModel: writer.imageModel },
      `ai: image model failed, the ${request.purpose} visual is composed instead`,
    );
    return null;
  }
}

/** The brand kit's logo bytes, read through the files module (never over HTTP); null without one or if unreadable. */
async function logoBytes(deps: TGenerationDeps): Promise<Buffer | null> {
  const id = deps.ctx.brand.logo_file_id;
  if (!id) return null;
  try {
    const row = await deps.tenant.get(files, id, 'File');
    const blob = await deps.runtime.blobs.get(row.storage_key);
    return blob?.body ?? null;
  } catch (error) {
    deps.runtime.log.warn({ err: error, fileId: id }, 'ai: the brand logo cannot be read, the visuals show the brand name');
    return null;
  }
}

/** A URL- and file-safe slug (utm_campaign, file names): accents dropped, lower-case, hyphens, at most 50 characters. */
export function slugOf(text: string, fallback: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || fallback;
}
