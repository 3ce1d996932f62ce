import type { TAiLanguage } from '../../../contracts/ai.js';
import { startsWithAcronym } from '../builtin-kit/text-case.js';

// Text helpers of the built-in email writer: the brief's words framed for a sentence, no Liquid, and a field's length
// limit. Its seeded choices, typography, words to avoid and capitals come from ../builtin-kit.

/** Words a typed phrase may start with that are lower-cased inside a sentence (a name or an acronym is left as is). */
const LOWER_IN_SENTENCE = new Set(
  (
    'le la les l un une des du de mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces tous toutes tout comment pourquoi ' +
    'quand quel quelle quels quelles nouveau nouvelle nouveaux the a an my our your their this these those all every how why what new'
  ).split(' '),
);

/** A typed phrase as it reads inside a sentence: "Les mamans entrepreneures" -> "les mamans entrepreneures". */
export function inSentence(text: string): string {
  if (startsWithAcronym(text)) return text;
  const first = /^[\p{L}]+/u.exec(text)?.[0] ?? '';
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

/** At most `max` characters, cut at a word with an ellipsis (a campaign's name from a long topic). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}
