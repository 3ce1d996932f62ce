import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'satori';

// Inter, from @fontsource/inter (WOFF: satori reads WOFF and TTF, not WOFF2), regular and bold, Latin and Latin
// Extended (accents of French and of other European languages). Read from disk once per process.

const require = createRequire(import.meta.url);
// The two subsets are two families: satori takes the first font of a family and falls back along `fontFamily`.
export const VISUAL_FONT_FAMILY = 'Inter, "Inter Latin Ext"';
const FILES = [
  { name: 'Inter', weight: 400, file: 'inter-latin-400-normal.woff' },
  { name: 'Inter', weight: 700, file: 'inter-latin-700-normal.woff' },
  { name: 'Inter Latin Ext', weight: 400, file: 'inter-latin-ext-400-normal.woff' },
  { name: 'Inter Latin Ext', weight: 700, file: 'inter-latin-ext-700-normal.woff' },
] as const;

let fonts: Promise<Font[]> | undefined;

export function visualFonts(): Promise<Font[]> {
  fonts ??= Promise.all(
    FILES.map(async ({ name, weight, file }) => ({
      name,
      weight,
      style: 'normal' as const,
      data: await readFile(require.resolve(`@fontsource/inter/files/${file}`)),
    })),
  ).catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}
