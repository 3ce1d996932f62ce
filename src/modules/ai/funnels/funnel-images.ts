import { type TAdVisual, type TFunnelCopy, type TFunnelGenerateBody, type TFunnelPageRole, type TPageCopy } from '../../../contracts/ai.js';
import type { TGenerationDeps } from '../ai-context.js';
import { clip } from '../email/email-text.js';
import { closeOpenQuotes } from '../builtin-kit/typography.js';
import { imagePrompt, makeStoredVisual, slugOf, visualBrand } from '../visuals/stored-visual.js';
import { briefLanguage, phraseVars } from './builtin-funnel-writer.js';
import { ROLE_SLUGS } from './funnel-render-ui.js';
import { HERO_IMAGE_FORMAT } from './generated-blocks.js';

// The hero images of a generated funnel's key pages (the form page that starts it, the sales page), stored in the
// media library like the ads' visuals: the image model's picture when the workspace has one, else a composition of
// the page's headline in the brand's colours. An image that cannot be made is logged and left out: the page is
// rendered without it, the generation never fails for an image.

/** A page's hero image, as the generation keeps it (a regenerated page keeps its image). */
export type TFunnelImage = TAdVisual & { alt: string };
/** The images of a generation's pages, by page role. */
export type TFunnelImages = Partial<Record<TFunnelPageRole, TFunnelImage>>;
/** What a funnel generation keeps: the copy and its pages' images (absent in generations made before them). */
export type TFunnelGenerationOutput = TFunnelCopy & { images?: TFunnelImages };

/** The pages whose hero shows an image (the video sales page has its video, the others their own hero). */
const HERO_ROLES: readonly TFunnelPageRole[] = ['registration', 'optin', 'application', 'sales'];
const MAX_IMAGES = 3;
/** The composition's type fits 3 lines of headline and 2 of subline at this length (the ads' visual texts' limits). */
const HEADLINE_MAX = 60;
const SUBLINE_MAX = 90;

const PAGE_KIND: Partial<Record<TFunnelPageRole, string>> = {
  registration: 'a free webinar registration page',
  optin: 'a sign-up page',
  application: 'an application page',
  sales: 'a sales page',
};

/** Makes and stores the hero images of the copy's key pages (at most 3), reporting a `visuals` step for each. */
export async function makeFunnelImages(deps: TGenerationDeps, copy: TFunnelCopy, brief: TFunnelGenerateBody): Promise<TFunnelImages> {
  const pages = copy.pages
    .filter((page, index) => HERO_ROLES.includes(page.role) && copy.pages.findIndex((p) => p.role === page.role) === index)
    .slice(0, MAX_IMAGES);
  const images: TFunnelImages = {};
  if (pages.length === 0) return images;
  const brand = await visualBrand(deps);
  const vars = phraseVars(brief, deps.ctx);
  const language = briefLanguage(brief, deps.ctx);
  for (const [index, page] of pages.entries()) {
    const headline = heroHeadline(page.headline);
    try {
      const visual = await makeStoredVisual(deps, brand, {
        format: HERO_IMAGE_FORMAT,
        prompt: imagePrompt(deps, heroSubject(page, vars.topic, vars.audience)),
        text: {
          headline,
          subline: heroSubline(page),
          product: clip(vars.topic, 60),
          price: page.role === 'sales' && !vars.free ? vars.price : undefined,
        },
        fileName: `${language === 'fr' ? 'visuel' : 'visual'}-${ROLE_SLUGS[language][page.role]}-${slugOf(vars.topic, 'tunnel')}.png`,
        purpose: 'funnel page',
      });
      images[page.role] = { ...visual, alt: headline };
    } catch (error) {
      deps.runtime.log.warn({ err: error, role: page.role }, 'ai: the funnel page image cannot be made, the page is rendered without it');
    }
    deps.progress('visuals', index + 1, pages.length);
  }
  return images;
}

/** What the image model is asked to show: the page's subject and audience, as a scene (the page has the words). */
function heroSubject(page: TPageCopy, topic: string, audience: string): string {
  const quoted = (text: string) => `"${clip(text.replace(/["\s]+/g, ' ').trim(), 150)}"`;
  return `A clean, modern, photographic hero image for ${PAGE_KIND[page.role] ?? 'a web page'} about ${quoted(topic)}, made for ${quoted(audience)}.`;
}

/** The page's headline made fit for the picture: its first clause when that says enough, else cut at a word. */
export function heroHeadline(headline: string): string {
  const text = headline.replace(/\s+/g, ' ').trim();
  if (text.length <= HEADLINE_MAX) return text;
  const clause = /[,:;.!?…—–](?=\s)/gu;
  let cut = -1;
  for (const match of text.matchAll(clause)) if (match.index >= 20 && match.index < HEADLINE_MAX) cut = match.index;
  // A cut inside « … » or ( … ) closes them: the picture never shows a quotation left open.
  if (cut > 0) return closeOpenQuotes(/[!?…]/.test(text[cut]!) ? text.slice(0, cut + 1) : text.slice(0, cut).trimEnd());
  return closeOpenQuotes(clip(text, HEADLINE_MAX));
}

/** The line under it: the promise's first sentence when short enough, else the eyebrow. */
function heroSubline(page: TPageCopy): string {
  const sentence = /^.+?[.!?…](?=\s|$)/u.exec(page.promise.trim())?.[0] ?? page.promise.trim();
  return sentence.length <= SUBLINE_MAX ? sentence : clip(page.eyebrow, SUBLINE_MAX);
}
