import { PHONE_MEDIA } from './base-css.js';
import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { esc, nextStepButton } from './markup.js';

const CSS = `
.mk-hero{padding:96px 24px;text-align:center;background-image:linear-gradient(135deg,#eef2ff 0%,#faf5ff 55%,#fdf2f8 100%);}
.mk-eyebrow{display:inline-block;margin:0 0 18px;padding:6px 14px;border-radius:999px;background-color:#e0e7ff;color:#3730a3;font-size:0.8rem;font-weight:700;letter-spacing:0.06em;text-transform:uppercase;}
.mk-hero-title{font-size:3rem;line-height:1.1;font-weight:800;letter-spacing:-0.02em;color:#111827;max-width:820px;margin:0 auto 20px;}
.mk-hero-subtitle{font-size:1.25rem;color:#4b5563;max-width:640px;margin:0 auto 36px;}
.mk-hero-note{margin:16px 0 0;font-size:0.9rem;color:#6b7280;}
@media ${PHONE_MEDIA}{.mk-hero{padding:64px 18px;}.mk-hero-title{font-size:2.1rem;}.mk-hero-subtitle{font-size:1.1rem;}}
`;

/** The top of a page: a promise, what it means for the visitor, and the button to the next step. */
export function heroBlocks({ ui, page }: TBlockTexts): TBuilderBlock[] {
  const html =
    `<section class="mk-section mk-hero"><div class="mk-container">` +
    `<p class="mk-eyebrow">${esc(page('funnelBuilder.content.hero.eyebrow'))}</p>` +
    `<h1 class="mk-hero-title">${esc(page('funnelBuilder.content.hero.title'))}</h1>` +
    `<p class="mk-hero-subtitle">${esc(page('funnelBuilder.content.hero.subtitle'))}</p>` +
    nextStepButton(page('funnelBuilder.content.hero.button')) +
    `<p class="mk-hero-note">${esc(page('funnelBuilder.content.hero.note'))}</p>` +
    `</div></section>`;
  return [{ id: 'mk-hero', category: 'sections', label: ui('funnelBuilder.blocks.hero'), media: ICONS.hero, html, css: CSS }];
}
