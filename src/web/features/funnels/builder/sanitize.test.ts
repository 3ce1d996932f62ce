import { describe, expect, it } from 'vitest';
import { isSafeAttribute, isUnsafeUrl, sanitizeProjectData } from './sanitize.js';

// What the builder lets into its canvas from a saved builder document (the HTML side, parsed by DOMParser, is
// exercised in the browser; this is the part that never touches a DOM).

const marked = (html: string) => `[clean]${html}`;

describe('unsafe addresses', () => {
  it('refuses scripts whatever their spelling, keeps pages, anchors and images', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:x', 'java\tscript:x', '\u0001javascript:x', 'vbscript:x', 'data:text/html,<script>x</script>']) {
      expect(isUnsafeUrl(url), url).toBe(true);
    }
    for (const url of ['https://example.com', '/p/next', '#faq', 'mailto:a@b.fr', 'data:image/svg+xml,%3Csvg%3E', '']) {
      expect(isUnsafeUrl(url), url).toBe(false);
    }
  });

  it('drops event handlers, srcdoc, formaction and script addresses, keeps the rest', () => {
    expect(isSafeAttribute('onclick', 'x()')).toBe(false);
    expect(isSafeAttribute('ONERROR', 'x()')).toBe(false);
    expect(isSafeAttribute('srcdoc', '<p>')).toBe(false);
    expect(isSafeAttribute('formaction', '/ok')).toBe(false);
    expect(isSafeAttribute('href', 'javascript:x')).toBe(false);
    expect(isSafeAttribute('xlink:href', 'javascript:x')).toBe(false);
    expect(isSafeAttribute('attributeName', 'href')).toBe(false);
    expect(isSafeAttribute('href', 'https://example.com')).toBe(true);
    expect(isSafeAttribute('data-mk', 'optin-form')).toBe(true);
    expect(isSafeAttribute('class', 'mk-hero')).toBe(true);
  });
});

describe('builder documents', () => {
  const document = {
    assets: [{ type: 'image', src: 'https://cdn.example/a.png' }],
    styles: [{ selectors: ['mk-hero'], style: { color: 'red' } }],
    mk_custom_css: '.x{}',
    pages: [
      {
        frames: [
          {
            component: {
              type: 'wrapper',
              head: {
                type: 'head',
                components: [
                  { tagName: 'script', attributes: { src: '/assets/x.js' } },
                  { tagName: 'title', components: 'Page' },
                ],
              },
              components: [
                { tagName: 'h1', attributes: { onclick: 'x()', class: 'mk-hero-title' }, components: [{ type: 'textnode', content: '1 < 2' }] },
                { type: 'script', content: 'x()' },
                { tagName: 'SCRIPT', attributes: { src: '/a.js' } },
                { tagName: 'div', script: 'x()', 'script-export': 'y()', components: [{ tagName: 'iframe', attributes: { srcdoc: '<script>x()</script>' } }] },
                { tagName: 'a', attributes: { href: 'javascript:x()', title: 'ok' } },
                { tagName: 'div', content: '<img src=x onerror=x()>' },
                { tagName: 'div', components: '<b>bold</b>' },
                { script: 'x()' },
              ],
            },
          },
        ],
      },
    ],
  };
  const clean = sanitizeProjectData(document, marked) as typeof document;
  const wrapper = clean.pages[0]!.frames[0]!.component;

  it('removes script and frame components wherever they are, and component scripts', () => {
    expect(JSON.stringify(clean)).not.toMatch(/"tagName":"(script|SCRIPT|iframe)"|"type":"script"|"script(-export)?":/);
    expect(wrapper.head.components).toEqual([{ tagName: 'title', components: 'Page' }]);
    expect(wrapper.components).toHaveLength(6);
    expect(wrapper.components[5]).toEqual({});
    expect(wrapper.components[1]).toEqual({ tagName: 'div', components: [] });
  });

  it('removes unsafe attributes and keeps the others', () => {
    expect(wrapper.components[0]!.attributes).toEqual({ class: 'mk-hero-title' });
    expect(wrapper.components[2]!.attributes).toEqual({ title: 'ok' });
  });

  it('passes markup held as text through the HTML cleaner, but not plain text', () => {
    expect(wrapper.components[3]).toEqual({ tagName: 'div', content: '[clean]<img src=x onerror=x()>' });
    expect(wrapper.components[4]).toEqual({ tagName: 'div', components: '[clean]<b>bold</b>' });
    expect(wrapper.components[0]!.components).toEqual([{ type: 'textnode', content: '1 < 2' }]);
  });

  it('keeps styles, assets and the custom CSS untouched', () => {
    expect(clean.styles).toEqual(document.styles);
    expect(clean.assets).toEqual(document.assets);
    expect(clean.mk_custom_css).toBe('.x{}');
  });
});
