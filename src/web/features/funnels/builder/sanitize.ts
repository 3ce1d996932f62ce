// What a page may carry into the builder's canvas. The canvas is an about:blank frame of the admin origin, so any
// script a page brought would run with the signed-in user's session: the page's own JavaScript (js_content) is never
// put there, and its HTML and its saved builder document are cleaned before GrapesJS sees them. Three locks, each
// enough alone for scripts: this cleaning, GrapesJS's parser (allowScripts and unsafe attributes off), and the admin
// Content-Security-Policy (`script-src 'self'`, inherited by the about:blank frame: no inline script or handler runs).

/** Elements that run code, load other documents or change where links go; none belongs in a funnel page's body. */
const DROPPED_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'portal']);
/** Attributes that hold an address, checked for javascript: and the like. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping']);
/** Attributes dropped whatever their value. */
const DROPPED_ATTRIBUTES = new Set(['srcdoc', 'formaction']);

/** True for an address that runs code when followed (javascript:, vbscript:, data: other than an image). */
export function isUnsafeUrl(value: string): boolean {
  // Browsers ignore whitespace and control characters inside the scheme ("java\tscript:"): so does the check.
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (compact.startsWith('javascript:') || compact.startsWith('vbscript:')) return true;
  return compact.startsWith('data:') && !compact.startsWith('data:image/');
}

/** Whether an attribute may stay on an element shown in the canvas. */
export function isSafeAttribute(name: string, value: unknown): boolean {
  const key = name.toLowerCase();
  if (key.startsWith('on') || DROPPED_ATTRIBUTES.has(key)) return false;
  if (URL_ATTRIBUTES.has(key) && typeof value === 'string' && isUnsafeUrl(value)) return false;
  // SVG animations can rewrite an href after the check: only harmless targets are kept.
  if (key === 'attributename' && typeof value === 'string' && /href/i.test(value)) return false;
  return true;
}

/** True for an element (by tag name) that never goes into the canvas. */
export function isDroppedTag(tagName: string): boolean {
  return DROPPED_TAGS.has(tagName.toLowerCase());
}

/**
 * A page's HTML without scripts, frames, event handler attributes or javascript: addresses. A whole document becomes
 * its body (its <head> styles kept in front), as the public renderer reads it. Parsed with DOMParser, which runs nothing.
 */
export function sanitizeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const headStyles = Array.from(doc.head.querySelectorAll('style'))
    .map((style) => style.outerHTML)
    .join('');
  cleanTree(doc.body);
  return headStyles + doc.body.innerHTML;
}

function cleanTree(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (isDroppedTag(element.localName)) {
      element.remove();
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      if (!isSafeAttribute(attribute.name, attribute.value)) element.removeAttribute(attribute.name);
    }
  }
}

type TJson = null | boolean | number | string | TJson[] | { [key: string]: TJson };

/**
 * Keys of a GrapesJS component that hold code to run in the canvas (component scripts). Dropped from every object:
 * any object of a component list becomes a component, with or without a tag name.
 */
const SCRIPT_KEYS = ['script', 'script-export', 'script-props'];

/**
 * A saved builder document (GrapesJS project data) fit for the canvas: components that are scripts, frames and the
 * like removed wherever they are (body, head), component scripts dropped, unsafe attributes removed, and markup held as
 * a string (a component's `content` or `components`) passed through `cleanMarkup` (sanitizeHtml in the browser).
 */
export function sanitizeProjectData(data: Record<string, unknown>, cleanMarkup: (html: string) => string): Record<string, unknown> {
  return clean(data as TJson, cleanMarkup) as Record<string, unknown>;
}

function clean(value: TJson, cleanMarkup: (html: string) => string): TJson | undefined {
  if (Array.isArray(value)) {
    return value.map((item) => clean(item, cleanMarkup)).filter((item): item is TJson => item !== undefined);
  }
  if (value === null || typeof value !== 'object') return value;
  const tagName = typeof value.tagName === 'string' ? value.tagName : null;
  const type = typeof value.type === 'string' ? value.type : null;
  if ((tagName && isDroppedTag(tagName)) || type === 'script') return undefined;
  const result: { [key: string]: TJson } = {};
  for (const [key, item] of Object.entries(value)) {
    if (SCRIPT_KEYS.includes(key)) continue;
    if (key === 'attributes' && item && typeof item === 'object' && !Array.isArray(item)) {
      result[key] = Object.fromEntries(Object.entries(item).filter(([name, attributeValue]) => isSafeAttribute(name, attributeValue)));
    } else if ((key === 'content' || key === 'components') && typeof item === 'string' && type !== 'textnode') {
      result[key] = item.includes('<') ? cleanMarkup(item) : item;
    } else {
      const cleaned = clean(item, cleanMarkup);
      if (cleaned !== undefined) result[key] = cleaned;
    }
  }
  return result;
}
