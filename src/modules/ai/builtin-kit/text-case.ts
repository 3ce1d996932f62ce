// Case of the built-in writers' text: the first letter in upper or lower case (titles, the brief's words inside a
// sentence), and the folded form texts are compared by.

/** The first letter upper-cased (a title, the start of a sentence). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * Whether a text starts with an acronym or a word in capitals, which keeps its case inside a sentence: its first word
 * is written in capitals (« PME », « A/B »), or its second letter is a capital (« PMEs », « eBook »).
 */
export function startsWithAcronym(text: string): boolean {
  const first = text.split(/\s/, 1)[0] ?? '';
  if (first.length > 1 && first === first.toLocaleUpperCase()) return true;
  const second = text.charAt(1);
  return second !== '' && second === second.toLocaleUpperCase() && second !== second.toLocaleLowerCase();
}

/** The first letter in lower case, unless the text starts with an acronym (see startsWithAcronym). */
export function lowerFirst(text: string): string {
  if (!text || startsWithAcronym(text)) return text;
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** Lower case without accents, curly apostrophes straightened: how words are compared whatever their spelling. */
export function fold(text: string): string {
  return foldWithOrigin(text).folded;
}

/**
 * The folded text, and for each of its positions (and its end) the position in `text` it comes from: folding drops
 * accents' combining marks and may change a letter's length, so a match in the folded text maps back to the text.
 */
export function foldWithOrigin(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = char
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’‘]/g, "'")
      .toLowerCase();
    for (let i = 0; i < piece.length; i++) origin.push(at);
    folded += piece;
    at += char.length;
  }
  origin.push(at);
  return { folded, origin };
}
