import type { TAiLanguage } from '../../../contracts/ai.js';

// The typographic finish of the built-in writers' plain text (never HTML): one space between words, curly
// apostrophes, and French spacing before high punctuation and inside « ».

const NO_BREAK = '\u00a0';
const NARROW_NO_BREAK = '\u202f';

export type TTypesetOptions = {
  /**
   * The French space before ! ? ; : the narrow no-break one (U+202F, the default: funnels and emails) or the full
   * no-break one (U+00A0: ads, whose platforms do not all render U+202F). The space before : » % and after « is
   * always the full no-break one.
   */
  highSpace?: 'narrow' | 'full';
  /** French only: "de" and "que" elided before a vowel ("de atelier" → "d’atelier"), for texts assembled from slots. */
  elide?: boolean;
};

/**
 * A text with its typography finished: runs of white space become one space (a non-breaking one when the run held
 * one), no space before a comma or a full stop, no full stop after another or after ! ?, apostrophes between letters
 * curled; in French, the no-break spaces before ! ? ; : » % and after « (where a space was typed).
 */
export function typeset(language: TAiLanguage, text: string, options: TTypesetOptions = {}): string {
  let out = text
    .replace(/\s+/g, (run) => (run.includes(NARROW_NO_BREAK) ? NARROW_NO_BREAK : run.includes(NO_BREAK) ? NO_BREAK : ' '))
    .replace(/ +([.,])(?![\p{L}\p{N}])/gu, '$1')
    .replace(/(?<!\.)([.!?])\s*\.(?!\.)/g, '$1')
    .replace(/([\p{L}\p{N}])'(?=[\p{L}\p{N}])/gu, '$1’')
    .trim();
  if (language === 'fr') {
    const high = options.highSpace === 'full' ? NO_BREAK : NARROW_NO_BREAK;
    if (options.elide) out = out.replace(/(?<![\p{L}\p{N}])(d|D|qu|Qu)e (?=[aeiouâàéèêëîïôœAEIOUÂÀÉÈÊÎÔŒ])/gu, '$1’');
    out = out
      .replace(/[ \u00a0\u202f]+([!?;])/g, `${high}$1`)
      .replace(/[ \u00a0\u202f]+([:»%])/g, `${NO_BREAK}$1`)
      .replace(/«[ \u00a0\u202f]+/g, `«${NO_BREAK}`);
  }
  return out;
}

/** Quotation marks and brackets a shortened text must not leave open ("Programme « Confiance" reads broken). */
export const QUOTE_PAIRS = [
  ['«', '»'],
  ['“', '”'],
  ['(', ')'],
] as const;

/** The marks a shortened text leaves open, closed at its end: « Sommeil profond… » rather than « Sommeil profond… */
export function closeOpenQuotes(text: string): string {
  let out = text;
  for (const [open, close] of [...QUOTE_PAIRS].reverse()) {
    const missing = out.split(open).length - out.split(close).length;
    for (let i = 0; i < missing; i++) out += open === '«' ? `${NO_BREAK}${close}` : close;
  }
  return out;
}
