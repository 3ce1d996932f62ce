import { AD_VISUAL_FORMATS, type TAdVisual, type TAdVisualFormat, type TAiLanguage } from '../../../contracts/ai.js';
import type { TGenerationDeps } from '../ai-context.js';
import { imagePrompt, makeStoredVisual, visualBrand } from './stored-visual.js';

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
  const brand = await visualBrand(deps);
  const visuals: TAdVisual[] = [];
  for (const [index, format] of AD_VISUAL_FORMATS.entries()) {
    const text = input.texts[index % input.texts.length]!;
    visuals.push(
      await makeStoredVisual(deps, brand, {
        format,
        prompt: imagePrompt(deps, `A clean, modern advertising image (${format}) for this product: "${input.product.replace(/"/g, "'")}".`),
        text: { ...text, product: input.product, price: input.price },
        fileName: fileName(input, format),
        purpose: 'ad',
      }),
    );
  }
  return visuals;
}

function fileName(input: TAdVisualsInput, format: TAdVisualFormat): string {
  const prefix = input.language === 'fr' ? 'creatif' : 'creative';
  return `${prefix}-${format.replace(':', 'x').replace('.', '-')}-${input.slug}.png`;
}
