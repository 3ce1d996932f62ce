import { AD_VISUAL_FORMATS, AD_VISUAL_SIZES, type TAdVisual, type TAdVisualFormat, type TAiLanguage } from '../../../contracts/ai.js';
import { files, storedFile, uploadFile } from '../../files/index.js';
import type { TGenerationDeps } from '../ai-context.js';
import { composeVisual } from './compose-visual.js';
import { DEFAULT_PRIMARY, DEFAULT_SECONDARY, validColor } from './visual-colors.js';

// The three visuals of a generated ad campaign (1:1, 1.91:1, 9:16), stored in the workspace's media library so the
// campaign and the member use them like any uploaded image. Drawn from the brand kit by default; an image model draws
// them when the workspace has one, and a failing image model falls back to the drawing (logged, never an error).

export type TAdVisualsInput = {
  /** One text per format, in AD_VISUAL_FORMATS order (reused when fewer). */
  texts: { headline: string; subline: string }[];
  /** The product as its tag shows it. */
  product: string;
  price?: string;
  language: TAiLanguage;
  /** Names the files: `creatif-1x1-<slug>.png`. */
  slug: string;
};

/** Draws (or has the image model draw) and stores the 3 visuals, in format order. */
export async function makeAdVisuals(deps: TGenerationDeps, input: TAdVisualsInput): Promise<TAdVisual[]> {
  const { runtime, tenant, actor, ctx } = deps;
  const brand = { name: ctx.brand.brand_name || ctx.workspaceName, primary_color: ctx.brand.primary_color, secondary_color: ctx.brand.secondary_color };
  const logo = await logoBytes(deps);
  const visuals: TAdVisual[] = [];
  for (const [index, format] of AD_VISUAL_FORMATS.entries()) {
    const text = input.texts[index % input.texts.length]!;
    const drawn = (await modelImage(deps, format, input)) ?? {
      body: await composeVisual({ format, ...text, product: input.product, price: input.price, brand: { ...brand, logo } }),
      source: 'composition' as const,
    };
    const row = await uploadFile(runtime, tenant, actor, { name: fileName(input, format), body: drawn.body });
    visuals.push({ format, url: storedFile(row, runtime.config.publicUrl).url, file_id: row.id, source: drawn.source });
  }
  return visuals;
}

function fileName(input: TAdVisualsInput, format: TAdVisualFormat): string {
  const prefix = input.language === 'fr' ? 'creatif' : 'creative';
  return `${prefix}-${format.replace(':', 'x').replace('.', '-')}-${input.slug}.png`;
}

/** The image model's picture, or null without one or when it fails (then the composition is used). */
async function modelImage(deps: TGenerationDeps, format: TAdVisualFormat, input: TAdVisualsInput): Promise<{ body: Buffer; source: 'model' } | null> {
  const writer = deps.writer;
  if (!writer?.imageModel) return null;
  const { width, height } = AD_VISUAL_SIZES[format];
  try {
    return { body: await writer.image({ prompt: imagePrompt(deps, input, format), width, height }), source: 'model' };
  } catch (error) {
    deps.runtime.log.warn({ err: error, format, imageModel: writer.imageModel }, 'ai: image model failed, the ad visual is composed instead');
    return null;
  }
}

function imagePrompt(deps: TGenerationDeps, input: TAdVisualsInput, format: TAdVisualFormat): string {
  const primary = validColor(deps.ctx.brand.primary_color, DEFAULT_PRIMARY);
  const secondary = validColor(deps.ctx.brand.secondary_color, DEFAULT_SECONDARY);
  return [
    `A clean, modern advertising image (${format}) for this product: "${input.product.replace(/"/g, "'")}".`,
    `Brand colours ${primary} and ${secondary}. Leave calm space for text.`,
    'No text, no letters, no words, no logos, no watermark.',
  ].join(' ');
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
    deps.runtime.log.warn({ err: error, fileId: id }, 'ai: the brand logo cannot be read, the ad visuals show the brand name');
    return null;
  }
}
