import type { Block, Component, Editor } from 'grapesjs';
import type { TFunnelLanguage } from '../../../../../contracts/funnels.js';
import { BASE_CSS } from './base-css.js';
import { BLOCK_CATEGORIES, type TBlockTexts, type TBuilderBlock } from './block-types.js';
import { contentBlocks } from './content.js';
import { conversionBlocks } from './conversion.js';
import { footerBlocks } from './footer.js';
import { formBlocks } from './forms.js';
import { heroBlocks } from './hero.js';
import { mediaBlocks } from './media.js';
import { offerBlocks } from './offer.js';
import { salesBlocks } from './sales.js';
import { socialProofBlocks } from './social-proof.js';

/** Every block of the palette, in palette order within their categories. */
export function allBlocks(texts: TBlockTexts, language: TFunnelLanguage): TBuilderBlock[] {
  return [
    ...heroBlocks(texts),
    ...offerBlocks(texts),
    ...socialProofBlocks(texts),
    ...footerBlocks(texts),
    ...contentBlocks(texts),
    ...mediaBlocks(texts),
    ...formBlocks(texts, language),
    ...conversionBlocks(texts),
    ...salesBlocks(texts),
  ];
}

/**
 * Adds the base rules and a block's own to the page, keeping any rule the page already has as it is (the user may
 * have restyled `.mk-button`: a second button must not undo that).
 */
export function addBlockStyles(editor: Editor, css: string): void {
  editor.Css.addCollection(BASE_CSS + css, { avoidUpdateStyle: true });
}

/**
 * Puts our blocks in the palette. A block is dragged onto the page, or clicked: then it goes after the section that
 * holds the selection, or at the end of the page.
 */
export function registerBlocks(editor: Editor, texts: TBlockTexts, language: TFunnelLanguage): void {
  const blocks = allBlocks(texts, language);
  const cssById = new Map(blocks.map((block) => [block.id, block.css]));
  for (const block of blocks) {
    editor.Blocks.add(block.id, {
      label: block.label,
      media: block.media,
      category: { id: block.category, label: texts.ui(`funnelBuilder.categories.${block.category}`), order: BLOCK_CATEGORIES.indexOf(block.category) },
      content: block.html,
      select: true,
      attributes: { title: texts.ui('funnelBuilder.palette.blockHint', { name: block.label }) },
      onClick: (clicked: Block) => insertBlock(editor, clicked, cssById.get(clicked.getId()) ?? ''),
    });
  }
  editor.on('block:drag:stop', (component: Component | undefined, block: Block) => {
    if (component) addBlockStyles(editor, cssById.get(block.getId()) ?? '');
  });
}

function insertBlock(editor: Editor, block: Block, css: string): void {
  const wrapper = editor.getWrapper();
  if (!wrapper) return;
  let top = editor.getSelected();
  while (top && top.parent() && top.parent() !== wrapper) top = top.parent();
  const at = top && top.parent() === wrapper ? top.index() + 1 : wrapper.components().length;
  addBlockStyles(editor, css);
  const added = wrapper.components().add(block.getContent() as string, { at });
  const first = Array.isArray(added) ? added[0] : added;
  if (first) {
    editor.select(first);
    editor.Canvas.scrollTo(first, { behavior: 'smooth' });
  }
}
