import type { TAiLanguage, TEmailCopy } from '../../../contracts/ai.js';
import {
  DEFAULT_DOCUMENT_SETTINGS,
  DEFAULT_FOOTER_TEXT,
  EMAIL_DOCUMENT_VERSION,
  newBlockId,
  ZEmailDocument,
  type TEmailBlock,
  type TEmailDocument,
} from '../../../contracts/email-document.js';
import type { TWriteContext } from '../ai-context.js';
import { withoutLiquid } from './email-text.js';

// An email's copy as a block-editor document (contracts/email-document.ts), which the email module compiles to HTML:
// the brand's logo, the personalized greeting (our only Liquid, besides the footer's), the intro, the sections, the
// button in the brand's colour (only with a link), the closing signed with the brand's name, the PS, and the footer the
// law asks of marketing email (legal name, postal address, unsubscribe link). Copy is plain text: it is escaped here
// and wrapped in our own <p>, <strong>, <ul><li>.

const WORDS: Record<TAiLanguage, { greeting: string; unsubscribe: string; ps: string; logoAlt: string }> = {
  fr: { greeting: 'Bonjour {{ lead.first_name | default: "à vous" }},', unsubscribe: 'Se désinscrire', ps: 'PS\u00a0:', logoAlt: 'Logo' },
  en: { greeting: 'Hi {{ lead.first_name | default: "there" }},', unsubscribe: 'Unsubscribe', ps: 'PS:', logoAlt: 'Logo' },
};

const FALLBACK_COLOR = '#1c5fb8';

/** The campaign's editor document; `link` null leaves the button out. */
export function renderEmailDocument(copy: TEmailCopy, ctx: TWriteContext, link: string | null, language: TAiLanguage = ctx.language): TEmailDocument {
  const words = WORDS[language];
  const brand = ctx.brand.brand_name.trim() || ctx.workspaceName.trim();
  const primary = colorOr(ctx.brand.primary_color, FALLBACK_COLOR);
  const blocks: TEmailBlock[] = [];
  const text = (html: string) => blocks.push({ id: newBlockId(), type: 'text', html });

  const logo = ctx.brand.logo_url?.trim();
  if (logo && /^https?:\/\/[^\s/]+/i.test(logo)) {
    blocks.push({ id: newBlockId(), type: 'image', src: logo, alt: brand || words.logoAlt, href: '', width: 160, align: 'center' });
  }
  text(`<p>${words.greeting}</p><p>${escape(copy.intro)}</p>`);
  for (const section of copy.sections) {
    const paragraphs = section.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('');
    const bullets = section.bullets.length > 0 ? `<ul>${section.bullets.map((b) => `<li>${escape(b)}</li>`).join('')}</ul>` : '';
    text(`<p><strong>${escape(section.title)}</strong></p>${paragraphs}${bullets}`);
  }
  if (link) {
    blocks.push({
      id: newBlockId(),
      type: 'button',
      label: plain(copy.cta_label),
      href: link,
      background_color: primary,
      text_color: readableOn(primary),
      align: 'center',
    });
  }
  text(`<p>${escape(copy.closing)}</p>${brand ? `<p><strong>${escape(brand)}</strong></p>` : ''}`);
  text(`<p>${words.ps} ${escape(withoutPsPrefix(copy.ps))}</p>`);

  const footer: TEmailBlock = { id: newBlockId(), type: 'footer', text: DEFAULT_FOOTER_TEXT, unsubscribe_label: words.unsubscribe };
  return ZEmailDocument.parse({
    version: EMAIL_DOCUMENT_VERSION,
    settings: { ...DEFAULT_DOCUMENT_SETTINGS, link_color: primary },
    sections: [
      { id: newBlockId(), background_color: '#ffffff', padding: 24, columns: [{ id: newBlockId(), blocks }] },
      { id: newBlockId(), background_color: DEFAULT_DOCUMENT_SETTINGS.background_color, padding: 16, columns: [{ id: newBlockId(), blocks: [footer] }] },
    ],
  });
}

/** Copy text inside our HTML: markup escaped, and no brace left to open Liquid in the campaign's templates. */
function escape(text: string): string {
  return plain(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A field the compiler escapes itself (the button's label): only Liquid is taken out. */
function plain(text: string): string {
  return withoutLiquid(text).replace(/\s+/g, ' ').trim();
}

/** A model may write its PS with the prefix already. */
function withoutPsPrefix(ps: string): string {
  return ps.replace(/^\s*p\.?\s*s\.?(?:\s*[:\-–—]\s*|\s+)/i, '');
}

function colorOr(value: string, fallback: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : fallback;
}

/** White or near-black, whichever reads better on the brand's colour (WCAG relative luminance). */
function readableOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.4 ? '#1f2328' : '#ffffff';
}
