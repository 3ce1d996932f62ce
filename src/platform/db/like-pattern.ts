/** `%words%` for LIKE/ILIKE ("contains"), with the user's own `\`, `%` and `_` taken literally. */
export function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
