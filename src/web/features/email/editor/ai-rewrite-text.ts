import type { TAiLanguage, TAiTone } from '../../../../contracts/ai.js';
import type { TRewriteRequest } from '../../settings/ai/ai-api.js';

// What the editors' "IA" menu sends for a selected text (shared by the email editor and the page builder).

/** One choice of the menu: an action on the text, a tone for "Changer le ton", the target language for "Traduire". */
export type TRewriteChoice =
  { action: 'rewrite' | 'shorten' | 'lengthen' } | { action: 'change_tone'; tone: TAiTone } | { action: 'translate'; to: TAiLanguage };

/** The longest selection the API takes (ZRewriteBody.text). */
export const MAX_REWRITE_LENGTH = 4000;

const FRENCH_WORDS = new Set([
  'le',
  'la',
  'les',
  'des',
  'du',
  'un',
  'une',
  'et',
  'est',
  'vous',
  'votre',
  'vos',
  'nous',
  'pour',
  'avec',
  'dans',
  'sur',
  'pas',
  'que',
  'qui',
  'ce',
  'cette',
  'au',
  'aux',
  'en',
  'je',
  'il',
  'elle',
  'sont',
  'plus',
]);
const ENGLISH_WORDS = new Set([
  'the',
  'and',
  'is',
  'are',
  'you',
  'your',
  'we',
  'our',
  'for',
  'with',
  'in',
  'on',
  'not',
  'that',
  'this',
  'to',
  'of',
  'it',
  'be',
  'will',
  'can',
  'from',
  'at',
  'my',
  'i',
  'more',
]);

/**
 * The language a selected text is written in, from its most common words and French accents; `fallback` (the page's
 * or the interface's language) when it says nothing either way (a name, a number, one word).
 */
export function guessLanguage(text: string, fallback: TAiLanguage): TAiLanguage {
  const words = text.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
  let french = /[àâçéèêëîïôûùüÿœæ]/i.test(text) ? 2 : 0;
  let english = 0;
  for (const word of words) {
    const bare = word.replace(/^[a-z][’']/, '');
    if (FRENCH_WORDS.has(bare) || /^(l|d|qu|j|n|s|c|m|t)[’']/.test(word)) french += 1;
    if (ENGLISH_WORDS.has(bare) || /[’'](s|t|re|ll|ve|m|d)$/.test(word)) english += 1;
  }
  if (french === english) return fallback;
  return french > english ? 'fr' : 'en';
}

/** The API's body for a choice on a text: a translation goes from the other language to the one chosen. */
export function rewriteRequest(text: string, choice: TRewriteChoice, fallback: TAiLanguage): TRewriteRequest {
  const clean = text.trim();
  if (choice.action === 'translate') return { text: clean, action: 'translate', language: choice.to === 'fr' ? 'en' : 'fr' };
  const language = guessLanguage(clean, fallback);
  if (choice.action === 'change_tone') return { text: clean, action: 'change_tone', tone: choice.tone, language };
  return { text: clean, action: choice.action, language };
}

/**
 * Replaces a range of an editable area with plain text: through the browser's editing command (so its own undo and
 * `input` events follow), else by DOM operations. Text, never HTML: an answer cannot bring markup into the page.
 */
export function replaceRangeWithText(area: HTMLElement, range: Range, text: string): void {
  const doc = area.ownerDocument;
  const selection = doc.getSelection();
  area.focus();
  selection?.removeAllRanges();
  selection?.addRange(range);
  if (doc.execCommand('insertText', false, text)) return;
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

/** True when a remembered range is still inside the area (the area was not re-rendered or emptied meanwhile). */
export function rangeStillIn(area: HTMLElement, range: Range): boolean {
  return area.isConnected && area.contains(range.startContainer) && area.contains(range.endContainer);
}
