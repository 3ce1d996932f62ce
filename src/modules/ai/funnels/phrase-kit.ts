import type { TAiLanguage, TAiTone, TFunnelPageRole } from '../../../contracts/ai.js';
import type { TFunnelType } from '../../../contracts/funnels.js';
import { mulberry32 } from '../builtin-kit/seeded-random.js';
import { typeset } from '../builtin-kit/typography.js';

// The machinery of the built-in writer's phrase libraries (funnel-phrases.fr.ts, funnel-phrases.en.ts): a phrase is a
// function of the brief's values returning one sentence, or '' when it does not apply (a price on a free offer…).
// A slot lists alternatives; the writer keeps those that fit the field's limit and hold no word the brand avoids, then
// picks one with a PRNG seeded from the brief, so one brief always reads the same and two briefs read differently.

/** A noun of the offer in every grammatical position, so phrases never inflect anything (French articles, gender). */
export type TNoun = {
  /** la masterclass / the masterclass */
  the: string;
  /** une masterclass / a masterclass */
  a: string;
  /** de la masterclass / of the masterclass */
  of: string;
  /** à la masterclass / to the masterclass */
  to: string;
  /** cette masterclass / this masterclass */
  this: string;
  /** votre masterclass / your masterclass */
  your: string;
  /** masterclass */
  bare: string;
  /** Feminine (French agreement of the few adjectives that follow it). */
  fem: boolean;
};

/** What phrases are filled with: the brief's words as typed (framed, never inflected) and the offer's nouns. */
export type TPhraseVars = {
  type: TFunnelType;
  tone: TAiTone;
  /** The topic as typed. */
  topic: string;
  /** The topic in quotation marks (« … » / “…”), safe inside any sentence. */
  topicQ: string;
  /** Who it is for, first letter lower-cased unless it is an acronym. */
  audience: string;
  brand: string;
  /** « de Lila » / « d’Atelier Lila »: the brand after « de », elided before a vowel (French only). */
  ofBrand: string;
  /** The main offer's price, formatted in the workspace's currency; '' when free. */
  price: string;
  free: boolean;
  /** The free first step (masterclass, guide, discovery call, presentation video…). */
  entry: TNoun;
  /** The main paid offer (programme, course, coaching, club…). */
  offer: TNoun;
  /** The upsell (a premium add-on) and the downsell (a lighter version). */
  upsell: TNoun;
  downsell: TNoun;
  /** Lines of the offer's contents (offer_details, else the brand kit's main offer), each a short sentence. */
  offerItems: string[];
};

export type TPhrase = (v: TPhraseVars) => string;
/** Alternatives, optionally with ones a tone prefers (used first when any fits). */
export type TSlot = TPhrase[] | { base: TPhrase[]; tones: Partial<Record<TAiTone, TPhrase[]>> };
export type TSectionSlot = { title: TSlot; text: TSlot };
export type TFaqSlot = { question: TSlot; answer: TSlot };

/** The phrases of one page role. */
export type TRolePhrases = {
  name: TSlot;
  seo_title: TSlot;
  seo_description: TSlot;
  eyebrow: TSlot;
  headline: TSlot;
  promise: TSlot;
  /** 3 to 6 are kept, distinct. */
  bullets: TPhrase[];
  /** One section per entry that has a fitting phrasing, 2 to 4. */
  sections: TSectionSlot[];
  faq: TFaqSlot[];
  cta_label: TSlot;
  cta_note: TSlot;
  guarantee: TSlot;
};

/** A price in the workspace's currency, written the language's way (497 € / €497). */
export function formatPrice(amount: number, currency: string, language: TAiLanguage): string {
  const whole = Number.isInteger(amount);
  try {
    return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    // An unknown currency code: the amount and the code, still readable.
    return `${amount} ${currency}`;
  }
}

/** The offer's contents as short lines (the member's own words): split on line breaks, bullets and sentences. */
export function offerLines(text: string | undefined, max: number): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n|•|;|(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((line) => line.replace(/^[\s\-*–—·0-9.)]+/, '').trim())
    .map((line) => line.replace(/[.;,]+$/, ''))
    .filter((line) => line.length >= 3 && line.length <= max)
    .slice(0, 6);
}

/** Picks phrasings for one page: each slot's choice comes from its own stream, so adding a slot changes no other. */
export class PhrasePicker {
  constructor(
    private readonly vars: TPhraseVars,
    private readonly language: TAiLanguage,
    private readonly avoided: (text: string) => boolean,
    private readonly seed: number,
  ) {}

  /** The fitting phrasings of a slot (tone's first when some fit), filled and finished. */
  candidates(slot: TSlot, max: number): string[] {
    const groups = Array.isArray(slot) ? [slot] : [slot.tones[this.vars.tone] ?? [], slot.base];
    for (const group of groups) {
      const fitting = this.fill(group).filter((text) => text.length >= 2 && text.length <= max);
      if (fitting.length > 0) return fitting;
    }
    return [];
  }

  /** One phrasing of the slot, or undefined when none fits. */
  maybe(key: string, slot: TSlot, max: number): string | undefined {
    const options = this.candidates(slot, max);
    return options.length ? options[Math.floor(this.random(key)() * options.length)] : undefined;
  }

  one(key: string, slot: TSlot, max: number): string {
    const text = this.maybe(key, slot, max);
    if (text === undefined) throw new Error(`No phrasing fits the slot ${key}`);
    return text;
  }

  /** `count` distinct phrasings (fewer when fewer fit), in a seeded order. */
  some(key: string, phrases: TPhrase[], max: number, count: number): string[] {
    const options = [...new Set(this.candidates(phrases, max))];
    const random = this.random(key);
    for (let i = options.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [options[i], options[j]] = [options[j]!, options[i]!];
    }
    return options.slice(0, count);
  }

  /** A number in [0, 1) drawn for `key`. */
  chance(key: string): number {
    return this.random(key)();
  }

  private fill(phrases: TPhrase[]): string[] {
    return phrases
      .map((phrase) => phrase(this.vars))
      .filter((text) => text.trim() !== '')
      .map((text) => typeset(this.language, text))
      .filter((text) => !this.avoided(text));
  }

  private random(key: string): () => number {
    let hash = this.seed ^ 0x9e3779b9;
    for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return mulberry32(hash);
  }
}

/** A language's whole library: the offers' nouns, the funnel's name and description, and every page role's phrases. */
export type TFunnelPhrasebook = {
  entry: Record<TFunnelType, TNoun>;
  offer: Record<TFunnelType, TNoun>;
  upsell: TNoun;
  downsell: TNoun;
  funnelName: TSlot;
  funnelDescription: TSlot;
  roles: Record<TFunnelPageRole, TRolePhrases>;
  /** What each page is, in a list of the funnel's steps (its description). */
  roleLabels: Record<TFunnelPageRole, string>;
  /** « Étapes » / "Steps". */
  stepsLabel: string;
  /** A role's phrases for one funnel type when its pages mean something else there (a thank-you after an opt-in…). */
  byType: Partial<Record<TFunnelType, Partial<Record<TFunnelPageRole, TRolePhrases>>>>;
};

/** The gendered form of a word agreeing with a noun (« gratuit » / « gratuite »). */
export const agree = (noun: TNoun, masculine: string, feminine: string): string => (noun.fem ? feminine : masculine);
/** The text only for a paid offer ('' for a free one, which the picker skips), and the reverse. */
export const ifPaid = (v: TPhraseVars, text: string): string => (v.free ? '' : text);
export const ifFree = (v: TPhraseVars, text: string): string => (v.free ? text : '');
