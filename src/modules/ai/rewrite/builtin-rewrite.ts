import type { TAiLanguage, TAiTone, TRewriteBody } from '../../../contracts/ai.js';
import { aroundLiquid } from './liquid-tags.js';
import { CLOSINGS, FILLERS, SYNONYMS, TONE_SWAPS } from './rewrite-phrasings.js';

// The rewrite without a model: honest, simple edits from a small library (rewrite-phrasings.ts), never a pretend
// translation. Liquid tags are set aside first (liquid-tags.ts), so no edit can touch them.

/** What shorten aims for: about 60 % of the text. */
const SHORTEN_RATIO = 0.6;
const LETTER = '\\p{L}\\p{N}';
/** A Liquid tag's stand-in (liquid-tags.ts): a sentence holding one is never dropped. */
const HOLDS_TAG = /\uE000\d+\uE001/;

export function rewriteBuiltin(body: Pick<TRewriteBody, 'text' | 'action' | 'language'>, tone: TAiTone, seed: number): string {
  const language = body.language;
  const edit = {
    shorten: (words: string) => shorten(words, language),
    lengthen: (words: string) => appendSentence(words, closingFor(words, language, tone, seed)),
    rewrite: (words: string) => swapWords(words, synonymPairs(language, seed)),
    change_tone: (words: string) => changeTone(words, language, tone, seed),
    translate: (words: string) => words, // refused before (rewrite.service.ts): a translation needs a model
  }[body.action];
  return aroundLiquid(body.text, (words) => tidy(edit(words)));
}

/** Parentheticals, then filler words, then the last sentences until about 60 % of the length is left. */
function shorten(text: string, language: TAiLanguage): string {
  const target = Math.round(text.length * SHORTEN_RATIO);
  const out = tidy(dropFillers(text.replace(/\s*\([^()]*\)/g, ''), language));
  if (out.length <= target) return out;
  const sentences = sentencesOf(out);
  if (sentences.length < 2) return out;
  // Sentences holding a tag are kept whatever their place: their length is spent first.
  let length = sentences.filter((s) => HOLDS_TAG.test(s)).reduce((sum, s) => sum + s.length, 0);
  const kept = sentences.filter((sentence, index) => {
    if (HOLDS_TAG.test(sentence)) return true;
    if (index > 0 && length + sentence.length > target) return false;
    length += sentence.length;
    return true;
  });
  return kept.join('');
}

function changeTone(text: string, language: TAiLanguage, tone: TAiTone, seed: number): string {
  let out = dropLibraryClosing(text, language);
  out = swapWords(out, new Map(TONE_SWAPS[language][tone].map(([from, to]) => [from.toLowerCase(), to])));
  if (tone === 'direct') out = dropFillers(out, language);
  // A calm tone does not shout: exclamation marks become full stops.
  if (tone === 'professional' || tone === 'direct' || tone === 'inspiring') out = out.replace(/[\s\u00a0]*!+/g, '.');
  return appendSentence(out, closingFor(out, language, tone, seed));
}

/** Each word of a synonym group maps to another of its group (the seed picks which, in groups of three or more). */
function synonymPairs(language: TAiLanguage, seed: number): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const group of SYNONYMS[language]) {
    group.forEach((word, index) => {
      const step = 1 + (seed % (group.length - 1));
      pairs.set(word.toLowerCase(), group[(index + step) % group.length]!);
    });
  }
  return pairs;
}

/** Replaces whole words and phrases in one pass (a word swapped is not swapped back), keeping a capital letter. */
function swapWords(text: string, pairs: Map<string, string>): string {
  if (pairs.size === 0) return text;
  const alternatives = [...pairs.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![${LETTER}’'-])(${alternatives.join('|')})(?![${LETTER}’'-])`, 'giu');
  return text.replace(pattern, (found: string) => {
    const to = pairs.get(found.toLowerCase());
    if (to === undefined) return found;
    return /^\p{Lu}/u.test(found) ? to.charAt(0).toUpperCase() + to.slice(1) : to;
  });
}

function dropFillers(text: string, language: TAiLanguage): string {
  const alternatives = [...FILLERS[language]].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // A filler between commas takes one comma with it ("C’est, en fait, simple" → "C’est, simple" → tidied below).
  const pattern = new RegExp(`(?<![${LETTER}’'-])(?:${alternatives.join('|')})(?![${LETTER}’'-])\\s*,?`, 'giu');
  return text.replace(pattern, '');
}

/** One of the tone's closing sentences the text does not already have (the seed picks). */
function closingFor(text: string, language: TAiLanguage, tone: TAiTone, seed: number): string {
  const choices = CLOSINGS[language][tone];
  const fresh = choices.filter((sentence) => !text.includes(sentence));
  const from = fresh.length > 0 ? fresh : choices;
  return from[seed % from.length]!;
}

/** A closing we added before (any tone) is replaced, not piled up, when the tone changes again. */
function dropLibraryClosing(text: string, language: TAiLanguage): string {
  const trimmed = text.trimEnd();
  const ours = Object.values(CLOSINGS[language])
    .flat()
    .find((sentence) => trimmed.endsWith(sentence));
  return ours ? trimmed.slice(0, trimmed.length - ours.length) : text;
}

function appendSentence(text: string, sentence: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed) return sentence;
  const ended = /[.!?…»")\]]$/u.test(trimmed) || HOLDS_TAG.test(trimmed.slice(-8));
  return `${trimmed}${ended ? '' : '.'} ${sentence}`;
}

/** Sentences with their end marks and the space after them (joined back with ''), paragraphs kept. */
function sentencesOf(text: string): string[] {
  return text.match(/[^.!?…]+(?:[.!?…]+["»)]?|$)\s*/gu) ?? [text];
}

/** The seams edits leave: double spaces, a space or comma before punctuation, a sentence starting in lower case. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.)])/g, '$1')
    .replace(/,\s*([.!?;:])/g, '$1')
    .replace(/,{2,}/g, ',')
    .replace(/^[\s,]+/, '')
    .replace(/(^|[.!?…]\s+)(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
