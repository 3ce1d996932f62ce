import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../../../../contracts/funnel-blocks.js';
import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { esc, section } from './markup.js';

const ORDER_CSS = `
.mk-order-form{max-width:560px;margin:0 auto;padding:32px;border:2px dashed #c7d2fe;border-radius:16px;background-color:#f8faff;text-align:center;}
.mk-order-form-title{margin:0 0 8px;font-size:1.3rem;font-weight:800;color:#111827;}
.mk-order-form-text{margin:0;color:#52606d;}
`;

const UPSELL_CSS = `
.mk-upsell{text-align:center;}
.mk-upsell-accept{background-color:#16a34a;box-shadow:0 6px 16px rgba(22,163,74,0.25);}
.mk-upsell-accept:hover{background-color:#15803d;}
.mk-upsell-decline{display:inline-block;margin-top:18px;color:#6b7280;font-size:0.95rem;text-decoration:underline;}
`;

/**
 * Payment blocks: where the order form goes (the public page draws it from the step's offer, set in the funnel's step
 * settings), and an upsell's or downsell's "yes, add it" (one click on the saved card) and "no thanks" links.
 */
export function salesBlocks({ ui, page }: TBlockTexts): TBuilderBlock[] {
  const orderForm = section(
    'mk-order',
    `<div ${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.orderForm}" class="mk-order-form">` +
      `<p class="mk-order-form-title">${esc(page('funnelBuilder.content.orderForm.title'))}</p>` +
      `<p class="mk-order-form-text">${esc(page('funnelBuilder.content.orderForm.text'))}</p></div>`,
  );
  const upsell = section(
    'mk-upsell',
    `<a ${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.upsellAccept}" class="mk-button mk-button-lg mk-upsell-accept">${esc(page('funnelBuilder.content.upsell.accept'))}</a>` +
      `<div><a ${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.upsellDecline}" class="mk-upsell-decline">${esc(page('funnelBuilder.content.upsell.decline'))}</a></div>`,
    'mk-narrow',
  );
  return [
    { id: 'mk-order-form', category: 'sales', label: ui('funnelBuilder.blocks.orderForm'), media: ICONS.orderForm, html: orderForm, css: ORDER_CSS },
    { id: 'mk-upsell', category: 'sales', label: ui('funnelBuilder.blocks.upsell'), media: ICONS.upsell, html: upsell, css: UPSELL_CSS },
  ];
}
