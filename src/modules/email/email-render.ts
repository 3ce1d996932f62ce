import { convert } from 'html-to-text';
import type { Template } from 'liquidjs';
import { liquid } from '../../platform/mail/liquid.js';

// The one render path of a campaign message: the preview, the test send and every real message go through
// renderMessage, so what the preview shows is what is sent. Templates are parsed once per campaign
// (compileCampaign); each recipient costs one Liquid render of the subject, HTML and text, and one pass over the
// HTML's links.

/** The campaign fields a message is made of. */
export type TCampaignContent = { name: string; subject: string; preheader: string; html_content: string; text_content: string };

/** What a template may name: `lead.*`, `custom.*`, `workspace.*`, `campaign.*` and `unsubscribe_url`. */
export type TMessageContext = {
  lead: Record<string, unknown>;
  custom: Record<string, unknown>;
  workspace: { name: string; legal_name: string; postal_address: string };
  campaign: { name: string };
  unsubscribe_url: string;
};

export type TCompiledCampaign = {
  subject: Template[];
  preheader: Template[];
  html: Template[];
  /** The campaign's own text, or the one generated from its HTML (Liquid tags survive the conversion). */
  text: Template[];
};

/**
 * The tracked form of a message's links: given the destinations of its http(s) links, each once, the URL to write
 * instead of each (a destination left out of the map stays as written: the unsubscribe link, links over the cap).
 */
export type TLinkTracker = (urls: string[]) => Promise<Map<string, string>>;

export type TRenderedMessage = { subject: string; html: string; text: string };

/** Parses a campaign's templates once (their syntax was checked at save; a failure here is a 400 at send). */
export function compileCampaign(content: TCampaignContent): TCompiledCampaign {
  const textTemplate = content.text_content.trim() ? content.text_content : htmlToText(content.html_content);
  return {
    subject: liquid.parse(content.subject),
    preheader: liquid.parse(content.preheader),
    html: liquid.parse(content.html_content),
    text: liquid.parse(textTemplate),
  };
}

/** The text version of an HTML body: what a mail client without HTML shows, links written out. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: 78,
    // The conversion runs on the template, before Liquid: nothing may change a tag's text (upper-cased headings would).
    selectors: [
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', options: { uppercaseHeaderCells: false } },
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['(', ')'] } },
    ],
  });
}

/**
 * One recipient's message. `trackLinks` turns the http(s) links of the HTML into their tracked form and
 * `openPixelUrl` adds the open pixel; without `tracking` (the preview), the links stay as written.
 */
export async function renderMessage(
  compiled: TCompiledCampaign,
  context: TMessageContext,
  tracking?: { trackLinks: TLinkTracker; openPixelUrl: string },
): Promise<TRenderedMessage> {
  // Synchronous rendering: no filter or tag of ours waits on anything, and the async form costs a promise per
  // node (measured 87 -> 52 µs for a newsletter). Render limits apply the same way (platform/mail/liquid.ts).
  const subject = liquid.renderSync(compiled.subject, context) as unknown;
  const preheader = liquid.renderSync(compiled.preheader, context) as unknown;
  const body = liquid.renderSync(compiled.html, context) as unknown;
  const text = liquid.renderSync(compiled.text, context) as unknown;
  let html = withPreheader(asDocument(String(body)), String(preheader).trim());
  if (tracking) {
    const tracked = await tracking.trackLinks(trackableLinks(html));
    html = withOpenPixel(
      rewriteLinks(html, (url) => tracked.get(url) ?? url),
      tracking.openPixelUrl,
    );
  }
  return { subject: oneLine(String(subject)), html, text: String(text) };
}

/** The href of every <a> tag (double or single quotes), for tracking and for the campaign's link list. */
const LINK = /(<a\b[^>]*?\bhref\s*=\s*)(["'])(.*?)\2/gis;

/** The destinations of a rendered HTML's trackable links (http and https), each once, in order. */
export function trackableLinks(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(LINK)) {
    const url = decodeEntities(match[3]!.trim());
    if (isTrackable(url)) urls.add(url);
  }
  return [...urls];
}

function rewriteLinks(html: string, rewrite: (url: string) => string): string {
  return html.replace(LINK, (whole, start: string, quote: string, href: string) => {
    const url = decodeEntities(href.trim());
    if (!isTrackable(url)) return whole;
    return `${start}${quote}${escapeAttribute(rewrite(url))}${quote}`;
  });
}

function isTrackable(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A body written as a fragment becomes a document (a mail client needs <html> and the charset). */
function asDocument(body: string): string {
  if (/<html[\s>]/i.test(body)) return body;
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head><body>${body}</body></html>`;
}

/** The preheader: the line a mail client shows after the subject, hidden in the message itself. */
function withPreheader(html: string, preheader: string): string {
  if (!preheader) return html;
  const hidden = `<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all">${escapeText(preheader)}${'&#847;&zwnj;&nbsp;'.repeat(30)}</div>`;
  return insertAfterBodyStart(html, hidden);
}

function withOpenPixel(html: string, url: string): string {
  const pixel = `<img src="${escapeAttribute(url)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`;
  return /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${pixel}</body>`) : `${html}${pixel}`;
}

function insertAfterBodyStart(html: string, fragment: string): string {
  const match = /<body[^>]*>/i.exec(html);
  if (!match) return `${fragment}${html}`;
  const at = match.index + match[0].length;
  return `${html.slice(0, at)}${fragment}${html.slice(at)}`;
}

/** A subject is one line: a newline from a lead's field would break the header. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
