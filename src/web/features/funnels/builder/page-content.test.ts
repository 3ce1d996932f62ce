import { describe, expect, it } from 'vitest';
import { MAX_PAGE_CSS_CHARS, MAX_PAGE_DOCUMENT_CHARS, MAX_PAGE_HTML_CHARS } from '../../../../contracts/funnels.js';
import { composeCss, CUSTOM_CSS_KEY, findOversize, initialCustomCss, projectDataOf, splitCss } from './page-content.js';

describe('custom CSS', () => {
  it('goes after the builder CSS and comes back whole', () => {
    const css = composeCss('.mk-hero{color:red}', '@keyframes a { from { opacity: 0 } }\n.x{}');
    expect(css.indexOf('.mk-hero')).toBeLessThan(css.indexOf('@keyframes'));
    expect(splitCss(css)).toEqual({ builder: '.mk-hero{color:red}', custom: '@keyframes a { from { opacity: 0 } }\n.x{}' });
    expect(composeCss('.a{}', '  ')).toBe('.a{}');
    expect(splitCss('.a{}')).toEqual({ builder: '.a{}', custom: '' });
  });

  it('is read from the builder document first, else from the CSS', () => {
    expect(initialCustomCss({ builder_document: { [CUSTOM_CSS_KEY]: '.doc{}' }, css_content: composeCss('', '.css{}') })).toBe('.doc{}');
    expect(initialCustomCss({ builder_document: { pages: [] }, css_content: composeCss('', '.css{}') })).toBe('');
    expect(initialCustomCss({ builder_document: null, css_content: composeCss('.a{}', '.css{}') })).toBe('.css{}');
    expect(projectDataOf({ pages: [], [CUSTOM_CSS_KEY]: '.x{}' })).toEqual({ pages: [] });
  });
});

describe('limits', () => {
  const content = { builder_document: { pages: [] }, html_content: '<p>x</p>', css_content: '', js_content: '' };

  it('lets a page within the limits through', () => {
    expect(findOversize(content)).toBeNull();
  });

  it('names the first part over its limit', () => {
    expect(findOversize({ ...content, html_content: 'x'.repeat(MAX_PAGE_HTML_CHARS + 1) })).toEqual({
      part: 'html',
      size: MAX_PAGE_HTML_CHARS + 1,
      max: MAX_PAGE_HTML_CHARS,
    });
    expect(findOversize({ ...content, css_content: 'x'.repeat(MAX_PAGE_CSS_CHARS + 1) })?.part).toBe('css');
    expect(findOversize({ ...content, builder_document: { big: 'x'.repeat(MAX_PAGE_DOCUMENT_CHARS) } })?.part).toBe('document');
  });
});
