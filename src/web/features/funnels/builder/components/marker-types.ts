import type { Editor } from 'grapesjs';
import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../../../../contracts/funnel-blocks.js';
import type { TBlockTexts } from '../blocks/block-types.js';
import { DEFAULT_REVEAL_SECONDS } from '../blocks/conversion.js';

/** Whether a parsed element is the block `kind` of the contract (optionally only with this tag). */
export function isBlock(el: HTMLElement, kind: string, tagName?: string): boolean {
  return el.nodeType === 1 && el.getAttribute(BLOCK_ATTRIBUTE) === kind && (!tagName || el.tagName.toLowerCase() === tagName);
}

/**
 * The contract's simpler blocks, named in the layers and settings: links whose address the public renderer sets
 * (next step, upsell accept and decline: their text stays editable, their address is not asked), the delayed block
 * (its delay in seconds) and the order form's place.
 */
export function registerMarkerTypes(editor: Editor, { ui }: TBlockTexts): void {
  const links = [
    { type: 'mk-next-step', kind: BLOCK_KINDS.nextStep, name: ui('funnelBuilder.components.nextStep') },
    { type: 'mk-upsell-accept', kind: BLOCK_KINDS.upsellAccept, name: ui('funnelBuilder.components.upsellAccept') },
    { type: 'mk-upsell-decline', kind: BLOCK_KINDS.upsellDecline, name: ui('funnelBuilder.components.upsellDecline') },
  ];
  for (const link of links) {
    editor.Components.addType(link.type, {
      extend: 'link',
      isComponent: (el) => isBlock(el, link.kind, 'a'),
      model: { defaults: { name: link.name, traits: [{ type: 'text', name: 'title', label: ui('funnelBuilder.traits.linkTitle') }] } },
    });
  }
  editor.Components.addType('mk-reveal', {
    isComponent: (el) => isBlock(el, BLOCK_KINDS.reveal),
    model: {
      defaults: {
        name: ui('funnelBuilder.components.reveal'),
        attributes: { 'data-after': String(DEFAULT_REVEAL_SECONDS) },
        traits: [{ type: 'number', name: 'data-after', label: ui('funnelBuilder.traits.revealSeconds'), min: 0, max: 36_000 }],
      },
    },
  });
  editor.Components.addType('mk-order-form', {
    isComponent: (el) => isBlock(el, BLOCK_KINDS.orderForm),
    model: { defaults: { name: ui('funnelBuilder.components.orderForm'), droppable: false, traits: [] } },
  });
}
