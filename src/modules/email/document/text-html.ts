import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { isAllowedHref } from '../../../contracts/email-document.js';
import { escapeAttribute, escapeText } from './document-escape.js';

// A text block's HTML (written in the editor's rich text field, or sent by an API client) reduced to a small
// allow-list before it is stored and compiled: paragraphs, line breaks, bold, italic, underline, links, lists and
// three heading levels. Everything else is unwrapped (its text kept) or, for scripts and the like, dropped with
// its content. Attributes are dropped except a link's href, and only an http(s), mailto: or Liquid one.

/** Tags kept, and what some editors' tags become. */
const KEEP: Record<string, string> = {
  p: 'p',
  div: 'p',
  br: 'br',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  u: 'u',
  a: 'a',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
};

/** Tags dropped with everything inside them. */
const DROP = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'head', 'title', 'svg', 'math', 'select', 'textarea', 'button']);

type TOptions = {
  /** Inline styles added to some tags when compiling (mail clients ignore most stylesheets); none when storing. */
  styles?: Partial<Record<'a' | 'p' | 'h1' | 'h2' | 'h3' | 'ul' | 'ol', string>>;
};

/** The allowed subset of `html`, Liquid tags kept as written. */
export function sanitizeTextHtml(html: string, options: TOptions = {}): string {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  return serialize(document.children, options).trim();
}

function serialize(nodes: ChildNode[], options: TOptions): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeText(node.data);
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') out += element(node, options);
    // Comments, doctypes and processing instructions are left out.
  }
  return out;
}

function element(node: Element, options: TOptions): string {
  const name = node.name.toLowerCase();
  if (DROP.has(name)) return '';
  const tag = KEEP[name];
  const inner = serialize(node.children, options);
  if (!tag) return inner;
  if (tag === 'br') return '<br>';
  const attributes: string[] = [];
  if (tag === 'a') {
    const href = node.attribs.href?.trim() ?? '';
    // A link to nowhere acceptable keeps its words and loses its link.
    if (!href || href.length > 2000 || !isAllowedHref(href)) return inner;
    attributes.push(`href="${escapeAttribute(href)}"`, 'target="_blank"');
  }
  const style = options.styles?.[tag as keyof NonNullable<TOptions['styles']>];
  if (style) attributes.push(`style="${escapeAttribute(style)}"`);
  return `<${tag}${attributes.length ? ` ${attributes.join(' ')}` : ''}>${inner}</${tag}>`;
}
