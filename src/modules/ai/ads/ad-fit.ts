import type { TAiLanguage } from '../../../contracts/ai.js';
import { containsAvoided } from '../builtin-kit/avoided-words.js';
import { capitalize, fold } from '../builtin-kit/text-case.js';
import { QUOTE_PAIRS, typeset, type TTypesetOptions } from '../builtin-kit/typography.js';

// Filling the phrase library's templates so that every text fits its platform's limit. A template names slots in
// braces; each slot has alternatives in order of preference (the full product name, then shorter forms cut at a word
// boundary…). The first filling of the first template that fits, avoids the brand's banned words and was not used
// yet wins; the libraries end each list with short templates, so something always fits.

/** Alternatives of each slot (lower-case names), best first. */
export type TSlots = Record<string, readonly string[]>;

export type TFitRules = {
  language: TAiLanguage;
  limit: number;
  /** The brand kit's words to avoid. */
  avoid: readonly string[];
  /** Texts already written (normalised, see textKey): a new one must differ. */
  used?: Set<string>;
  /** Google refuses exclamation marks in headlines. */
  noExclamation?: boolean;
};

/**
 * The ads' typography (builtin-kit/typography.ts): the full no-break space before ? ! ; (not every platform renders
 * the narrow one), and "de"/"que" elided before a vowel once slots are filled.
 */
export const AD_TYPESETTING: TTypesetOptions = { highSpace: 'full', elide: true };

/** Most fillings tried per template (the slots' alternatives multiply). */
const MAX_COMBINATIONS = 400;
const SLOT = /\{(\w+)\}/g;

/** The first template filling that passes the rules (and is then marked used), or null. */
export function firstFit(templates: readonly string[], slots: TSlots, rules: TFitRules): string | null {
  for (const template of templates) {
    const names = [...new Set([...template.matchAll(SLOT)].map((m) => m[1]!.toLowerCase()))];
    const options = names.map((name) => slots[name] ?? []);
    if (options.some((o) => o.length === 0)) continue;
    const at = names.map(() => 0);
    for (let tried = 0; tried < MAX_COMBINATIONS; tried++) {
      const values = Object.fromEntries(names.map((name, i) => [name, options[i]![at[i]!]!]));
      const text = typeset(rules.language, fillTemplate(template, values), AD_TYPESETTING);
      if (fits(text, rules)) {
        rules.used?.add(textKey(text));
        return text;
      }
      if (!advance(at, options)) break;
    }
  }
  return null;
}

/** The template with its slots replaced ({Product} capitalised, {product} as given). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(SLOT, (_all, name: string) => {
    const value = values[name.toLowerCase()] ?? '';
    return name[0] === name[0]!.toUpperCase() ? capitalize(value) : value;
  });
}

/** The key two texts are compared by (case, accents and spacing ignored). */
export function textKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * `text` cut at a word boundary to at most `max` characters, without a dangling small word ("de", "for") or
 * punctuation at the end; never cut inside a word and never with an ellipsis. Null when even the first word is longer.
 */
export function shortenAtWord(text: string, max: number, stopWords: readonly string[], clauseWords: readonly string[] = []): string | null {
  if (text.length <= max) return text;
  const words = text.split(' ');
  const kept: string[] = [];
  for (const word of words) {
    if ([...kept, word].join(' ').length > max) break;
    kept.push(word);
  }
  // A phrase cut in its middle ("parents who want", "course for busy") reads worse than one cut before the clause
  // ("parents") or the small word ("course") it was cut in.
  const at = (list: readonly string[]) => kept.findLastIndex((word, i) => i > 0 && list.includes(fold(word)));
  const cut = at(clauseWords) > 0 ? at(clauseWords) : at(stopWords);
  if (cut > 0) kept.splice(cut);
  while (kept.length > 0) {
    const last = kept[kept.length - 1]!.replace(/[\s,;:.!?–—-]+$/u, '');
    const bare = fold(last).replace(/[’']$/, '');
    if (!last || stopWords.includes(bare) || /[’']$/.test(last)) kept.pop();
    else {
      kept[kept.length - 1] = last;
      break;
    }
  }
  const out = closedQuotes(kept.join(' '));
  return out.length >= 2 ? out : null;
}

/** A cut text never ends inside quotes or brackets ("Programme « Confiance" reads broken): it stops before them. */
function closedQuotes(text: string): string {
  let out = text;
  for (const [open, close] of QUOTE_PAIRS) {
    while (out.split(open).length > out.split(close).length) out = out.slice(0, out.lastIndexOf(open)).replace(/[\s,;:–—-]+$/u, '');
  }
  return out;
}

/** A text's forms from the full one to shorter ones (distinct), for slots whose text the member wrote. */
export function shorterForms(text: string, lengths: readonly number[], stopWords: readonly string[], clauseWords: readonly string[] = []): string[] {
  const forms = [text, ...lengths.map((max) => shortenAtWord(text, max, stopWords, clauseWords))].filter((f): f is string => !!f && f.length >= 2);
  return [...new Set(forms)];
}

/** A member's free text made fit for copy: one line, no markup, no address (writers never output links). */
export function cleanBriefText(text: string): string {
  return text
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/[<>{}[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,:]+$/, '');
}

function fits(text: string, rules: TFitRules): boolean {
  if (text.length < 2 || text.length > rules.limit) return false;
  if (rules.noExclamation && text.includes('!')) return false;
  if (containsAvoided(text, rules.avoid)) return false;
  return !rules.used?.has(textKey(text));
}

/** The next combination of alternatives (an odometer, the last slot turning fastest); false once all were tried. */
function advance(at: number[], options: (readonly string[])[]): boolean {
  for (let i = at.length - 1; i >= 0; i--) {
    at[i]! += 1;
    if (at[i]! < options[i]!.length) return true;
    at[i] = 0;
  }
  return false;
}
