// Liquid in an email or a page (`{{ lead.first_name }}`, `{% if … %}`) is code the member placed: a rewrite moves the
// words around it but never changes it. The built-in rewrite sets the tags aside while it works on the words; a
// model's answer must give every tag back unchanged.

const TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
/** Stand-ins that no phrasing table touches and no text contains (private-use characters). */
const slot = (index: number) => `\uE000${index}\uE001`;
const SLOT = /\uE000(\d+)\uE001/g;

/** The Liquid tags of a text, in order. */
export function liquidTags(text: string): string[] {
  return text.match(TAG) ?? [];
}

/** Whether `output` holds every tag of `input`, as many times (whitespace inside a tag aside). */
export function keepsLiquidTags(input: string, output: string): boolean {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const tag of liquidTags(text)) {
      const key = tag.replace(/\s+/g, '');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const wanted = count(input);
  const got = count(output);
  return [...wanted].every(([tag, n]) => (got.get(tag) ?? 0) >= n);
}

/** Runs `transform` on the text with its tags set aside, then puts them back. */
export function aroundLiquid(text: string, transform: (words: string) => string): string {
  const tags: string[] = [];
  const words = text.replace(TAG, (tag) => slot(tags.push(tag) - 1));
  return transform(words).replace(SLOT, (_, index: string) => tags[Number(index)] ?? '');
}
