import { PHONE_MEDIA } from './base-css.js';
import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { esc } from './markup.js';

const CSS = `
.mk-footer{padding:36px 24px;background-color:#0f172a;color:#cbd5e1;font-size:0.9rem;}
.mk-footer-inner{display:flex;justify-content:space-between;align-items:center;gap:20px;flex-wrap:wrap;}
.mk-footer-copy{margin:0;}
.mk-footer-links{display:flex;gap:20px;flex-wrap:wrap;}
.mk-footer-link{color:#e2e8f0;text-decoration:none;}
.mk-footer-link:hover{text-decoration:underline;}
@media ${PHONE_MEDIA}{.mk-footer-inner{flex-direction:column;text-align:center;}.mk-footer-links{justify-content:center;}}
`;

/** The legal footer: the business's name and the links the law asks for (their addresses set in the link's settings). */
export function footerBlocks({ ui, page }: TBlockTexts): TBuilderBlock[] {
  const links = (['legal', 'privacy', 'terms'] as const)
    .map((key) => `<a class="mk-footer-link" href="#">${esc(page(`funnelBuilder.content.footer.${key}`))}</a>`)
    .join('');
  const html =
    `<footer class="mk-footer"><div class="mk-container mk-footer-inner">` +
    `<p class="mk-footer-copy">${esc(page('funnelBuilder.content.footer.copyright', { year: new Date().getFullYear() }))}</p>` +
    `<nav class="mk-footer-links">${links}</nav></div></footer>`;
  return [{ id: 'mk-footer', category: 'sections', label: ui('funnelBuilder.blocks.footer'), media: ICONS.footer, html, css: CSS }];
}
