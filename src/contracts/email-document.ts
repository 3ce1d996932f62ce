import { z } from 'zod';

// The block editor's document (version 1): what a member builds in the email editor, saved as JSON on the
// campaign (`editor_document`) and compiled on the server to responsive HTML with MJML (one render path:
// modules/email/document). Every string is bounded; Liquid (`{{ lead.first_name | default: "ami" }}`) may appear in
// texts, labels and links.

export const EMAIL_DOCUMENT_VERSION = 1;
export const MAX_DOCUMENT_SECTIONS = 60;
export const MAX_COLUMN_BLOCKS = 40;
export const MAX_SECTION_COLUMNS = 4;
export const MAX_TEXT_BLOCK_HTML = 20_000;
/**
 * Blocks in a whole document: MJML compiles at every save on the request's thread, about 0.4 ms a block (300
 * blocks of long text: 0.3 s with the text's clean-up); a newsletter has tens.
 */
export const MAX_DOCUMENT_BLOCKS = 300;

/** Fonts every mail client has, with their fallbacks. */
export const EMAIL_FONTS = {
  arial: 'Arial, Helvetica, sans-serif',
  helvetica: 'Helvetica, Arial, sans-serif',
  verdana: 'Verdana, Geneva, sans-serif',
  trebuchet: '"Trebuchet MS", Tahoma, sans-serif',
  georgia: 'Georgia, "Times New Roman", serif',
  times: '"Times New Roman", Times, serif',
  courier: '"Courier New", Courier, monospace',
} as const;
export type TEmailFont = keyof typeof EMAIL_FONTS;

export const SOCIAL_NETWORKS = ['facebook', 'instagram', 'linkedin', 'x', 'youtube', 'tiktok', 'website'] as const;
export type TSocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export const EMAIL_BLOCK_TYPES = ['text', 'image', 'button', 'divider', 'spacer', 'social', 'footer'] as const;
export type TEmailBlockType = (typeof EMAIL_BLOCK_TYPES)[number];

/** A link: an http(s) address, mailto:, or Liquid that prints one (`{{ unsubscribe_url }}`); never another scheme. */
export function isAllowedHref(value: string): boolean {
  const href = value.trim();
  if (/^https?:\/\/[^\s/]+/i.test(href) || /^mailto:\S+/i.test(href)) return true;
  // Liquid anywhere, as long as the text does not start with a scheme of its own (javascript:{{ x }} is refused).
  return href.includes('{{') && !/^[a-z][a-z0-9+.-]*:/i.test(href);
}

const ZBlockId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const ZEmailColor = z
  .string()
  .max(7)
  .refine((value) => /^#[0-9a-fA-F]{6}$/.test(value), { error: 'must be a colour such as #1c5fb8', params: { code: 'color' } });
export const ZEmailHref = z
  .string()
  .trim()
  .max(2000)
  .refine(isAllowedHref, { error: 'must be an http(s) address, mailto: or a Liquid variable', params: { code: 'href' } });
/** An image address: http(s) only (a mail client fetches it). */
export const ZEmailImageSrc = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), { error: 'must be an http(s) address', params: { code: 'href' } });
const ZAlign = z.enum(['left', 'center', 'right']);

const ZTextBlock = z.strictObject({ id: ZBlockId, type: z.literal('text'), html: z.string().max(MAX_TEXT_BLOCK_HTML) });
const ZImageBlock = z.strictObject({
  id: ZBlockId,
  type: z.literal('image'),
  src: ZEmailImageSrc,
  alt: z.string().max(300),
  /** Where a click on the image goes; '' for nowhere. */
  href: z.union([z.literal(''), ZEmailHref]),
  /** In pixels; null: the column's width. */
  width: z.number().int().min(20).max(800).nullable(),
  align: ZAlign,
});
const ZButtonBlock = z.strictObject({
  id: ZBlockId,
  type: z.literal('button'),
  label: z.string().trim().min(1).max(200),
  href: ZEmailHref,
  background_color: ZEmailColor,
  text_color: ZEmailColor,
  align: ZAlign,
});
const ZDividerBlock = z.strictObject({ id: ZBlockId, type: z.literal('divider'), color: ZEmailColor, thickness: z.number().int().min(1).max(10) });
const ZSpacerBlock = z.strictObject({ id: ZBlockId, type: z.literal('spacer'), height: z.number().int().min(4).max(200) });
const ZSocialBlock = z.strictObject({
  id: ZBlockId,
  type: z.literal('social'),
  links: z.array(z.strictObject({ network: z.enum(SOCIAL_NETWORKS), href: ZEmailHref })).max(SOCIAL_NETWORKS.length),
  align: ZAlign,
});
const ZFooterBlock = z.strictObject({
  id: ZBlockId,
  type: z.literal('footer'),
  /** Plain text (line breaks kept), Liquid allowed: by default the legal name and postal address. */
  text: z.string().max(2000),
  /** The unsubscribe link's words ('' for no link: then write one elsewhere). */
  unsubscribe_label: z.string().trim().max(100),
});

export const ZEmailBlock = z.discriminatedUnion('type', [ZTextBlock, ZImageBlock, ZButtonBlock, ZDividerBlock, ZSpacerBlock, ZSocialBlock, ZFooterBlock]);
export type TEmailBlock = z.infer<typeof ZEmailBlock>;
export type TEmailBlockOf<T extends TEmailBlockType> = Extract<TEmailBlock, { type: T }>;

export const ZEmailColumn = z.strictObject({ id: ZBlockId, blocks: z.array(ZEmailBlock).max(MAX_COLUMN_BLOCKS) });
export type TEmailColumn = z.infer<typeof ZEmailColumn>;

export const ZEmailSection = z.strictObject({
  id: ZBlockId,
  background_color: ZEmailColor,
  /** Space above and below the section's content, in pixels. */
  padding: z.number().int().min(0).max(80),
  columns: z.array(ZEmailColumn).min(1).max(MAX_SECTION_COLUMNS),
});
export type TEmailSection = z.infer<typeof ZEmailSection>;

export const ZEmailDocumentSettings = z.strictObject({
  /** Around the content. */
  background_color: ZEmailColor,
  /** Width of the content on a desktop, in pixels (phones get the full width). */
  width: z.number().int().min(480).max(800),
  font_family: z.enum(Object.keys(EMAIL_FONTS) as [TEmailFont, ...TEmailFont[]]),
  text_color: ZEmailColor,
  link_color: ZEmailColor,
});
export type TEmailDocumentSettings = z.infer<typeof ZEmailDocumentSettings>;

export const ZEmailDocument = z
  .strictObject({
    version: z.literal(EMAIL_DOCUMENT_VERSION),
    settings: ZEmailDocumentSettings,
    sections: z.array(ZEmailSection).max(MAX_DOCUMENT_SECTIONS),
  })
  .superRefine((doc, context) => {
    const blocks = countBlocks(doc);
    if (blocks > MAX_DOCUMENT_BLOCKS)
      context.addIssue({ code: 'custom', path: ['sections'], message: `at most ${MAX_DOCUMENT_BLOCKS} blocks in a document (this one has ${blocks})` });
  });
export type TEmailDocument = z.infer<typeof ZEmailDocument>;

/** Blocks in all the document's columns. */
export function countBlocks(doc: { sections: { columns: { blocks: unknown[] }[] }[] }): number {
  return doc.sections.reduce((sum, section) => sum + section.columns.reduce((n, column) => n + column.blocks.length, 0), 0);
}

export const DEFAULT_DOCUMENT_SETTINGS: TEmailDocumentSettings = {
  background_color: '#f4f5f7',
  width: 600,
  font_family: 'arial',
  text_color: '#1f2328',
  link_color: '#1c5fb8',
};

/** The footer every new document ends with: the legal name, the postal address and the unsubscribe link (the law on marketing email). */
export const DEFAULT_FOOTER_TEXT = '{{ workspace.legal_name }}\n{{ workspace.postal_address }}';

let idCounter = 0;
/** A new id for a section, column or block (unique within a document; not a secret). */
export function newBlockId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  return `${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The words of a new document, in the author's language (HTML of the text blocks, escaped by the caller). */
export type TStarterTexts = { headingHtml: string; bodyHtml: string; buttonLabel: string; buttonHref: string; unsubscribeLabel: string };

/** A new campaign's document: a heading, a text, a button and the footer, in one white section. */
export function starterDocument(texts: TStarterTexts): TEmailDocument {
  const blocks: TEmailBlock[] = [
    { id: newBlockId(), type: 'text', html: texts.headingHtml },
    { id: newBlockId(), type: 'text', html: texts.bodyHtml },
    {
      id: newBlockId(),
      type: 'button',
      label: texts.buttonLabel,
      href: texts.buttonHref,
      background_color: '#1c5fb8',
      text_color: '#ffffff',
      align: 'center',
    },
  ];
  const footer: TEmailBlock = { id: newBlockId(), type: 'footer', text: DEFAULT_FOOTER_TEXT, unsubscribe_label: texts.unsubscribeLabel };
  return {
    version: EMAIL_DOCUMENT_VERSION,
    settings: { ...DEFAULT_DOCUMENT_SETTINGS },
    sections: [
      { id: newBlockId(), background_color: '#ffffff', padding: 24, columns: [{ id: newBlockId(), blocks }] },
      { id: newBlockId(), background_color: DEFAULT_DOCUMENT_SETTINGS.background_color, padding: 16, columns: [{ id: newBlockId(), blocks: [footer] }] },
    ],
  };
}
