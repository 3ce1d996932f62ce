import type { TFunction } from 'i18next';
import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../../../contracts/funnel-blocks.js';

/** A CSS string literal (for `content:`), quotes and backslashes escaped. */
const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const mk = (kind: string) => `[${BLOCK_ATTRIBUTE}="${kind}"]`;

/**
 * CSS of the canvas only (never exported): the video's still card, and labels on the blocks whose behaviour only the
 * public page has (the delayed block, the order form's place, the buttons whose address the server sets).
 */
export function canvasCss(ui: TFunction): string {
  const tag = (content: string) =>
    `content:${content};position:absolute;top:-11px;left:8px;z-index:2;padding:2px 8px;border-radius:999px;` +
    `background:#4f46e5;color:#fff;font:600 11px/1.6 system-ui,sans-serif;letter-spacing:0;text-transform:none;white-space:nowrap;pointer-events:none;`;
  // "Shown after 30 s": the delay read from the element itself, so the label follows its setting.
  const [before = '', after = ''] = ui('funnelBuilder.preview.reveal', { seconds: '\u0000' }).split('\u0000');
  const revealContent = `${cssString(before)} attr(data-after) ${cssString(after)}`;
  return `
${mk(BLOCK_KINDS.video)}{position:relative;min-height:180px;}
.mk-builder-preview{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:10px;padding:16px;text-align:center;color:#e2e8f0;font:500 14px/1.4 system-ui,sans-serif;background:radial-gradient(circle at 30% 20%,#334155,#0f172a 70%);pointer-events:none;}
.mk-builder-play{display:flex;align-items:center;justify-content:center;width:68px;height:68px;border-radius:50%;background:rgba(255,255,255,0.16);color:#fff;}
.mk-builder-note{font-size:12px;color:#94a3b8;}
${mk(BLOCK_KINDS.reveal)}{position:relative;outline:2px dashed #a5b4fc;outline-offset:4px;}
${mk(BLOCK_KINDS.reveal)}::before{${tag(revealContent)}}
${mk(BLOCK_KINDS.countdown)}{position:relative;}
${mk(BLOCK_KINDS.countdown)}::before{${tag(cssString(ui('funnelBuilder.preview.countdown')))}}
${mk(BLOCK_KINDS.orderForm)}{position:relative;}
${mk(BLOCK_KINDS.orderForm)}::before{${tag(cssString(ui('funnelBuilder.preview.orderForm')))}}
`;
}
