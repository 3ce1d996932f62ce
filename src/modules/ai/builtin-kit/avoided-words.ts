import { fold, foldWithOrigin } from './text-case.js';

// The brand kit's words to avoid, as every built-in writer tests and removes them. Case, accents and the apostrophe's
// shape are ignored. An entry of one word of 5 letters or more also stands for its inflected and derived forms: any
// word that starts with it ("gratuit" matches "gratuite", "gratuits", "gratuitement"; "offert" matches "offerte").
// A shorter word matches as a whole word only ("or" never blocks "organisation"), and an entry of several words
// as that phrase, whole words at both ends ("pas cher").

/** The shortest entry that also matches the words starting with it. */
export const STEM_MIN_LETTERS = 5;

export type TAvoidedWords = {
  /** Whether the kit lists any word. */
  readonly any: boolean;
  /** Whether the text holds an avoided word (or form, or phrase). */
  test(text: string): boolean;
  /** The text without its avoided words, tidied (a last resort when the brief itself uses one); as is when clean. */
  scrub(text: string): string;
};

const WORD_CHAR = '[\\p{L}\\p{N}]';

/** The avoided words of a brand kit (an empty list avoids nothing). */
export function avoidedWords(words: readonly string[]): TAvoidedWords {
  const alternatives = [...new Set(words.map((word) => fold(word).trim()).filter(Boolean))].map(entryPattern);
  if (alternatives.length === 0) return { any: false, test: () => false, scrub: (text) => text };
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})`, 'gu');
  const test = (text: string) => {
    pattern.lastIndex = 0;
    return pattern.test(fold(text));
  };
  return {
    any: true,
    test,
    scrub: (text) => {
      if (!test(text)) return text;
      const { folded, origin } = foldWithOrigin(text);
      let out = '';
      let from = 0;
      pattern.lastIndex = 0; // matchAll starts where the last test stopped
      for (const match of folded.matchAll(pattern)) {
        out += text.slice(from, origin[match.index]);
        from = origin[match.index + match[0].length]!;
      }
      return tidyAfterScrub(out + text.slice(from));
    },
  };
}

/** Whether a text holds one of `words` (see avoidedWords); the compiled test of a list is kept for its next call. */
export function containsAvoided(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const key = words.join('\n');
  let avoided = cache.get(key);
  if (!avoided) {
    if (cache.size >= 50) cache.clear();
    avoided = avoidedWords(words);
    cache.set(key, avoided);
  }
  return avoided.test(text);
}

const cache = new Map<string, TAvoidedWords>();

/** An entry (folded) as a pattern: a stem, a whole word, or a phrase whose words any white space separates. */
function entryPattern(entry: string): string {
  const words = entry.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const letters = entry.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  const stem = words.length === 1 && letters >= STEM_MIN_LETTERS;
  // A stem takes the rest of its word with it (removed whole by scrub); an entry ending in punctuation stops there.
  if (stem) return `${words[0]}${WORD_CHAR}*`;
  const end = new RegExp(`${WORD_CHAR}$`, 'u').test(entry) ? `(?!${WORD_CHAR})` : '';
  return `${words.join('\\s+')}${end}`;
}

/** The seams a removed word leaves: a space before punctuation, empty brackets, double spaces (plain ones only). */
function tidyAfterScrub(text: string): string {
  return (
    text
      // Plain spaces only: French typography's non-breaking ones before ; : ! ? » stay.
      .replace(/ +([,.)…])/g, '$1')
      .replace(/ +(?=[\u00a0\u202f])/g, '')
      .replace(/\(\s*\)/g, '')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}
