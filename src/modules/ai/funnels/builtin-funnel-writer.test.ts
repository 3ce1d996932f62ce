import { describe, expect, it } from 'vitest';
import { GENERATED_FUNNEL_PAGES, ZFunnelCopy, type TFunnelCopy, type TFunnelGenerateBody } from '../../../contracts/ai.js';
import { FUNNEL_TYPES } from '../../../contracts/funnels.js';
import { testWriteContext } from '../builtin-kit/test-write-context.js';
import { builtinFunnelCopy, phraseVars } from './builtin-funnel-writer.js';

// The built-in writer for every funnel type in both languages, with topics a coach types: valid copy within every
// limit, no placeholder, no word of the other language, no word the brand avoids, different for different briefs and
// the same for the same brief and seed.

const LONG_TOPIC = `Comptabilité simplifiée pour freelances et indépendants qui veulent enfin comprendre leurs chiffres ${'et reprendre la main '.repeat(5)}`
  .slice(0, 200)
  .trim();
const TOPICS = {
  fr: ['Marketing Digital 2025', 'yoga prénatal', 'comptabilité pour freelances', LONG_TOPIC, 'L’été « zéro stress » & <script>alert(1)</script>'],
  en: ['Digital Marketing 2025', 'prenatal yoga', 'bookkeeping for freelancers', 'Naïve café "pricing" & <script>alert(1)</script>'],
} as const;
const AUDIENCES = { fr: 'Coachs et thérapeutes qui démarrent leur activité', en: 'coaches and therapists starting out' } as const;

const PLACEHOLDER = /lorem|ipsum|\[|\]|\{|\}|XXX|TODO|Votre Nom|Your Name|Votre Marque|Your Brand|undefined|null|NaN/;
const ENGLISH = /\b(the|and|your|you|with|for|this|that|get|now|free|our|we|is|are|join|click)\b/i;
const FRENCH = /\b(le|la|les|des|du|une|et|vous|votre|vos|pour|avec|est|sur|dans|nous|gratuit|gratuite)\b|’[a-z]|\b[ldjcnsqu]’/i;

/** Every text of a copy, with the brief's own words taken out (a topic may mix languages). */
function texts(copy: TFunnelCopy, brief: TFunnelGenerateBody): string[] {
  const all = [
    copy.funnel_name,
    copy.description,
    ...copy.pages.flatMap((p) => [
      p.name,
      p.seo_title,
      p.seo_description,
      p.eyebrow,
      p.headline,
      p.promise,
      ...p.bullets,
      ...p.sections.flatMap((s) => [s.title, s.text]),
      ...p.faq.flatMap((f) => [f.question, f.answer]),
      p.cta_label,
      p.cta_note,
      p.guarantee,
    ]),
  ];
  const own = [brief.topic, brief.target_audience, brief.target_audience.charAt(0).toLowerCase() + brief.target_audience.slice(1), brief.offer_details ?? '']
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  return all.map((text) => own.reduce((rest, word) => rest.split(word).join(' '), text).replace(/Atelier Lila|Espace Test/g, ' '));
}

describe('builtinFunnelCopy', () => {
  for (const language of ['fr', 'en'] as const) {
    for (const type of FUNNEL_TYPES) {
      it(`writes a ${type} funnel in ${language} for every topic, within limits, without placeholders or the other language`, () => {
        for (const [i, topic] of TOPICS[language].entries()) {
          const brief: TFunnelGenerateBody = {
            type,
            topic,
            product_price: i % 2 === 0 ? 397 : 0,
            target_audience: AUDIENCES[language],
            language,
            ...(i === 1 ? { offer_details: language === 'fr' ? 'Huit modules vidéo\nDeux séances en direct' : 'Eight video modules\nTwo live sessions' } : {}),
          };
          const copy = builtinFunnelCopy(brief, testWriteContext({ language, seed: 100 + i }));
          expect(ZFunnelCopy.safeParse(copy).success).toBe(true);
          expect(copy.pages.map((p) => p.role)).toEqual(GENERATED_FUNNEL_PAGES[type]);
          for (const text of texts(copy, brief)) {
            expect(text, text).not.toMatch(PLACEHOLDER);
            expect(text, text).not.toMatch(language === 'fr' ? ENGLISH : FRENCH);
          }
          if (brief.product_price === 0) {
            const sales = copy.pages.find((p) => p.role === 'sales');
            if (sales) expect(JSON.stringify(sales)).not.toMatch(/paiement|payer|payment|pay\b|397/i);
          } else if (type !== 'service') {
            expect(JSON.stringify(copy)).toMatch(language === 'fr' ? /397\s€/u : /€397/);
          }
        }
      });
    }
  }

  it('writes 7 pages for a webinar, in the order of the issue', () => {
    const copy = builtinFunnelCopy({ type: 'webinar', topic: 'yoga prénatal', product_price: 297, target_audience: 'futures mamans' }, testWriteContext());
    expect(copy.pages.map((p) => p.role)).toEqual(['registration', 'confirmation', 'replay', 'sales', 'upsell', 'downsell', 'thank_you']);
  });

  it('gives different copy for different briefs, and the same copy for the same brief and seed', () => {
    const a: TFunnelGenerateBody = { type: 'webinar', topic: 'yoga prénatal', product_price: 297, target_audience: 'futures mamans' };
    const b: TFunnelGenerateBody = { ...a, topic: 'comptabilité pour freelances', target_audience: 'freelances du numérique' };
    expect(builtinFunnelCopy(a, testWriteContext())).toEqual(builtinFunnelCopy(a, testWriteContext()));
    expect(builtinFunnelCopy(a, testWriteContext())).not.toEqual(builtinFunnelCopy(b, testWriteContext()));
    // Another seed (a regeneration) picks other phrasings for the same brief.
    const strip = (copy: TFunnelCopy) => JSON.stringify(copy.pages);
    expect(strip(builtinFunnelCopy(a, testWriteContext({ seed: 1 })))).not.toEqual(strip(builtinFunnelCopy(a, testWriteContext({ seed: 2 }))));
  });

  it('never uses a word the brand avoids, whatever its case or accents', () => {
    const brief: TFunnelGenerateBody = { type: 'webinar', topic: 'yoga prénatal', product_price: 297, target_audience: 'futures mamans' };
    const words = ['Concret', 'GRATUITE'];
    const before = JSON.stringify(builtinFunnelCopy(brief, testWriteContext()));
    expect(before).toMatch(/gratuite/);
    const copy = builtinFunnelCopy(brief, testWriteContext({ brand: { words_to_avoid: words } }));
    for (const text of texts(copy, brief)) expect(text, text).not.toMatch(/(^|[^\p{L}])(concret|gratuite)($|[^\p{L}])/iu);
  });

  it('writes every funnel type in both languages for a brand that avoids the words of free and cheap offers', () => {
    const cases = [
      { language: 'fr', words: ['gratuit', 'offert', 'pas cher'], banned: /(^|[^\p{L}])(gratuit|offert|pas cher)($|[^\p{L}])/iu },
      // Every form of them too, as a premium brand would list them.
      { language: 'fr', words: ['gratuit', 'gratuite', 'gratuitement', 'offert', 'offerte', 'pas cher'], banned: /gratuit|offert|pas cher/iu },
      { language: 'en', words: ['free', 'cheap'], banned: /(^|[^\p{L}])(free|cheap)($|[^\p{L}])/iu },
    ] as const;
    for (const { language, words, banned } of cases) {
      for (const type of FUNNEL_TYPES) {
        for (const [i, topic] of [...TOPICS[language].slice(0, 2), LONG_TOPIC].entries()) {
          const brief: TFunnelGenerateBody = {
            type,
            topic,
            product_price: type === 'lead_magnet' || i === 1 ? 0 : 97,
            target_audience: AUDIENCES[language],
            language,
          };
          const copy = builtinFunnelCopy(brief, testWriteContext({ language, seed: 300 + i, brand: { words_to_avoid: [...words] } }));
          expect(copy.pages.map((p) => p.role)).toEqual(GENERATED_FUNNEL_PAGES[type]);
          for (const text of texts(copy, brief)) expect(text, `${language} ${type}: ${text}`).not.toMatch(banned);
        }
      }
    }
  });

  it('refuses, with a reason, when the words to avoid leave no phrasing at all', () => {
    const brief: TFunnelGenerateBody = { type: 'webinar', topic: 'yoga prénatal', product_price: 297, target_audience: 'futures mamans' };
    const error = (() => {
      try {
        return builtinFunnelCopy(brief, testWriteContext({ brand: { words_to_avoid: ['vous', 'votre', 'la', 'le'] } }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'conflict', reason: 'ai_words_to_avoid_block_copy' });
  });

  it('uses the brand name, else the workspace name, and a stated guarantee from the offer details', () => {
    const brief: TFunnelGenerateBody = {
      type: 'product',
      topic: 'yoga prénatal',
      product_price: 149,
      target_audience: 'futures mamans',
      offer_details: '12 séances filmées\nGarantie satisfait ou remboursé de 30 jours',
    };
    const copy = builtinFunnelCopy(brief, testWriteContext({ seed: 7 }));
    expect(copy.pages.find((p) => p.role === 'sales')!.guarantee).toBe('Garantie satisfait ou remboursé de 30 jours');
    expect(phraseVars(brief, testWriteContext()).brand).toBe('Atelier Lila');
    expect(phraseVars(brief, testWriteContext({ brand: { brand_name: ' ' } })).brand).toBe('Espace Test');
    const noBrand = builtinFunnelCopy(brief, testWriteContext({ seed: 7, brand: { brand_name: '' } }));
    expect(JSON.stringify(noBrand)).not.toContain('Atelier Lila');
  });
});
