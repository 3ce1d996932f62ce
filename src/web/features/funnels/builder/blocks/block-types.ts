import type { TFunction } from 'i18next';

/** Where a block sits in the palette, in this order. */
export const BLOCK_CATEGORIES = ['sections', 'content', 'conversion', 'sales'] as const;
export type TBlockCategory = (typeof BLOCK_CATEGORIES)[number];

/**
 * The two languages a block deals with: the builder's own (its label in the palette, `ui`) and the page's (the text it
 * puts on the page, `page`: a French user may build an English funnel).
 */
export type TBlockTexts = { ui: TFunction; page: TFunction };

/** One block of the palette: its markup (plain HTML and the funnel-blocks contract) and the CSS it needs. */
export type TBuilderBlock = {
  id: string;
  category: TBlockCategory;
  label: string;
  /** The palette's small picture (inline SVG). */
  media: string;
  html: string;
  /** Its rules, added to the page when the block is dropped, without overwriting rules the page already has. */
  css: string;
};
