import {
  MAX_PAGE_CSS_CHARS,
  MAX_PAGE_DOCUMENT_CHARS,
  MAX_PAGE_HTML_CHARS,
  MAX_PAGE_JS_CHARS,
  type TFunnelPage,
  type TFunnelPageUpdateBody,
} from '../../../../contracts/funnels.js';

// What the builder saves, and how the user's own CSS travels with it.
//
// Custom CSS (the "Code" window) is kept verbatim, outside GrapesJS's style model: GrapesJS parses CSS into its own
// rules and would rewrite what it does not model (@keyframes, @supports, odd selectors). It is stored in the builder
// document under CUSTOM_CSS_KEY, drawn in the canvas by a <style> element of its own, and appended to css_content
// after the builder's CSS (after a marker comment), so the public page gets it and it wins ties. A page written as
// HTML only whose CSS has that marker gets its custom part back from css_content.

export const CUSTOM_CSS_KEY = 'mk_custom_css';
export const CUSTOM_CSS_MARKER = '/* ---- custom CSS (Code) ---- */';

export type TPageContent = Required<Pick<TFunnelPageUpdateBody, 'builder_document' | 'html_content' | 'css_content' | 'js_content'>>;

/** The page's stylesheet: the builder's rules, then the custom CSS when there is some. */
export function composeCss(builderCss: string, customCss: string): string {
  return customCss.trim() ? `${builderCss}\n${CUSTOM_CSS_MARKER}\n${customCss}` : builderCss;
}

/** A page's CSS split into what GrapesJS loads and the custom part (after the marker), for a page without a document. */
export function splitCss(css: string): { builder: string; custom: string } {
  const at = css.indexOf(CUSTOM_CSS_MARKER);
  if (at < 0) return { builder: css, custom: '' };
  return { builder: css.slice(0, at).trimEnd(), custom: css.slice(at + CUSTOM_CSS_MARKER.length).replace(/^\n/, '') };
}

/** The custom CSS a page starts with: from its builder document, else from the end of its CSS. */
export function initialCustomCss(page: Pick<TFunnelPage, 'builder_document' | 'css_content'>): string {
  if (page.builder_document) {
    const stored = page.builder_document[CUSTOM_CSS_KEY];
    return typeof stored === 'string' ? stored : '';
  }
  return splitCss(page.css_content).custom;
}

/** The builder document without our own key (what GrapesJS loads). */
export function projectDataOf(document: Record<string, unknown>): Record<string, unknown> {
  const { [CUSTOM_CSS_KEY]: _custom, ...projectData } = document;
  return projectData;
}

export type TOversize = { part: 'html' | 'css' | 'js' | 'document'; size: number; max: number };

/** The first part of the content over the server's limit (checked before sending: the server would refuse it). */
export function findOversize(content: TPageContent): TOversize | null {
  const checks: TOversize[] = [
    { part: 'html', size: content.html_content.length, max: MAX_PAGE_HTML_CHARS },
    { part: 'css', size: content.css_content.length, max: MAX_PAGE_CSS_CHARS },
    { part: 'js', size: content.js_content.length, max: MAX_PAGE_JS_CHARS },
    { part: 'document', size: JSON.stringify(content.builder_document).length, max: MAX_PAGE_DOCUMENT_CHARS },
  ];
  return checks.find((check) => check.size > check.max) ?? null;
}
