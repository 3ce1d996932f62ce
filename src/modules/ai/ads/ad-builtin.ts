import {
  AD_TEXT_LIMITS,
  type TAdCopy,
  type TAdGenerateBody,
  type TAdGenerationPlatform,
  type TAdVariant,
  type TAiLanguage,
  type TGoogleAdVariant,
  type TLinkedInAdVariant,
  type TMetaAdVariant,
} from '../../../contracts/ai.js';
import type { TWriteContext } from '../ai-context.js';
import { seededRandom } from '../builtin-kit/seeded-random.js';
import { fold, lowerFirst } from '../builtin-kit/text-case.js';
import { suggestAudiences } from './ad-audiences.js';
import { cleanBriefText, firstFit, shorterForms, textKey, type TFitRules, type TSlots } from './ad-fit.js';
import { AD_FRAMEWORKS, COPY_PHRASES, TARGETING_PHRASES, type TAdFramework } from './phrases/index.js';

// The built-in ad writer: no model, copywriting frameworks (AIDA, PAS, before/after/bridge, social proof, question
// hook, benefit first) and a phrase library per language, filled from the brief and the brand kit. Each of the five
// variants is written with another framework; every text is chosen among alternatives so that it fits the platform's
// limits once filled (ad-fit.ts). The seed decides every choice: one brief gives one copy, a new seed another.

const PLATFORM_LABELS: Record<TAdGenerationPlatform, string> = { facebook: 'Facebook', instagram: 'Instagram', google: 'Google', linkedin: 'LinkedIn' };
const VARIANTS = 5;

/** A campaign's copy: 5 variants within the platform's limits, 2–4 audiences, 3 visual texts. */
export function builtinAdCopy(brief: TAdGenerateBody, ctx: TWriteContext): TAdCopy {
  const writer = adWriter(brief, ctx, ctx.seed);
  const frameworks = writer.random.shuffle(AD_FRAMEWORKS).slice(0, VARIANTS);
  const variants = frameworks.map((framework, index) => writer.variant(framework, index));
  return {
    campaign_name: writer.campaignName(),
    variants,
    audiences: suggestAudiences({
      platform: brief.platform,
      objective: brief.objective,
      language: writer.language,
      product: brief.product,
      audience: audienceOf(brief, ctx),
    }),
    visual_texts: [0, 1, 2].map((index) => writer.visualText(index)),
  };
}

/** One variant rewritten with `ctx.seed`, different from every variant given (the campaign's current five). */
export function builtinAdVariant(brief: TAdGenerateBody, ctx: TWriteContext, current: readonly TAdVariant[]): TAdVariant {
  const taken = new Set(current.map(variantKey));
  for (let attempt = 0; attempt < 8; attempt++) {
    const writer = adWriter(brief, ctx, ctx.seed + attempt * 7919, current);
    const framework = writer.random.pick(AD_FRAMEWORKS);
    const variant = writer.variant(framework, writer.random.next() * 10);
    if (!taken.has(variantKey(variant))) return variant;
  }
  // Every text already used: the writer's alternatives are exhausted for this brief; a repeat beats a failure.
  const writer = adWriter(brief, ctx, ctx.seed);
  return writer.variant(writer.random.pick(AD_FRAMEWORKS), 0);
}

/** The brief's audience, else the brand kit's (empty when neither says). */
export function audienceOf(brief: TAdGenerateBody, ctx: TWriteContext): string {
  return cleanBriefText(brief.audience?.trim() ? brief.audience : ctx.brand.audience);
}

function adWriter(brief: TAdGenerateBody, ctx: TWriteContext, seed: number, previous: readonly TAdVariant[] = []) {
  const language: TAiLanguage = brief.language ?? ctx.language;
  const tone = brief.tone ?? ctx.tone;
  const phrases = COPY_PHRASES[language];
  // A product named in another language than the copy is still cut before its own small words.
  const stopWords = Object.values(TARGETING_PHRASES).flatMap((t) => t.stopWords);
  const clauseWords = Object.values(TARGETING_PHRASES).flatMap((t) => t.clauseWords);
  const offerWords = Object.values(TARGETING_PHRASES).flatMap((t) => t.offerWords);
  const random = seededRandom(seed);
  const avoid = ctx.brand.words_to_avoid;
  const product = cleanBriefText(brief.product) || phrases.objectiveLabels[brief.objective];
  const audience = audienceOf(brief, ctx);
  const brand = cleanBriefText(ctx.brand.brand_name) || cleanBriefText(ctx.workspaceName);
  const exclaim = tone === 'enthusiastic' || tone === 'playful';

  const order = {
    benefits: random.shuffle(phrases.benefits),
    benefitShorts: random.shuffle(phrases.benefitShorts),
    pains: random.shuffle(phrases.pains),
    befores: random.shuffle(phrases.befores),
    afters: random.shuffle(phrases.afters),
    ctas: random.shuffle(phrases.ctaSentences[brief.objective]),
    ctaShorts: random.shuffle(phrases.ctaShorts[brief.objective]),
    toneLines: random.shuffle(phrases.toneLines[tone]),
  };
  const brandForms = brand ? shorterForms(brand, [30, 18], stopWords) : [];
  // A shortened name must still say what the product is about ("Programme" alone does not).
  const saysSomething = (form: string) =>
    form === product ||
    fold(form)
      .split(/[^a-z0-9]+/)
      .some((w) => w.length >= 3 && !stopWords.includes(w) && !offerWords.includes(w));
  const productForms = shorterForms(product, [60, 45, 32, 24, 16], stopWords, clauseWords).filter(saysSomething);
  const audienceForms = audience ? shorterForms(lowerFirst(audience), [60, 40, 24], stopWords, clauseWords) : [];
  // Texts already written, per field, so that the five variants (and a regenerated one) all differ.
  const used = new Map<string, Set<string>>();
  for (const variant of previous)
    for (const [field, value] of Object.entries(variant)) for (const text of [value].flat()) usedFor(field).add(textKey(String(text)));

  function usedFor(field: string): Set<string> {
    let set = used.get(field);
    if (!set) used.set(field, (set = new Set()));
    return set;
  }

  /** Alternatives of each slot for variant `index`: its own picks first, then the others as fallbacks. */
  function slots(index: number, forGoogle = false): TSlots {
    const rotate = <T>(items: readonly T[], keep = 3) => items.map((_, i) => items[(Math.floor(index) + i) % items.length]!).slice(0, keep);
    const ctas = rotate(order.ctas, 4).flatMap((cta) => (cta.includes('{brand}') ? brandForms.map((b) => cta.replace('{brand}', b)) : [cta]));
    return {
      product: productForms,
      audience: audienceForms,
      brand: brandForms,
      benefit: rotate(order.benefits),
      benefitshort: rotate(order.benefitShorts),
      pain: rotate(order.pains),
      before: rotate(order.befores, 2),
      after: rotate(order.afters, 2),
      cta: exclaim && !forGoogle ? ctas.map((c) => c.replace(/\.$/, language === 'fr' ? ' !' : '!')) : ctas,
      ctashort: rotate(order.ctaShorts, 4),
      toneline: rotate(order.toneLines, 2),
      objectivelabel: [phrases.objectiveLabels[brief.objective]],
      platformlabel: [PLATFORM_LABELS[brief.platform]],
    };
  }

  function rules(field: string, limit: number, extra: Partial<TFitRules> = {}): TFitRules {
    return { language, limit, avoid, used: usedFor(field), ...extra };
  }

  /** The first fitting text; when everything fitting was used, a repeat; when the banned words leave nothing, say so. */
  function write(templates: readonly string[], slotValues: TSlots, fieldRules: TFitRules): string {
    const text =
      firstFit(templates, slotValues, fieldRules) ??
      firstFit(templates, slotValues, { ...fieldRules, used: undefined }) ??
      firstFit(templates, slotValues, { ...fieldRules, used: undefined, avoid: [] });
    if (!text) throw new Error(`No ${language} ad template fits ${fieldRules.limit} characters`);
    return text;
  }

  function metaVariant(framework: TAdFramework, index: number): TMetaAdVariant {
    const frame = phrases.frames[framework];
    const s = slots(index);
    const limits = AD_TEXT_LIMITS.meta;
    return {
      primary_text: write([...frame.primary, ...phrases.fallback.primary], s, rules('primary_text', limits.primary_text)),
      headline: write([...frame.headline, ...phrases.fallback.headline], s, rules('headline', limits.headline)),
      description: write(phrases.fallback.metaDescription, s, rules('description', limits.description)),
    };
  }

  function linkedInVariant(framework: TAdFramework, index: number): TLinkedInAdVariant {
    const frame = phrases.frames[framework];
    const s = slots(index);
    const limits = AD_TEXT_LIMITS.linkedin;
    return {
      intro_text: write([...frame.intro, ...phrases.fallback.intro], s, rules('intro_text', limits.intro_text)),
      headline: write([...frame.linkedinHeadline, ...phrases.fallback.linkedinHeadline], s, rules('headline', limits.headline)),
    };
  }

  function googleVariant(framework: TAdFramework, index: number): TGoogleAdVariant {
    const frame = phrases.frames[framework];
    const s = slots(index, true);
    const limits = AD_TEXT_LIMITS.google;
    // Within one ad the 15 headlines (and the 4 descriptions) must all differ; across ads only the first ones do.
    const headlineRules: TFitRules = { language, limit: limits.headline, avoid, used: new Set(), noExclamation: true };
    const headlines: string[] = [];
    const candidates = [
      ...frame.googleHeadlines,
      '{Product}',
      ...random.shuffle(order.ctaShorts),
      ...random.shuffle(order.benefitShorts),
      ...random.shuffle(phrases.googleHeadlinePool),
      ...Object.values(phrases.frames).flatMap((f) => f.googleHeadlines),
      ...Object.values(phrases.ctaShorts).flat(),
    ];
    for (const template of candidates) {
      if (headlines.length >= limits.headlines) break;
      const text = firstFit([template], s, headlineRules);
      if (text) headlines.push(text);
    }
    const descriptionRules: TFitRules = { language, limit: limits.description, avoid, used: new Set() };
    const descriptions: string[] = [];
    const descriptionTemplates = [
      ...frame.googleDescriptions,
      ...phrases.fallback.googleDescriptions,
      ...Object.values(phrases.frames).flatMap((f) => f.googleDescriptions),
    ];
    // One description per template first (four different angles), then other fillings of the same templates.
    for (const template of descriptionTemplates) {
      if (descriptions.length >= limits.descriptions) break;
      const text = firstFit([template], s, descriptionRules);
      if (text) descriptions.push(text);
    }
    while (descriptions.length < limits.descriptions) {
      const text = firstFit(descriptionTemplates, s, descriptionRules);
      if (!text) break;
      descriptions.push(text);
    }
    return { headlines, descriptions };
  }

  return {
    language,
    random,
    variant(framework: TAdFramework, index: number): TAdVariant {
      if (brief.platform === 'google') return googleVariant(framework, index);
      if (brief.platform === 'linkedin') return linkedInVariant(framework, index);
      return metaVariant(framework, index);
    },
    campaignName(): string {
      return write(phrases.campaignNames, { ...slots(0), product: productForms.filter((form) => form.length <= 60) }, { language, limit: 120, avoid });
    },
    visualText(index: number): { headline: string; subline: string } {
      const s = slots(index);
      return {
        headline: write(rotateTemplates(phrases.visualHeadlines, index), s, rules('visual_headline', 60)),
        subline: write(rotateTemplates(phrases.visualSublines, index), s, rules('visual_subline', 90)),
      };
    },
  };
}

function rotateTemplates(templates: readonly string[], index: number): string[] {
  return templates.map((_, i) => templates[(index + i) % templates.length]!);
}

function variantKey(variant: TAdVariant): string {
  return textKey(Object.values(variant).flat().join(' | '));
}
