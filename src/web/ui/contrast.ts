/** WCAG 2 contrast arithmetic on CSS colours (#rgb, #rrggbb, rgb(), rgba()), used to build and check the theme. */

type TRgb = [number, number, number];

/** Parses a colour; an rgba() colour with transparency is composed over `background` (white by default). */
export function parseColor(color: string, background: TRgb = [255, 255, 255]): TRgb {
  const value = color.trim();
  if (value.startsWith('#')) {
    const hex = value.length === 4 ? [...value.slice(1)].map((ch) => ch + ch).join('') : value.slice(1, 7);
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as TRgb;
  }
  const parts = value.match(/[\d.]+/g)?.map(Number) ?? [];
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b].map((channel, i) => Math.round(channel * a + (background[i] ?? 255) * (1 - a))) as TRgb;
}

/** Relative luminance (WCAG 2.x). */
export function luminance(color: string | TRgb): number {
  const rgb = typeof color === 'string' ? parseColor(color) : color;
  const [r = 0, g = 0, b = 0] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, from 1 to 21 (AA: 4.5 for text, 3 for large text and controls). */
export function contrastRatio(a: string, b: string): number {
  const background = parseColor(b);
  const [high, low] = [luminance(parseColor(a, background)), luminance(background)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** Mixes `color` with `target` (0 = color, 1 = target), as #rrggbb. */
export function mixColors(color: string, target: string, amount: number): string {
  const from = parseColor(color);
  const to = parseColor(target);
  return `#${from
    .map((channel, i) =>
      Math.round(channel + ((to[i] ?? 0) - channel) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Moves `color` towards `target` in small steps until `ok` holds (the palette keeps its hue, only its lightness changes). */
export function adjustUntil(color: string, target: string, ok: (candidate: string) => boolean): string {
  for (let step = 0; step <= 40; step++) {
    const candidate = mixColors(color, target, step * 0.025);
    if (ok(candidate)) return candidate;
  }
  return target;
}
