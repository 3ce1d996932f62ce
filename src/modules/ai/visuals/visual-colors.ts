// Colours of a composed visual: the brand kit's, and text colours chosen for a WCAG contrast of at least 4.5:1.

const HEX = /^#[0-9a-f]{6}$/i;
export const DEFAULT_PRIMARY = '#1c5fb8';
export const DEFAULT_SECONDARY = '#f0b429';
const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#111111';
export const MIN_CONTRAST = 4.5;

/** A #rrggbb colour, or the fallback when the brand kit holds something else. */
export function validColor(color: string | null | undefined, fallback: string): string {
  return color && HEX.test(color.trim()) ? color.trim().toLowerCase() : fallback;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour for a background: near-white or near-black, whichever reads better (pure black or white if needed). */
export function textColorOn(background: string): string {
  const best = [LIGHT_TEXT, DARK_TEXT].sort((x, y) => contrastRatio(y, background) - contrastRatio(x, background))[0]!;
  if (contrastRatio(best, background) >= MIN_CONTRAST) return best;
  // One of pure black and pure white always reaches 4.58:1.
  return contrastRatio('#000000', background) >= contrastRatio('#ffffff', background) ? '#000000' : '#ffffff';
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const value = parseInt(hex.slice(i, i + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
