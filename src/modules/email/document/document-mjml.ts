import { EMAIL_FONTS, type TEmailBlock, type TEmailDocument, type TEmailDocumentSettings, type TSocialNetwork } from '../../../contracts/email-document.js';
import { escapeAttribute, escapeText } from './document-escape.js';
import { sanitizeTextHtml } from './text-html.js';

// The block editor's document written as MJML: sections become mj-section, columns mj-column (side by side on a
// desktop, stacked on a phone: MJML's media query), blocks their mj-* component. Every value is escaped here;
// a text block's HTML goes through the allow-list again (an old document, an API client's).

/**
 * mj-social's own networks. The plain names (facebook, x, linkedin) turn the link into a "share this page" URL;
 * the `-noshare` names link to the page itself, which is what a footer's icons mean. MJML has no TikTok icon:
 * it gets the generic web icon on TikTok's black.
 */
const SOCIAL: Record<TSocialNetwork, { name: string; label: string; extra?: string }> = {
  facebook: { name: 'facebook-noshare', label: 'Facebook' },
  instagram: { name: 'instagram-noshare', label: 'Instagram' },
  linkedin: { name: 'linkedin-noshare', label: 'LinkedIn' },
  x: { name: 'x-noshare', label: 'X' },
  youtube: { name: 'youtube-noshare', label: 'YouTube' },
  tiktok: { name: 'web-noshare', label: 'TikTok', extra: ' background-color="#000000"' },
  website: { name: 'web-noshare', label: 'Site web' },
};

/** The MJML source of a document. */
export function documentToMjml(doc: TEmailDocument): string {
  const { settings } = doc;
  const font = EMAIL_FONTS[settings.font_family];
  const sections = doc.sections.map((section) => {
    const columns = section.columns.map((column) => `<mj-column>${column.blocks.map((block) => blockToMjml(block, settings)).join('')}</mj-column>`);
    return `<mj-section background-color="${section.background_color}" padding="${section.padding}px 0">${columns.join('')}</mj-section>`;
  });
  return [
    '<mjml><mj-head>',
    '<mj-attributes>',
    `<mj-all font-family="${escapeAttribute(font)}" />`,
    `<mj-text color="${settings.text_color}" font-size="16px" line-height="1.5" />`,
    '</mj-attributes>',
    '</mj-head>',
    `<mj-body background-color="${settings.background_color}" width="${settings.width}px">`,
    ...sections,
    '</mj-body></mjml>',
  ].join('\n');
}

function blockToMjml(block: TEmailBlock, settings: TEmailDocumentSettings): string {
  switch (block.type) {
    case 'text':
      return `<mj-text>${sanitizeTextHtml(block.html, { styles: textStyles(settings) })}</mj-text>`;
    case 'image': {
      const width = block.width ? ` width="${block.width}px"` : '';
      const href = block.href ? ` href="${escapeAttribute(block.href)}"` : '';
      return `<mj-image src="${escapeAttribute(block.src)}" alt="${escapeAttribute(block.alt)}"${href}${width} align="${block.align}" />`;
    }
    case 'button':
      return (
        `<mj-button href="${escapeAttribute(block.href)}" background-color="${block.background_color}" color="${block.text_color}" ` +
        `align="${block.align}" font-size="16px" border-radius="6px" inner-padding="12px 24px">${escapeText(block.label)}</mj-button>`
      );
    case 'divider':
      return `<mj-divider border-color="${block.color}" border-width="${block.thickness}px" />`;
    case 'spacer':
      return `<mj-spacer height="${block.height}px" />`;
    case 'social': {
      if (block.links.length === 0) return '';
      const elements = block.links.map(({ network, href }) => {
        const { name, label, extra = '' } = SOCIAL[network];
        return `<mj-social-element name="${name}" href="${escapeAttribute(href)}"${extra} alt="${label}" title="${label}"></mj-social-element>`;
      });
      return `<mj-social mode="horizontal" align="${block.align}" icon-size="28px">${elements.join('')}</mj-social>`;
    }
    case 'footer': {
      const lines = block.text
        .split('\n')
        .map((line) => escapeText(line.trim()))
        .filter(Boolean);
      const unsubscribe = block.unsubscribe_label
        ? `<a href="{{ unsubscribe_url }}" style="color:${settings.link_color}">${escapeText(block.unsubscribe_label)}</a>`
        : '';
      return `<mj-text font-size="12px" line-height="1.6" align="center" color="#5c6370">${[...lines, unsubscribe].filter(Boolean).join('<br>')}</mj-text>`;
    }
  }
}

function textStyles(settings: TEmailDocumentSettings) {
  return {
    a: `color:${settings.link_color}`,
    p: 'margin:0 0 12px',
    h1: 'margin:0 0 12px;font-size:28px;line-height:1.25',
    h2: 'margin:0 0 10px;font-size:22px;line-height:1.3',
    h3: 'margin:0 0 8px;font-size:18px;line-height:1.35',
  };
}
