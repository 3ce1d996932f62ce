import { Resvg } from '@resvg/resvg-js';
import type { ReactNode } from 'react';
import satori from 'satori';
import sharp from 'sharp';
import { AD_VISUAL_SIZES, type TAdVisualFormat } from '../../../contracts/ai.js';
import { DEFAULT_PRIMARY, DEFAULT_SECONDARY, textColorOn, validColor } from './visual-colors.js';
import { VISUAL_FONT_FAMILY, visualFonts } from './visual-fonts.js';

// An ad visual drawn on the server, no image model needed: the brand's primary colour as the background, its
// secondary colour as the accent, the visual's headline and subline, the product (and its price) in a tag, the logo
// or the brand's name on top. Laid out by satori (flexbox to SVG, text as paths from our own font files) and
// rasterised by resvg: no browser, no system fonts, the same pixels on every machine.

export type TVisualBrand = {
  name: string;
  primary_color: string;
  secondary_color: string;
  /** The logo's bytes (any format sharp reads), or null to print the brand's name instead. */
  logo?: Buffer | null;
};

export type TComposeVisualInput = {
  format: TAdVisualFormat;
  headline: string;
  subline: string;
  product: string;
  /** Already formatted ("49 €"). */
  price?: string;
  brand: TVisualBrand;
};

/** Type sizes per format, in pixels. */
const SCALE: Record<TAdVisualFormat, { padding: number; brand: number; headline: number; subline: number; tag: number; logo: number }> = {
  '1:1': { padding: 88, brand: 30, headline: 84, subline: 38, tag: 30, logo: 96 },
  '1.91:1': { padding: 56, brand: 22, headline: 56, subline: 26, tag: 22, logo: 64 },
  '9:16': { padding: 96, brand: 34, headline: 100, subline: 44, tag: 34, logo: 120 },
};

/** The visual as a PNG of the format's pixel size. */
export async function composeVisual(input: TComposeVisualInput): Promise<Buffer> {
  const { width, height } = AD_VISUAL_SIZES[input.format];
  const svg = await satori(layout(input, await logoImage(input.brand.logo ?? null, SCALE[input.format].logo)) as unknown as ReactNode, {
    width,
    height,
    fonts: await visualFonts(),
  });
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();
}

type TNode = { type: string; key: null; props: { style?: Record<string, unknown>; children?: (TNode | string)[] | TNode | string; src?: string } };

function el(type: string, style: Record<string, unknown>, children?: TNode['props']['children']): TNode {
  return { type, key: null, props: { style, children } };
}

type TLogo = { src: string; width: number; height: number } | null;

function layout(input: TComposeVisualInput, logo: TLogo): TNode {
  const s = SCALE[input.format];
  const background = validColor(input.brand.primary_color, DEFAULT_PRIMARY);
  const accent = validColor(input.brand.secondary_color, DEFAULT_SECONDARY);
  const text = textColorOn(background);
  const onAccent = textColorOn(accent);
  const tall = input.format === '9:16';

  const top = logo
    ? { type: 'img', key: null, props: { src: logo.src, style: { width: logo.width, height: logo.height } } }
    : el('div', { display: 'flex', fontSize: s.brand, fontWeight: 700, letterSpacing: 1, textTransform: 'uppercase' }, input.brand.name);
  const message = el('div', { display: 'flex', flexDirection: 'column' }, [
    el('div', { width: s.padding * 1.4, height: Math.round(s.brand / 3), backgroundColor: accent, borderRadius: 4, marginBottom: s.padding / 2.5 }),
    el('div', { display: 'flex', fontSize: s.headline, fontWeight: 700, lineHeight: 1.08, letterSpacing: -1 }, input.headline),
    el('div', { display: 'flex', fontSize: s.subline, fontWeight: 400, lineHeight: 1.3, marginTop: s.padding / 3 }, input.subline),
  ]);
  const tag = el('div', { display: 'flex', alignItems: 'center', flexWrap: 'wrap' }, [
    el(
      'div',
      {
        display: 'flex',
        backgroundColor: accent,
        color: onAccent,
        fontSize: s.tag,
        fontWeight: 700,
        padding: `${Math.round(s.tag * 0.5)}px ${Math.round(s.tag * 0.9)}px`,
        borderRadius: 999,
        maxWidth: '100%',
      },
      input.product,
    ),
    ...(input.price ? [el('div', { display: 'flex', fontSize: s.tag * 1.4, fontWeight: 700, marginLeft: Math.round(s.tag * 0.8) }, input.price)] : []),
  ]);
  return el(
    'div',
    {
      width: '100%',
      height: '100%',
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: tall ? 'space-around' : 'space-between',
      padding: s.padding,
      backgroundColor: background,
      color: text,
      fontFamily: VISUAL_FONT_FAMILY,
    },
    [top, message, tag],
  );
}

/** The logo as a PNG data URI fitting the height (satori needs its size), or null when there is none or it is unreadable. */
async function logoImage(logo: Buffer | null, maxHeight: number): Promise<TLogo> {
  if (!logo) return null;
  try {
    const { data, info } = await sharp(logo, { limitInputPixels: 25_000_000 })
      .resize({ height: maxHeight, width: maxHeight * 4, fit: 'inside', withoutEnlargement: false })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { src: `data:image/png;base64,${data.toString('base64')}`, width: info.width, height: info.height };
  } catch {
    return null;
  }
}
