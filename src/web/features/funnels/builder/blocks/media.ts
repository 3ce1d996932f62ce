import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../../../../contracts/funnel-blocks.js';
import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { esc, heading, section } from './markup.js';

const CSS = `
.mk-video-block{position:relative;aspect-ratio:16/9;max-width:880px;margin:0 auto;border-radius:14px;overflow:hidden;background-color:#0f172a;box-shadow:0 20px 40px rgba(15,23,42,0.18);}
`;

/**
 * A video (YouTube, Vimeo or an MP4 address): an empty `data-mk="video"` element the public renderer turns into a
 * privacy-enhanced player; the builder draws a still preview in its place (components/video-type.ts).
 */
export function mediaBlocks({ ui, page }: TBlockTexts): TBuilderBlock[] {
  const html = section(
    'mk-video-section',
    heading(page('funnelBuilder.content.video.title')) +
      `<div ${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.video}" data-provider="youtube" data-video="" class="mk-video-block" title="${esc(page('funnelBuilder.content.video.title'))}"></div>`,
  );
  return [{ id: 'mk-video', category: 'content', label: ui('funnelBuilder.blocks.video'), media: ICONS.video, html, css: CSS }];
}
