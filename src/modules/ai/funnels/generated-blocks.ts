import { BLOCK_KINDS } from '../../../contracts/funnel-blocks.js';
import { AD_VISUAL_SIZES, type TAdVisualFormat, type TAiLanguage } from '../../../contracts/ai.js';
import { escapeText, templateBlocks as b, THEMES, type TTemplateTheme } from '../../funnels/index.js';
import type { TFunnelType } from '../../../contracts/funnels.js';

// Blocks a generated page needs besides the templates' own (templates/template-blocks.ts): the top bar and footer with
// the workspace's brand instead of the templates' sample one, the webinar room's blocks (the same markup as
// templates/webinar.ts, which keeps them private), and a theme in the brand's colours.

/** Escapes the copy (plain text from a writer) for our markup. */
export const t = (text: string): string => escapeText(text);

/** A logo address we show: the media library's (same origin, or https). */
function safeLogo(url: string | null): string | null {
  return url && /^(https:\/\/|\/)[^\s"'<>]+$/.test(url) ? url : null;
}

export function brandTopbar(lang: TAiLanguage, brand: string, logoUrl: string | null, note?: { icon: b.TIconName; text: string }): string {
  const logo = safeLogo(logoUrl);
  const mark = logo ? `<img class="mk-brand-logo" src="${b.attr(logo)}" alt="" height="32">` : `<span class="mk-brand-mark">${b.icon('zap')}</span>`;
  const noteHtml = note ? `<span class="mk-topbar-note">${b.icon(note.icon)}${t(note.text)}</span>` : '';
  return `<header class="mk-topbar"><div class="mk-container"><span class="mk-brand">${mark}${t(brand)}</span>${noteHtml}</div></header>`;
}

export function brandFooter(lang: TAiLanguage, brand: string, options: { terms?: boolean } = {}): string {
  return b.footer(lang, options).replace(b.BRAND[lang], t(brand));
}

/** The hero images' shape (funnel-images.ts makes them in it). */
export const HERO_IMAGE_FORMAT: TAdVisualFormat = '1.91:1';
export const HERO_IMAGE_SIZE = AD_VISUAL_SIZES[HERO_IMAGE_FORMAT];

/** A hero image's address we show: the media library's (our public server, or a relative path). */
function safeImage(url: string): string | null {
  return /^(https?:\/\/|\/)[^\s"'<>]+$/.test(url) ? url : null;
}

/**
 * A page's hero image (funnel-images.ts): its size reserves its place, loaded at once (it is above the fold); an image
 * of another shape is cropped to the hero's shape rather than stretched.
 */
export function heroImage(image: { url: string; alt: string }): string {
  const src = safeImage(image.url);
  if (!src) return '';
  const { width, height } = HERO_IMAGE_SIZE;
  return `<img class="mk-hero-img" src="${b.attr(src)}" alt="${b.attr(image.alt)}" width="${width}" height="${height}" loading="eager" decoding="async">`;
}

/** The logo's size in the top bar and the hero image's frame, in the video poster's style (the templates have no image). */
export const GENERATED_CSS = `
.mk-brand-logo { height: 32px; width: auto; display: block; border-radius: 6px; }
.mk-hero-img {
  display: block; width: 100%; height: auto; aspect-ratio: ${HERO_IMAGE_SIZE.width} / ${HERO_IMAGE_SIZE.height}; object-fit: cover; margin: 28px 0 0; border-radius: 18px;
  box-shadow: 0 30px 60px -30px rgba(15, 23, 42, 0.7), 0 0 0 1px rgba(255, 255, 255, 0.12);
}
.mk-hero--center .mk-hero-img { margin-left: auto; margin-right: auto; }
`;

/** One of the watch page's states, shown alone by our webinar script. */
export function webinarState(state: 'before' | 'live' | 'replay' | 'ended' | 'invalid', inner: string): string {
  return `<div data-mk="${BLOCK_KINDS.webinarState}" data-state="${state}">${inner}</div>`;
}

export function webinarField(field: 'starts_at' | 'replay_until'): string {
  return `<span data-mk="${BLOCK_KINDS.webinarField}" data-field="${field}"></span>`;
}

export function webinarLink(link: 'watch' | 'register', label: string, variant: 'outline' | 'light'): string {
  return `<a data-mk="${BLOCK_KINDS.webinarLink}" data-link="${link}" href="#" class="mk-btn mk-btn--${variant}">${t(label)}</a>`;
}

/** A video block whose video the member chooses in the builder (no sample id: the poster shows until then). */
export function emptyVideo(lang: TAiLanguage, options: { title: string; duration: string }): string {
  return b.video(lang, { title: t(options.title), duration: t(options.duration) }).replace(/data-video="[^"]*"/, 'data-video=""');
}

/** The session's player, which our webinar script fills while it plays. */
export function webinarVideo(lang: TAiLanguage, options: { title: string; duration: string }): string {
  return b
    .video(lang, { title: t(options.title), duration: t(options.duration) })
    .replace(/data-mk="video" data-provider="[a-z]+" data-video="[^"]*"/, `data-mk="${BLOCK_KINDS.webinarVideo}"`);
}

export function webinarCountdown(lang: TAiLanguage, title: string): string {
  return b
    .countdown(lang, { until: '', units: ['days', 'hours', 'minutes', 'seconds'], expiredText: '', title: t(title) })
    .replace(
      /data-mk="countdown" class="mk-countdown" data-mode="fixed" data-until="" data-expired-text=""/,
      `data-mk="${BLOCK_KINDS.webinarCountdown}" class="mk-countdown"`,
    );
}

// Brand colours

const HEX = /^#[0-9a-fA-F]{6}$/;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, bl]: [number, number, number]): string {
  return `#${[r, g, bl].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** `hex` mixed with `other` (0: hex, 1: other). */
function mix(hex: string, other: string, amount: number): string {
  const [a, c] = [channels(hex), channels(other)];
  return toHex([0, 1, 2].map((i) => a[i]! + (c[i]! - a[i]!) * amount) as [number, number, number]);
}

function contrastWithWhite(hex: string): number {
  const lum = channels(hex)
    .map((v) => v / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 1.05 / (0.2126 * lum[0]! + 0.7152 * lum[1]! + 0.0722 * lum[2]! + 0.05);
}

/**
 * The funnel type's theme in the brand's primary colour, when white text reads on it (WCAG AA, as the templates'
 * themes); otherwise the type's own theme. Tints and darks are mixed from the colour, so the page stays in one hue.
 */
export function brandTheme(type: TFunnelType, primary: string, secondary: string): TTemplateTheme {
  const base = THEMES[type];
  if (!HEX.test(primary) || contrastWithWhite(primary) < 4.5) return base;
  const accent2 = HEX.test(secondary) && contrastWithWhite(secondary) >= 4.5 ? secondary : mix(primary, '#000000', 0.25);
  return {
    accent: primary,
    accentStrong: mix(primary, '#000000', 0.2),
    accent2,
    tint: mix(primary, '#ffffff', 0.94),
    tintStrong: mix(primary, '#ffffff', 0.86),
    soft: mix(primary, '#ffffff', 0.7),
    highlight: mix(primary, '#ffffff', 0.75),
    dark1: mix(primary, '#000000', 0.82),
    dark2: mix(primary, '#000000', 0.5),
  };
}
