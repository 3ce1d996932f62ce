import type { TAiLanguage } from '../../../contracts/ai.js';

// The checks every written text must pass, whoever wrote it (the built-in generator's tests and `npm run eval:ai`):
// no placeholder or filler a reader would see, and no sentence of the other language.

/** What a reader must never see: lorem ipsum, brackets or braces left from a template, to-do marks. Liquid is ours. */
const PLACEHOLDER = /lorem|ipsum|\[[^\]]*\]|\{(?!\{)[^}]*\}|\bXXX\b|\bTODO\b|\bTBD\b|Votre Nom|Your Name|\bundefined\b|\bnull\b|\bNaN\b/;

/** Frequent words of one language that never appear in a text of the other (as whole words). */
const ENGLISH_WORDS = ['the', 'and', 'your', 'you', 'with', 'this', 'that', 'get', 'now', 'what', 'how', 'our', 'free', 'today', 'from', 'will', 'are'];
const FRENCH_WORDS = ['le', 'les', 'des', 'vous', 'votre', 'avec', 'pour', 'dans', 'est', 'une', 'sur', 'qui', 'nous', 'aujourd’hui', 'gratuit'];

/** Liquid tags are ours (`{{ lead.first_name | default: "ami" }}`): left out before checking. */
const LIQUID = /\{\{[^}]*\}\}|\{%[^%]*%\}/g;

/** The problems of one text: a placeholder, or words of the other language (each named once). */
export function copyProblems(text: string, language: TAiLanguage): string[] {
  const plain = text.replace(LIQUID, ' ');
  const problems: string[] = [];
  const placeholder = plain.match(PLACEHOLDER);
  if (placeholder) problems.push(`placeholder "${placeholder[0]}"`);
  const foreign = language === 'fr' ? ENGLISH_WORDS : FRENCH_WORDS;
  const words = new Set(plain.toLowerCase().split(/[^\p{L}’']+/u));
  const found = foreign.filter((w) => words.has(w));
  if (found.length > 0) problems.push(`${language === 'fr' ? 'English' : 'French'} words: ${found.join(', ')}`);
  return problems;
}

/** Every string in a value (objects and arrays walked), with its path, for checking a whole answer. */
export function stringsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringsOf(item, path ? `${path}.${key}` : key));
  return [];
}
