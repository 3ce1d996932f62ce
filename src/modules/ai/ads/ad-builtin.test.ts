import { describe, expect, it } from 'vitest';
import {
  AD_GENERATION_PLATFORMS,
  AD_OBJECTIVES,
  AD_TEXT_LIMITS,
  ZAdCopy,
  type TAdCopy,
  type TAdGenerateBody,
  type TAdGenerationPlatform,
  type TAdVariant,
  type TAiLanguage,
  type TGoogleAdVariant,
  type TLinkedInAdVariant,
  type TMetaAdVariant,
} from '../../../contracts/ai.js';
import { testWriteContext, type TTestWriteContext } from '../builtin-kit/test-write-context.js';
import { fold } from '../builtin-kit/text-case.js';
import { builtinAdCopy, builtinAdVariant } from './ad-builtin.js';
import { textKey } from './ad-fit.js';
import { adCopySchema } from './ad-prompt.js';

// The built-in ad writer against every platform, objective and language: the platform's schema and limits, real
// copy (no placeholders, no English in French), variety and determinism, and long briefs that must still fit.

const PRODUCTS: Record<TAiLanguage, string> = { fr: 'Coaching en nutrition sportive', en: 'Sports nutrition coaching' };
const ENGLISH_WORDS = new Set(
  'the and your you with for now get free more learn order sign join why what today our discover click shop best who that this not read share follow about'.split(
    ' ',
  ),
);
const PLACEHOLDER = /[[\]{}]|XXX|[Ll]orem|[Vv]otre [Nn]om|[Yy]our name|\bundefined\b|\bnull\b|\bNaN\b|…|\.\.\./;

/** The brand these tests write for: its audience is the one of a brief that names none. */
const BRAND = { brand_name: 'Atelier Sérénité', audience: 'coachs et thérapeutes indépendants' };

function testContext(language: TAiLanguage, overrides: TTestWriteContext = {}) {
  return testWriteContext({ language, workspaceName: BRAND.brand_name, ...overrides, brand: { ...BRAND, ...overrides.brand } });
}

function brief(platform: TAdGenerationPlatform, objective: TAdGenerateBody['objective'], language: TAiLanguage, product = PRODUCTS[language]): TAdGenerateBody {
  return { platform, objective, language, product, budget: 500 };
}

function textsOf(copy: TAdCopy): string[] {
  return [
    copy.campaign_name,
    ...copy.variants.flatMap((v) => Object.values(v).flat() as string[]),
    ...copy.visual_texts.flatMap((t) => [t.headline, t.subline]),
    ...copy.audiences.flatMap((a) => [
      a.name,
      a.rationale,
      ...a.targeting.interests,
      ...a.targeting.job_titles,
      ...a.targeting.keywords,
      ...a.targeting.locations,
    ]),
  ];
}

/** Fails with the text over its limit, so a failure says which. */
function expectWithinLimits(platform: TAdGenerationPlatform, variant: TAdVariant) {
  const over = (text: string, limit: number) => expect(text.length, `"${text}" (${text.length} > ${limit})`).toBeLessThanOrEqual(limit);
  if (platform === 'google') {
    const google = variant as TGoogleAdVariant;
    expect(google.headlines).toHaveLength(AD_TEXT_LIMITS.google.headlines);
    expect(google.descriptions).toHaveLength(AD_TEXT_LIMITS.google.descriptions);
    expect(new Set(google.headlines.map(textKey)).size).toBe(15);
    expect(new Set(google.descriptions.map(textKey)).size).toBe(4);
    google.headlines.forEach((h) => over(h, AD_TEXT_LIMITS.google.headline));
    google.descriptions.forEach((d) => over(d, AD_TEXT_LIMITS.google.description));
    google.headlines.forEach((h) => expect(h).not.toContain('!'));
  } else if (platform === 'linkedin') {
    const linkedin = variant as TLinkedInAdVariant;
    over(linkedin.intro_text, AD_TEXT_LIMITS.linkedin.intro_text);
    over(linkedin.headline, AD_TEXT_LIMITS.linkedin.headline);
  } else {
    const meta = variant as TMetaAdVariant;
    over(meta.primary_text, AD_TEXT_LIMITS.meta.primary_text);
    over(meta.headline, AD_TEXT_LIMITS.meta.headline);
    over(meta.description, AD_TEXT_LIMITS.meta.description);
  }
}

describe('builtinAdCopy', () => {
  for (const language of ['fr', 'en'] as const) {
    for (const platform of AD_GENERATION_PLATFORMS) {
      it(`writes valid ${language} copy within ${platform}'s limits for every objective`, () => {
        for (const objective of AD_OBJECTIVES) {
          const copy = builtinAdCopy(brief(platform, objective, language), testContext(language));
          expect(() => ZAdCopy.parse(copy)).not.toThrow();
          expect(() => adCopySchema(platform).parse(copy)).not.toThrow();
          expect(copy.variants).toHaveLength(5);
          copy.variants.forEach((v) => expectWithinLimits(platform, v));
          // The five variants are five different ads.
          expect(new Set(copy.variants.map((v) => textKey(Object.values(v).flat().join(' ')))).size).toBe(5);
          expect(copy.audiences.length).toBeGreaterThanOrEqual(2);
          expect(copy.audiences.length).toBeLessThanOrEqual(4);
          expect(copy.visual_texts).toHaveLength(3);
          for (const text of textsOf(copy)) expect(text, text).not.toMatch(PLACEHOLDER);
          if (language === 'fr') {
            const words = textsOf(copy).flatMap((t) => t.toLowerCase().split(/[^\p{L}]+/u));
            expect(words.filter((w) => ENGLISH_WORDS.has(w))).toEqual([]);
          }
        }
      });
    }
  }

  it('puts the audience in the platform’s targeting terms', () => {
    const meta = builtinAdCopy(brief('facebook', 'leads', 'fr'), testContext('fr'));
    expect(meta.audiences[0]!.targeting.locations).toEqual(['France', 'Belgique', 'Suisse', 'Canada']);
    expect(meta.audiences[0]!.targeting.interests).toContain('Nutrition');
    expect(meta.audiences[0]!.targeting.age_min).toBeTypeOf('number');
    const google = builtinAdCopy(brief('google', 'conversions', 'fr'), testContext('fr'));
    expect(google.audiences.flatMap((a) => a.targeting.keywords)).toEqual(expect.arrayContaining(['coaching en nutrition sportive', 'nutrition sportive']));
    const linkedin = builtinAdCopy(brief('linkedin', 'leads', 'en'), testContext('en', { brand: { audience: 'independent consultants and coaches' } }));
    expect(linkedin.audiences[0]!.targeting.job_titles).toEqual(expect.arrayContaining(['Coach', 'Independent Consultant']));
    expect(linkedin.audiences[0]!.targeting.locations).toContain('United Kingdom');
  });

  it('writes French typography: non-breaking spaces before ? ! : ; and elisions', () => {
    const copy = builtinAdCopy(brief('linkedin', 'engagement', 'fr'), testContext('fr', { tone: 'enthusiastic' }));
    const texts = textsOf(copy);
    expect(texts.filter((t) => / [?!:;]/.test(t))).toEqual([]);
    expect(texts.some((t) => /\u00a0[?!:]/.test(t))).toBe(true);
    expect(texts.filter((t) => /\b(de|que) [aeiouéè]/i.test(t))).toEqual([]);
  });

  it('gives the same copy for the same seed, and other copy for another product or seed', () => {
    const body = brief('facebook', 'conversions', 'fr');
    expect(builtinAdCopy(body, testContext('fr'))).toEqual(builtinAdCopy(body, testContext('fr')));
    const other = builtinAdCopy({ ...body, product: 'Atelier de poterie pour débutants' }, testContext('fr'));
    expect(other).not.toEqual(builtinAdCopy(body, testContext('fr')));
    expect(textsOf(other).join(' ')).toContain('poterie');
    expect(textsOf(builtinAdCopy(body, testContext('fr'))).join(' ')).not.toContain('poterie');
    expect(builtinAdCopy(body, testContext('fr', { seed: 99 })).variants).not.toEqual(builtinAdCopy(body, testContext('fr')).variants);
  });

  it('keeps a 200-character product name and a long audience within every limit, cut between words', () => {
    const product = [
      'Programme complet de remise en forme',
      'avec coaching nutritionnel hebdomadaire, séances de yoga',
      'guidées, recettes saisonnières et suivi personnalisé',
      'pour retrouver énergie, souplesse et sommeil réparateur durablement',
    ].join(' ');
    expect(product.length).toBeGreaterThanOrEqual(200);
    const audience =
      'femmes actives de trente à cinquante ans qui manquent de temps, travaillent beaucoup et veulent prendre soin de leur santé sans se priver';
    const productWords = new Set(fold(product).split(/[^a-z0-9]+/));
    for (const platform of AD_GENERATION_PLATFORMS) {
      for (const language of ['fr', 'en'] as const) {
        const copy = builtinAdCopy({ ...brief(platform, 'leads', language, product), audience }, testContext(language));
        expect(() => adCopySchema(platform).parse(copy)).not.toThrow();
        copy.variants.forEach((v) => expectWithinLimits(platform, v));
        for (const text of textsOf(copy)) {
          expect(text).not.toMatch(/…|\.\.\./);
          // A word of the text that only begins a word of the product would be a name cut mid-word.
          const cut = fold(text)
            .split(/[^a-z0-9]+/)
            .filter((w) => w.length >= 4 && !productWords.has(w) && [...productWords].some((p) => p.startsWith(w)));
          expect(cut, text).toEqual([]);
        }
        expect(copy.campaign_name.length).toBeLessThanOrEqual(120);
      }
    }
  });

  it('never leaves a shortened product name inside open quotes or brackets', () => {
    const product = 'Programme « Confiance en soi » en 8 semaines (avec un suivi individuel)';
    for (const platform of AD_GENERATION_PLATFORMS) {
      for (const seed of [1, 2, 3]) {
        const copy = builtinAdCopy(brief(platform, 'conversions', 'fr', product), testContext('fr', { seed }));
        for (const text of textsOf(copy)) {
          expect(text.split('«').length, text).toBe(text.split('»').length);
          expect(text.split('(').length, text).toBe(text.split(')').length);
        }
      }
    }
  });

  it('never writes the brand’s words to avoid', () => {
    const ctx = testContext('fr', { brand: { words_to_avoid: ['méthode', 'gratuitement', 'Simple'] } });
    for (const platform of AD_GENERATION_PLATFORMS) {
      const copy = builtinAdCopy(brief(platform, 'leads', 'fr'), ctx);
      const written = copy.variants.flatMap((v) => Object.values(v).flat() as string[]).concat(copy.visual_texts.flatMap((t) => [t.headline, t.subline]));
      expect(written.filter((t) => /\b(methode|gratuitement|simple)\b/.test(fold(t)))).toEqual([]);
      copy.variants.forEach((v) => expectWithinLimits(platform, v));
    }
  });
});

describe('builtinAdVariant', () => {
  it('rewrites a variant different from the five current ones, within the limits', () => {
    for (const platform of AD_GENERATION_PLATFORMS) {
      const body = brief(platform, 'traffic', 'fr');
      const copy = builtinAdCopy(body, testContext('fr'));
      const variant = builtinAdVariant(body, testContext('fr', { seed: 777 }), copy.variants);
      const key = (v: TAdVariant) => textKey(Object.values(v).flat().join(' '));
      expect(copy.variants.map(key)).not.toContain(key(variant));
      expectWithinLimits(platform, variant);
    }
  });
});

describe('adCopySchema (the model path)', () => {
  const good = builtinAdCopy(brief('facebook', 'leads', 'fr'), testContext('fr'));

  it('refuses a variant over the platform’s limits', () => {
    const variants = [...good.variants];
    variants[2] = { ...(variants[2] as TMetaAdVariant), headline: 'Un titre beaucoup trop long pour une publicité Meta' };
    expect(adCopySchema('facebook').safeParse({ ...good, variants }).success).toBe(false);
    expect(adCopySchema('facebook').safeParse(good).success).toBe(true);
  });

  it('refuses a Google ad without its 15 distinct headlines, and links or markup anywhere', () => {
    const google = builtinAdCopy(brief('google', 'leads', 'fr'), testContext('fr'));
    const short = { ...google, variants: google.variants.map((v) => ({ ...v, headlines: (v as TGoogleAdVariant).headlines.slice(0, 14) })) };
    expect(adCopySchema('google').safeParse(short).success).toBe(false);
    const twice = {
      ...google,
      variants: google.variants.map((v) => ({ ...v, headlines: [...(v as TGoogleAdVariant).headlines.slice(0, 14), (v as TGoogleAdVariant).headlines[0]] })),
    };
    expect(adCopySchema('google').safeParse(twice).success).toBe(false);
    const linked = { ...good, visual_texts: good.visual_texts.map((t, i) => (i === 0 ? { ...t, subline: 'Voir https://ailleurs.example' } : t)) };
    expect(adCopySchema('facebook').safeParse(linked).success).toBe(false);
  });
});
