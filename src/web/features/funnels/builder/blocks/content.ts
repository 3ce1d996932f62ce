import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { esc, PLACEHOLDER_IMAGE, section } from './markup.js';

const TEXT_CSS = `
.mk-text-title{font-size:1.8rem;line-height:1.25;font-weight:800;color:#111827;margin:0 0 16px;}
.mk-text-body{margin:0 0 16px;color:#374151;}
`;

const IMAGE_CSS = `
.mk-image{display:block;width:100%;max-width:960px;height:auto;margin:0 auto;border-radius:14px;}
.mk-image-caption{text-align:center;color:#6b7280;font-size:0.9rem;margin:12px 0 0;}
`;

/** A title with paragraphs, and a picture from the media library with its caption. */
export function contentBlocks({ ui, page }: TBlockTexts): TBuilderBlock[] {
  const text = section(
    'mk-text',
    `<h2 class="mk-text-title">${esc(page('funnelBuilder.content.text.title'))}</h2>` +
      `<p class="mk-text-body">${esc(page('funnelBuilder.content.text.body1'))}</p>` +
      `<p class="mk-text-body">${esc(page('funnelBuilder.content.text.body2'))}</p>`,
    'mk-narrow',
  );
  const image = section(
    'mk-image-section',
    `<img class="mk-image" src="${PLACEHOLDER_IMAGE}" alt="${esc(page('funnelBuilder.content.image.alt'))}" width="1200" height="630">` +
      `<p class="mk-image-caption">${esc(page('funnelBuilder.content.image.caption'))}</p>`,
  );
  return [
    { id: 'mk-text', category: 'content', label: ui('funnelBuilder.blocks.text'), media: ICONS.text, html: text, css: TEXT_CSS },
    { id: 'mk-image', category: 'content', label: ui('funnelBuilder.blocks.image'), media: ICONS.image, html: image, css: IMAGE_CSS },
  ];
}
