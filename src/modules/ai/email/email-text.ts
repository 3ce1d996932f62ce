import type { TAiLanguage } from '../../../contracts/ai.js';

// Text helpers of the built-in email writer: its seeded choices, French typography, the brief's words framed for a
// sentence, the brand's words to avoid, and a field's length limit.

/** mulberry32: one brief and one seed always give the same sequence of choices. */
export function seededRandom(seed: number): { next(): number; pick<T>(items: readonly T[]): T; shuffle<T>(items: readonly T[]): T[] } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
}
export type TRandom = ReturnType<typeof seededRandom>;

/**
 * The typographic finish of the funnels' templates, on plain text: curly apostrophes, and in French the narrow
 * non-breaking space before ! ? ; and the non-breaking one before : » and after « (a line never starts with them).
 */
export function typeset(language: TAiLanguage, text: string): string {
  let out = text
    .replace(/([\p{L}\d])'(?=[\p{L}\d])/gu, '$1’')
    .replace(/\s+/g, ' ')
    .trim();
  if (language === 'fr') {
    out = out
      .replace(/ ([!?;])/g, '\u202f$1')
      .replace(/ ([:»])/g, '\u00a0$1')
      .replace(/« /g, '«\u00a0');
  }
  return out;
}

/** The first letter upper-cased (a title, the start of a sentence). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Words a typed phrase may start with that are lower-cased inside a sentence (a name or an acronym is left as is). */
const LOWER_IN_SENTENCE = new Set(
  (
    'le la les l un une des du de mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces tous toutes tout comment pourquoi ' +
    'quand quel quelle quels quelles nouveau nouvelle nouveaux the a an my our your their this these those all every how why what new'
  ).split(' '),
);

/** A typed phrase as it reads inside a sentence: "Les mamans entrepreneures" -> "les mamans entrepreneures". */
export function inSentence(text: string): string {
  const first = /^[\p{L}]+/u.exec(text)?.[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return text; // an acronym
  return LOWER_IN_SENTENCE.has(first.toLowerCase()) ? text.charAt(0).toLocaleLowerCase() + text.slice(1) : text;
}

/** A typed phrase in the language's quotation marks. */
export function quoted(language: TAiLanguage, text: string): string {
  return language === 'fr' ? `« ${text} »` : `“${text}”`;
}

/**
 * Writers return plain text: a brace would start Liquid in the campaign's templates (`{{ lead.email }}`, `{% … %}`), so
 * it becomes a parenthesis; other markup is escaped by the renderer.
 */
export function withoutLiquid(text: string): string {
  return text.replace(/\{/g, '(').replace(/\}/g, ')');
}

/** A test for the brand's words to avoid (whole words, any case); null when the kit lists none. */
export function avoidedWords(words: readonly string[]): RegExp | null {
  const cleaned = words.map((w) => w.trim()).filter(Boolean);
  if (cleaned.length === 0) return null;
  const alternatives = cleaned.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
}

export function contains(avoid: RegExp | null, text: string): boolean {
  if (!avoid) return false;
  avoid.lastIndex = 0;
  const found = avoid.test(text);
  avoid.lastIndex = 0;
  return found;
}

/** The text without the avoided words: the last resort when the brief itself uses one. */
export function scrub(avoid: RegExp | null, text: string): string {
  if (!contains(avoid, text)) return text;
  return (
    text
      .replace(avoid!, '')
      // Plain spaces only: French typography's non-breaking ones before ; : ! ? » stay.
      .replace(/ +([,.)…])/g, '$1')
      .replace(/\(\s*\)/g, '')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** At most `max` characters, cut at a word with an ellipsis (a campaign's name from a long topic). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}
