import { createHash } from 'node:crypto';
import render from 'dom-serializer';
import { Element, Text, type ChildNode, type Document } from 'domhandler';
import { findAll, removeElement, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import {
  BLOCK_ATTRIBUTE,
  BLOCK_KINDS,
  CONSENT_INPUT_NAME,
  CONSENT_TEXT_ATTRIBUTE,
  CUSTOM_FIELD_INPUT_PREFIX,
  DEFAULT_FORM_MESSAGES,
  FORM_MESSAGE_ATTRIBUTES,
  OPTIN_FIELD_NAMES,
  type TFormMessageKey,
} from '../../../contracts/funnel-blocks.js';
import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import { escapeAttribute, escapeText } from './html-escape.js';
import { CHECKOUT_SCRIPT_PATH, CLICK_ID_FIELDS, HONEYPOT_FIELD, pagePaths, RUNTIME_SCRIPT_PATH, UTM_FIELDS } from './public-paths.js';
import type { TPublishedForm, TPublishedFormField } from './page-forms.js';

// A page rendered once, at publication, to the static HTML the public server sends until the next one: the builder's
// HTML with our blocks made live (forms post to the public server, next-step links point at the next page, videos
// become players), its CSS inline, and two scripts from the public server's own origin (our runtime, and the page's
// own JavaScript as a file: the Content-Security-Policy allows no inline script). The forms found are returned with
// their fields and messages: a submission is checked against them, never against markup the visitor could change.

export type TRenderInput = {
  pageId: string;
  /** An A/B test variant of the page (its forms and next-step link name it). */
  variantId?: string;
  language: TFunnelLanguage;
  title: string;
  description: string | null;
  imageUrl: string | null;
  html: string;
  css: string;
  js: string;
  /** The public address of the page itself (canonical link, og:url). */
  url: string;
};

export type TRenderedPage = { html: string; js: string | null; etag: string; forms: TPublishedForm[] };

const OPTIN_FIELDS = new Set<string>(OPTIN_FIELD_NAMES);
const FORM_KINDS = new Set<string>([BLOCK_KINDS.optinForm, BLOCK_KINDS.webinarForm]);

export function renderPage(input: TRenderInput): TRenderedPage {
  const document = parseDocument(bodyOf(input.html), { decodeEntities: true });
  dropScripts(document);
  const forms = findAll((el) => el.name === 'form' && FORM_KINDS.has(el.attribs[BLOCK_ATTRIBUTE] ?? ''), document.children).map((form, index) =>
    liveForm(form, index, input),
  );
  for (const link of findAll((el) => el.attribs[BLOCK_ATTRIBUTE] === BLOCK_KINDS.nextStep, document.children)) {
    link.attribs.href = pagePaths(input.pageId, input.variantId).next;
  }
  for (const video of findAll((el) => el.attribs[BLOCK_ATTRIBUTE] === BLOCK_KINDS.video, document.children)) livePlayer(video);
  const checkout = liveCheckout(document, input.pageId);
  const js = input.js.trim() ? input.js : null;
  const jsHash = js ? hash(js).slice(0, 16) : null;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(input.title)}</title>`,
    input.description ? `<meta name="description" content="${escapeAttribute(input.description)}">` : '',
    `<link rel="canonical" href="${escapeAttribute(input.url)}">`,
    `<meta property="og:title" content="${escapeAttribute(input.title)}">`,
    `<meta property="og:url" content="${escapeAttribute(input.url)}">`,
    input.description ? `<meta property="og:description" content="${escapeAttribute(input.description)}">` : '',
    input.imageUrl ? `<meta property="og:image" content="${escapeAttribute(input.imageUrl)}">` : '',
    `<style>${RUNTIME_CSS}</style>`,
    `<noscript><style>[${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.reveal}"]{display:revert!important}</style></noscript>`,
    input.css ? `<style>${input.css.replace(/<\/style/gi, '<\\/style')}</style>` : '',
  ].filter(Boolean);
  const scripts = [
    `<script src="${RUNTIME_SCRIPT_PATH}" defer></script>`,
    jsHash ? `<script src="${pagePaths(input.pageId).script(jsHash)}" defer></script>` : '',
    // Webinar blocks (registration form, room states, watch links) are filled per request by our webinar script.
    findAll((el) => (el.attribs[BLOCK_ATTRIBUTE] ?? '').startsWith('webinar-'), document.children).length > 0
      ? `<script src="/p/webinar.js" data-page="${escapeAttribute(input.pageId)}" defer></script>`
      : '',
    checkout ? `<script src="${CHECKOUT_SCRIPT_PATH}" data-page="${escapeAttribute(input.pageId)}" defer></script>` : '',
  ];
  const html = `<!doctype html><html lang="${input.language}"><head>${head.join('')}</head><body>${render(document, { encodeEntities: 'utf8' })}${scripts.join('')}</body></html>`;
  return { html, js, etag: `"${hash(html + (js ?? '')).slice(0, 32)}"`, forms };
}

/** The builder may save a whole document or just the body's markup: the body's inside either way. */
function bodyOf(html: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return match ? match[1]! : html;
}

/** Inline scripts would not run (CSP), and event handler attributes neither: both are removed so nothing pretends. */
function dropScripts(document: Document): void {
  for (const el of findAll((e) => e.name === 'script' || e.name === 'base', document.children)) removeElement(el);
  for (const el of findAll(() => true, document.children)) {
    for (const name of Object.keys(el.attribs)) {
      const value = el.attribs[name] ?? '';
      if (name.startsWith('on') || (/^(href|src|action|formaction|xlink:href)$/.test(name) && /^\s*javascript:/i.test(value))) delete el.attribs[name];
    }
  }
}

function liveForm(form: Element, index: number, input: TRenderInput): TPublishedForm {
  const kind = form.attribs[BLOCK_ATTRIBUTE] === BLOCK_KINDS.webinarForm ? 'webinar-form' : 'optin-form';
  const defaults = DEFAULT_FORM_MESSAGES[input.language];
  const messages = Object.fromEntries(
    (Object.keys(FORM_MESSAGE_ATTRIBUTES) as TFormMessageKey[]).map((key) => [key, form.attribs[FORM_MESSAGE_ATTRIBUTES[key]]?.trim() || defaults[key]]),
  ) as Record<TFormMessageKey, string>;
  dropEmptySessionChoice(form);
  const fields: TPublishedFormField[] = [];
  let consentText: string | null = null;
  let consentRequired = false;
  for (const control of findAll((el) => ['input', 'select', 'textarea'].includes(el.name), form.children)) {
    const name = control.attribs.name ?? '';
    if (name === CONSENT_INPUT_NAME && control.attribs.type === 'checkbox') {
      const textElement = findAll((el) => el.attribs[CONSENT_TEXT_ATTRIBUTE] !== undefined, form.children)[0];
      consentText = collapse(textContent(textElement ?? labelOf(form, control) ?? control)) || null;
      consentRequired = control.attribs.required !== undefined;
      continue;
    }
    if (!OPTIN_FIELDS.has(name) && !(name.startsWith(CUSTOM_FIELD_INPUT_PREFIX) && name.length > CUSTOM_FIELD_INPUT_PREFIX.length)) continue;
    if (fields.some((f) => f.name === name)) continue;
    fields.push({ name, required: control.attribs.required !== undefined, type: controlType(control, name), label: fieldLabel(form, control) });
  }
  if (!fields.some((f) => f.name === 'email')) fields.unshift({ name: 'email', required: true, type: 'email', label: null });
  else fields.find((f) => f.name === 'email')!.required = true;

  const paths = pagePaths(input.pageId, input.variantId);
  form.attribs.action = paths.form(index);
  form.attribs.method = 'post';
  form.attribs['data-mk-form'] = String(index);
  for (const [key, attribute] of Object.entries(FORM_MESSAGE_ATTRIBUTES)) form.attribs[attribute] = messages[key as TFormMessageKey];
  const hidden = [
    ...[...UTM_FIELDS, ...CLICK_ID_FIELDS].map((name) => element('input', { type: 'hidden', name, value: '' })),
    element('div', { class: 'mk-hp', 'aria-hidden': 'true' }, [
      element('label', {}, [new Text('Website'), element('input', { type: 'text', name: HONEYPOT_FIELD, tabindex: '-1', autocomplete: 'off', value: '' })]),
    ]),
    element('p', { class: 'mk-form-error', role: 'alert', hidden: '' }),
  ];
  for (const node of hidden) appendChild(form, node);
  return { index, kind, fields, consent_text: consentText, consent_required: consentRequired, messages };
}

/**
 * A webinar form's session list is filled from the webinar's schedule; until a schedule is set it has no choice, and a
 * required empty list would block every visitor: it is left out (with its label) rather than shown empty.
 */
function dropEmptySessionChoice(form: Element): void {
  for (const select of findAll((el) => el.name === 'select' && el.attribs.name === 'session', form.children)) {
    const options = findAll((el) => el.name === 'option' && (el.attribs.value ?? textContent(el)).trim() !== '', select.children);
    if (options.length > 0) continue;
    // Our webinar script puts the list back, filled with the sessions offered at the visit, under this label.
    form.attribs['data-mk-session-label'] = fieldLabel(form, select) ?? '';
    let wrapper: Element = select;
    while (
      wrapper.parent instanceof Element &&
      wrapper.parent !== form &&
      findAll((el) => ['input', 'select', 'textarea'].includes(el.name), wrapper.parent.children).length === 1
    ) {
      wrapper = wrapper.parent;
    }
    removeElement(wrapper);
  }
}

function controlType(control: Element, name: string): TPublishedFormField['type'] {
  if (control.name === 'select') return 'select';
  if (control.name === 'textarea') return 'textarea';
  if (name === 'email' || control.attribs.type === 'email') return 'email';
  if (control.attribs.type === 'tel') return 'tel';
  return 'text';
}

function labelOf(form: Element, control: Element): Element | undefined {
  const id = control.attribs.id;
  if (id) {
    const byFor = findAll((el) => el.name === 'label' && el.attribs.for === id, form.children)[0];
    if (byFor) return byFor;
  }
  let parent = control.parent;
  while (parent && parent !== form) {
    if (parent instanceof Element && parent.name === 'label') return parent;
    parent = parent.parent;
  }
  return undefined;
}

function fieldLabel(form: Element, control: Element): string | null {
  const label = labelOf(form, control);
  return (label ? collapse(textContent(label)) : '') || control.attribs.placeholder?.trim() || control.attribs['aria-label']?.trim() || null;
}

/**
 * The checkout blocks, made live by commerce's checkout script (what the page sells is set in the step's settings,
 * not in the markup): the order form's place, and an offer page's buttons. Accepting charges money, so its link opens
 * a confirmation (a GET never charges); the script turns it into one click. Returns whether the page has any.
 */
function liveCheckout(document: Document, pageId: string): boolean {
  const paths = pagePaths(pageId);
  const forms = findAll((el) => el.attribs[BLOCK_ATTRIBUTE] === BLOCK_KINDS.orderForm, document.children);
  const accepts = findAll((el) => el.attribs[BLOCK_ATTRIBUTE] === BLOCK_KINDS.upsellAccept, document.children);
  const declines = findAll((el) => el.attribs[BLOCK_ATTRIBUTE] === BLOCK_KINDS.upsellDecline, document.children);
  for (const link of accepts) link.attribs.href = paths.accept;
  for (const link of declines) link.attribs.href = paths.decline;
  return forms.length + accepts.length + declines.length > 0;
}

/** A privacy-enhanced player in place of the video block's preview. */
function livePlayer(block: Element): void {
  const provider = block.attribs['data-provider'];
  const video = (block.attribs['data-video'] ?? '').trim();
  let player: Element | null = null;
  if (provider === 'youtube' && /^[A-Za-z0-9_-]{6,20}$/.test(video)) {
    player = element('iframe', {
      src: `https://www.youtube-nocookie.com/embed/${video}?rel=0`,
      title: 'YouTube',
      allow: 'fullscreen; picture-in-picture',
      loading: 'lazy',
    });
  } else if (provider === 'vimeo' && /^\d{3,15}$/.test(video)) {
    player = element('iframe', {
      src: `https://player.vimeo.com/video/${video}?dnt=1`,
      title: 'Vimeo',
      allow: 'fullscreen; picture-in-picture',
      loading: 'lazy',
    });
  } else if (provider === 'file' && /^(https?:\/\/|\/)[^\s"'<>]+$/.test(video)) {
    player = element('video', { src: video, controls: '', preload: 'metadata', playsinline: '' });
  }
  if (!player) return;
  block.children = [];
  block.attribs.class = `${block.attribs.class ?? ''} mk-video`.trim();
  appendChild(block, player);
}

function element(name: string, attribs: Record<string, string>, children: ChildNode[] = []): Element {
  const el = new Element(name, attribs, children);
  for (const child of children) child.parent = el;
  return el;
}

function appendChild(parent: Element, child: ChildNode): void {
  const last = parent.children.at(-1);
  child.parent = parent;
  child.prev = last ?? null;
  if (last) last.next = child;
  parent.children.push(child);
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** What our blocks need whatever the page's own CSS: the honeypot off screen, delayed blocks hidden, players sized. */
const RUNTIME_CSS = [
  '.mk-hp{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}',
  `[${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.reveal}"]:not(.mk-revealed){display:none}`,
  '.mk-video{position:relative;aspect-ratio:16/9}',
  '.mk-video iframe,.mk-video video{position:absolute;inset:0;width:100%;height:100%;border:0}',
  '.mk-form-error{color:#b3261e;margin:.5rem 0 0}',
  `[${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.webinarState}"]:not(.mk-webinar-shown){display:none}`,
  '.mk-field-error{color:#b3261e;font-size:.875em;display:block;margin-top:.25rem}',
].join('');
