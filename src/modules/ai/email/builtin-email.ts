import { ZEmailCopy, type TAiLanguage, type TEmailCopy, type TEmailGenerateBody } from '../../../contracts/ai.js';
import { seedOf, type TWriteContext } from '../ai-context.js';
import { avoidedWords, type TAvoidedWords } from '../builtin-kit/avoided-words.js';
import { seededRandom, type TRandom } from '../builtin-kit/seeded-random.js';
import { capitalize } from '../builtin-kit/text-case.js';
import { typeset } from '../builtin-kit/typography.js';
import { EN_EMAIL } from './email-phrases.en.js';
import { FR_EMAIL } from './email-phrases.fr.js';
import { SUBJECT_STYLES, type TEmailLibrary, type TEmailVars, type TGenericField, type TPhrase, type TStage } from './email-phrases.types.js';
import { clip, inSentence, quoted, withoutLiquid } from './email-text.js';

// The built-in email writer: no model, a copywriting framework (AIDA, PAS or before/after/bridge, among those that
// suit the email type) filled with the language's phrasings for the type and the tone, and the brief's topic,
// audience and brand kit. Every choice comes from a PRNG seeded with the context's seed and the brief: the same brief
// and seed always give the same copy, another brief or a regeneration (a new seed) other copy.

/** ZEmailCopy's limits, which every chosen phrase must fit. */
const LIMIT = { name: 120, subject: 90, preheader: 140, intro: 400, title: 90, paragraph: 700, bullet: 160, cta: 50, closing: 300, ps: 300 } as const;

const LIBRARIES: Record<TAiLanguage, TEmailLibrary> = { fr: FR_EMAIL, en: EN_EMAIL };

export function builtinEmailCopy(brief: TEmailGenerateBody, ctx: TWriteContext): TEmailCopy {
  const language = brief.language ?? ctx.language;
  const tone = brief.tone ?? ctx.tone;
  const library = LIBRARIES[language];
  const phrases = library.types[brief.type];
  const random = seededRandom(seedOf(ctx.seed, brief.type, brief.topic, brief.audience, tone, language));
  const avoid = avoidedWords(ctx.brand.words_to_avoid);
  const vars = varsOf(brief, ctx, language);
  const write = chooser(random, vars, language, avoid, library);

  const styles = random.shuffle(SUBJECT_STYLES);
  const subjects: string[] = [];
  for (const style of styles) subjects.push(write('subject', phrases.subjects[style], LIMIT.subject, subjects));

  const leadIn = write(null, library.tones[tone].leadIn, 120);
  const intro = [leadIn, write('intro', phrases.intro, LIMIT.intro - leadIn.length - 1)].filter(Boolean).join(' ');

  const titles: string[] = [];
  const title = (stage: TStage) => {
    const chosen = write('title', phrases.titles?.[stage] ?? library.titles[stage], LIMIT.title, titles);
    titles.push(chosen);
    return chosen;
  };
  const paragraph = (slot: TPhrase[]) => write('paragraph', slot, LIMIT.paragraph);
  const bullets = pickBullets(random, phrases.bullets, vars, language, avoid);
  const forWhom = paragraph(library.forWhom);

  const framework = random.pick(phrases.frameworks);
  const sections =
    framework === 'aida'
      ? [
          { title: title('attention'), paragraphs: [paragraph(phrases.hook), paragraph(phrases.offer)], bullets: [] },
          { title: title('desire'), paragraphs: [paragraph(phrases.promise), forWhom], bullets },
        ]
      : framework === 'pas'
        ? [
            { title: title('problem'), paragraphs: [paragraph(phrases.pain), paragraph(phrases.stakes)], bullets: [] },
            { title: title('solution'), paragraphs: [paragraph(phrases.offer), forWhom], bullets },
          ]
        : [
            { title: title('before'), paragraphs: [paragraph(phrases.pain)], bullets: [] },
            { title: title('after'), paragraphs: [paragraph(phrases.promise)], bullets: [] },
            { title: title('bridge'), paragraphs: [paragraph(phrases.offer), forWhom], bullets },
          ];

  const name = avoid.scrub(typeset(language, clip(withoutLiquid(brief.name ?? `${library.typeLabel[brief.type]} – ${vars.topic}`), LIMIT.name)));
  return ZEmailCopy.parse({
    name: name.length >= 2 ? name : library.typeLabel[brief.type],
    subject: subjects[0],
    subject_alternatives: subjects.slice(1),
    preheader: write('preheader', phrases.preheader, LIMIT.preheader),
    intro,
    sections,
    cta_label: write('cta', phrases.cta, LIMIT.cta),
    closing: write('closing', library.tones[tone].closing, LIMIT.closing),
    ps: write('ps', [...phrases.ps, ...library.ps], LIMIT.ps),
  });
}

/** The brief's words framed for the phrases (no Liquid braces, no closing punctuation of their own). */
function varsOf(brief: TEmailGenerateBody, ctx: TWriteContext, language: TAiLanguage): TEmailVars {
  const clean = (text: string) =>
    withoutLiquid(text)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\s.!?…;:,]+$/u, '');
  const topic = clean(brief.topic);
  const offer = clean(ctx.brand.main_offer);
  return {
    topic: capitalize(topic),
    topicMid: inSentence(topic),
    topicQ: quoted(language, topic),
    audience: inSentence(clean(brief.audience)),
    brand: clean(ctx.brand.brand_name) || clean(ctx.workspaceName),
    offer: offer ? inSentence(offer) : '',
  };
}

/**
 * Picks one phrasing of a slot: among those that fit `max` once typeset, differ from `taken` and hold no avoided word;
 * when every one holds an avoided word, among the field's plain phrasings (`generic`, null for an optional field);
 * and as a last resort (the brief itself carries the word everywhere) the word is taken out of the text.
 */
function chooser(random: TRandom, vars: TEmailVars, language: TAiLanguage, avoid: TAvoidedWords, library: TEmailLibrary) {
  const candidates = (slot: readonly TPhrase[], max: number, taken: readonly string[]) => {
    const filled = slot.map((phrase) => typeset(language, phrase(vars))).filter((text) => text.length >= 2 && !taken.includes(text));
    const fitting = filled.filter((text) => text.length <= max);
    return { filled, fitting, clean: fitting.filter((text) => !avoid.test(text)) };
  };
  return (generic: TGenericField | null, slot: readonly TPhrase[], max: number, taken: readonly string[] = []): string => {
    const own = candidates(slot, max, taken);
    if (own.clean.length > 0) return random.pick(own.clean);
    const plain = generic ? candidates(library.generic[generic], max, taken) : null;
    if (plain && plain.clean.length > 0) return random.pick(plain.clean);
    const scrubbed = (own.fitting.length > 0 ? own.fitting : own.filled.map((text) => clip(text, max)))
      .map((text) => avoid.scrub(text))
      .filter((text) => text.length >= 2 && !taken.includes(text));
    return scrubbed.length > 0 ? random.pick(scrubbed) : '';
  };
}

/** Three or four distinct benefits, free of avoided words. */
function pickBullets(random: TRandom, slot: readonly TPhrase[], vars: TEmailVars, language: TAiLanguage, avoid: TAvoidedWords): string[] {
  const count = 3 + Math.floor(random.next() * 2);
  const texts = random
    .shuffle(slot)
    .map((phrase) => typeset(language, phrase(vars)))
    .filter((text) => text.length >= 2 && text.length <= LIMIT.bullet && !avoid.test(text));
  return texts.slice(0, count);
}
