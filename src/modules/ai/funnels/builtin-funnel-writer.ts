import {
  GENERATED_FUNNEL_PAGES,
  ZFunnelCopy,
  type TAiLanguage,
  type TFunnelCopy,
  type TFunnelGenerateBody,
  type TFunnelPageRole,
  type TPageCopy,
} from '../../../contracts/ai.js';
import { AppError } from '../../../platform/errors.js';
import { seedOf, type TWriteContext } from '../ai-context.js';
import { avoidedWords } from '../builtin-kit/avoided-words.js';
import { lowerFirst } from '../builtin-kit/text-case.js';
import { EN_PHRASES } from './funnel-phrases.en.js';
import { FR_PHRASES } from './funnel-phrases.fr.js';
import { formatPrice, offerLines, PhrasePicker, type TFunnelPhrasebook, type TPhraseVars } from './phrase-kit.js';

// The built-in funnel writer: no model, a library of phrasings per language and page role (funnel-phrases.*.ts),
// chosen with a PRNG seeded from the brief (ctx.seed) and filled with the brief's own words. Each field is written to
// fit its limit in ZPageCopy: a long topic or audience only rules out the phrasings that quote it, never truncates.

const BOOKS: Record<TAiLanguage, TFunnelPhrasebook> = { fr: FR_PHRASES, en: EN_PHRASES };

/** The lines of the member's offer details that state a guarantee: quoted as the sales page's guarantee. */
const GUARANTEE_WORDS = /garanti|rembours|guarantee|refund/i;
/** Pages that show the offer's own contents first in their bullets. */
const OFFER_PAGES = new Set<TFunnelPageRole>(['sales', 'vsl']);

type TSingleSlot = 'name' | 'seo_title' | 'seo_description' | 'eyebrow' | 'headline' | 'promise' | 'cta_label' | 'cta_note' | 'guarantee';

/** The language and tone a brief is written in (its own, else the workspace's). */
export function briefLanguage(brief: TFunnelGenerateBody, ctx: TWriteContext): TAiLanguage {
  return brief.language ?? ctx.language;
}

/** What the phrases are filled with. */
export function phraseVars(brief: TFunnelGenerateBody, ctx: TWriteContext): TPhraseVars {
  const language = briefLanguage(brief, ctx);
  const book = BOOKS[language];
  const topic = brief.topic.trim().replace(/^["'«“»”\s]+|["'«“»”\s]+$/g, '') || brief.topic.trim();
  const brand = ctx.brand.brand_name.trim() || ctx.workspaceName.trim();
  const audience = (brief.target_audience.trim() || ctx.brand.audience.trim()).replace(/[.!;,\s]+$/, '');
  return {
    type: brief.type,
    tone: brief.tone ?? ctx.tone,
    topic,
    topicQ: language === 'fr' ? `« ${topic} »` : `“${topic}”`,
    audience: lowerFirst(audience),
    brand,
    ofBrand: /^[aeiouyhàâäéèêëîïôöùûü]/i.test(brand) ? `d’${brand}` : `de ${brand}`,
    price: brief.product_price > 0 ? formatPrice(brief.product_price, ctx.currency, language) : '',
    free: brief.product_price === 0,
    entry: book.entry[brief.type],
    offer: book.offer[brief.type],
    upsell: book.upsell,
    downsell: book.downsell,
    offerItems: offerLines(brief.offer_details?.trim() || ctx.brand.main_offer.trim() || undefined, 150),
  };
}

/** The copy of a whole funnel, page by page as GENERATED_FUNNEL_PAGES lists them for its type. */
export function builtinFunnelCopy(brief: TFunnelGenerateBody, ctx: TWriteContext, roles: TFunnelPageRole[] = GENERATED_FUNNEL_PAGES[brief.type]): TFunnelCopy {
  const pages = roles.map((role) => builtinPageCopy(brief, ctx, role));
  return ZFunnelCopy.parse({ ...builtinFunnelMeta(brief, ctx, roles), pages });
}

/** The funnel's name and description (from the brief; the model path uses them too). */
export function builtinFunnelMeta(brief: TFunnelGenerateBody, ctx: TWriteContext, roles: TFunnelPageRole[]): { funnel_name: string; description: string } {
  const language = briefLanguage(brief, ctx);
  const book = BOOKS[language];
  const picker = new PhrasePicker(phraseVars(brief, ctx), language, avoided(ctx), seedOf(ctx.seed, 'funnel'));
  const description = required(picker.maybe('description', book.funnelDescription, 400), 'description');
  const steps = `${book.stepsLabel}${language === 'fr' ? '\u00a0:' : ':'} ${roles.map((role) => book.roleLabels[role]).join(', ')}.`;
  const withSteps = `${description} ${steps}`;
  return {
    funnel_name: required(picker.maybe('name', book.funnelName, 120), 'funnel_name'),
    description: withSteps.length <= 400 ? withSteps : description,
  };
}

/** The copy of one page (a regeneration passes a new ctx.seed). */
export function builtinPageCopy(brief: TFunnelGenerateBody, ctx: TWriteContext, role: TFunnelPageRole): TPageCopy {
  const language = briefLanguage(brief, ctx);
  const book = BOOKS[language];
  const vars = phraseVars(brief, ctx);
  const phrases = book.byType[brief.type]?.[role] ?? book.roles[role];
  const pick = new PhrasePicker(vars, language, avoided(ctx), seedOf(ctx.seed, role));
  const one = (key: TSingleSlot, max: number) => required(pick.maybe(key, phrases[key], max), key);

  const offerBullets = OFFER_PAGES.has(role) ? pick.candidates([...vars.offerItems.map((item) => () => item)], 160).slice(0, 3) : [];
  const bullets = [...offerBullets, ...pick.some('bullets', phrases.bullets, 160, 5 - offerBullets.length).filter((b) => !offerBullets.includes(b))];
  const sections: TPageCopy['sections'] = [];
  for (const [i, slot] of phrases.sections.entries()) {
    const title = pick.maybe(`section${i}.title`, slot.title, 90);
    const text = pick.maybe(`section${i}.text`, slot.text, 600);
    if (title && text && sections.length < 4) sections.push({ title, text });
  }
  const faq: TPageCopy['faq'] = [];
  for (const [i, slot] of phrases.faq.entries()) {
    const question = pick.maybe(`faq${i}.question`, slot.question, 150);
    const answer = pick.maybe(`faq${i}.answer`, slot.answer, 500);
    if (question && answer && faq.length < 6) faq.push({ question, answer });
  }
  if (bullets.length < 3 || sections.length < 2 || faq.length < 3) throw noPhrasing(role);
  const statedGuarantee =
    role === 'sales' ? pick.candidates([...vars.offerItems.filter((l) => GUARANTEE_WORDS.test(l)).map((l) => () => l)], 300)[0] : undefined;
  return {
    role,
    name: one('name', 80),
    seo_title: one('seo_title', 70),
    seo_description: one('seo_description', 160),
    eyebrow: one('eyebrow', 60),
    headline: one('headline', 120),
    promise: one('promise', 300),
    bullets,
    sections,
    faq,
    cta_label: one('cta_label', 50),
    cta_note: one('cta_note', 160),
    guarantee: statedGuarantee ?? one('guarantee', 300),
  };

  function required(text: string | undefined, slot: string): string {
    if (text === undefined) throw noPhrasing(`${role}.${slot}`);
    return text;
  }
}

function avoided(ctx: TWriteContext): (text: string) => boolean {
  return avoidedWords(ctx.brand.words_to_avoid).test;
}

function required(text: string | undefined, slot: string): string {
  if (text === undefined) throw noPhrasing(slot);
  return text;
}

/** Every phrasing of a slot holds a word the brand avoids (or the brief's words do not fit): say so, never write it. */
function noPhrasing(slot: string): AppError {
  return new AppError('conflict', `The brand kit's words to avoid leave no phrasing for ${slot}`, {
    reason: 'ai_words_to_avoid_block_copy',
    params: { slot },
  });
}
