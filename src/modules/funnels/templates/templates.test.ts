import type { Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { BLOCK_KINDS, CONSENT_INPUT_NAME, CONSENT_TEXT_ATTRIBUTE, FORM_MESSAGE_ATTRIBUTES, OPTIN_FIELD_NAMES } from '../../../contracts/funnel-blocks.js';
import { FUNNEL_LANGUAGES, FUNNEL_PAGE_TYPES, FUNNEL_TYPES, MAX_PAGE_CSS_CHARS, MAX_PAGE_HTML_CHARS, ZSlug } from '../../../contracts/funnels.js';
import { BUILT_IN_TEMPLATES, builtInTemplate } from './index.js';
import { NEUTRALS, THEMES } from './template-styles.js';

// The built-in templates are data: these checks hold them to the block contract (contracts/funnel-blocks.ts), the
// page rules (no script, no external resource, body markup only) and the Templates tab's needs (every type in both
// languages, every page type somewhere, valid slugs and SEO lengths).

const pages = BUILT_IN_TEMPLATES.flatMap((template) => template.pages.map((page) => ({ template, page, label: `${template.id}/${page.slug}` })));
const BLOCK_VALUES = new Set<string>(Object.values(BLOCK_KINDS));

function elements(html: string, predicate: (el: Element) => boolean = () => true): Element[] {
  return DomUtils.findAll(predicate, parseDocument(html).children);
}
const byBlock = (kind: string) => (el: Element) => el.attribs['data-mk'] === kind;
const text = (el: Element) => DomUtils.textContent(el).replace(/\s+/g, ' ').trim();

/** WCAG relative luminance contrast of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16);
    const [r, g, bl] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('built-in funnel templates', () => {
  it('have unique ids, shaped <type>-<language>, and builtInTemplate finds each', () => {
    const ids = BUILT_IN_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const template of BUILT_IN_TEMPLATES) {
      expect(template.id).toBe(`${template.funnel_type.replace('_', '-')}-${template.language}`);
      expect(template.id.length).toBeLessThanOrEqual(80);
      expect(template.name.trim()).not.toBe('');
      expect(template.description.trim()).not.toBe('');
      expect(builtInTemplate(template.id)).toBe(template);
    }
    expect(builtInTemplate('nope-fr')).toBeUndefined();
  });

  it('cover every funnel type in French and in English, with the same pages in both', () => {
    for (const type of FUNNEL_TYPES) {
      const [fr, en] = ['fr', 'en'].map((language) => BUILT_IN_TEMPLATES.find((t) => t.funnel_type === type && t.language === language));
      expect(fr, `${type} fr`).toBeDefined();
      expect(en, `${type} en`).toBeDefined();
      expect(en!.pages.map((p) => p.page_type)).toEqual(fr!.pages.map((p) => p.page_type));
    }
    for (const template of BUILT_IN_TEMPLATES) expect(FUNNEL_LANGUAGES).toContain(template.language);
  });

  it('cover every page type', () => {
    const covered = new Set(pages.map(({ page }) => page.page_type));
    for (const type of FUNNEL_PAGE_TYPES) expect(covered.has(type), type).toBe(true);
  });

  it('have valid page slugs, unique within each template, and named pages', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const slugs = template.pages.map((p) => p.slug);
      expect(new Set(slugs).size, template.id).toBe(slugs.length);
      for (const page of template.pages) {
        expect(ZSlug.safeParse(page.slug).success, `${template.id}/${page.slug}`).toBe(true);
        expect(page.name.trim()).not.toBe('');
        expect(page.name.length).toBeLessThanOrEqual(120);
      }
    }
  });

  it('keep SEO titles within 70 characters and descriptions within 320', () => {
    for (const { page, label } of pages) {
      expect(page.seo_title.trim().length, label).toBeGreaterThan(0);
      expect(page.seo_title.length, `${label}: ${page.seo_title}`).toBeLessThanOrEqual(70);
      expect(page.seo_description.trim().length, label).toBeGreaterThan(0);
      expect(page.seo_description.length, label).toBeLessThanOrEqual(320);
    }
  });

  it('have no script, no event handler attribute and no external address', () => {
    for (const { page, label } of pages) {
      for (const [what, source] of [
        ['html', page.html],
        ['css', page.css],
      ] as const) {
        expect(source, `${label} ${what}`).not.toMatch(/<script/i);
        expect(source, `${label} ${what}`).not.toMatch(/ on[a-z]+=/i);
        expect(source, `${label} ${what}`).not.toMatch(/https?:\/\//i);
        expect(source, `${label} ${what}`).not.toMatch(/@import|javascript:/i);
      }
      for (const el of elements(page.html)) {
        expect(
          Object.keys(el.attribs).filter((name) => /^on/i.test(name)),
          label,
        ).toEqual([]);
      }
    }
  });

  it('are body markup only, within the page size limits', () => {
    for (const { page, label } of pages) {
      expect(
        elements(page.html, (el) => ['html', 'head', 'body', 'style', 'link', 'meta', 'iframe', 'img'].includes(el.name)).map((el) => el.name),
        label,
      ).toEqual([]);
      expect(page.html.length).toBeLessThanOrEqual(MAX_PAGE_HTML_CHARS);
      expect(page.css.length).toBeLessThanOrEqual(MAX_PAGE_CSS_CHARS);
      const ids = elements(page.html, (el) => el.attribs.id !== undefined).map((el) => el.attribs.id);
      expect(new Set(ids).size, `${label}: duplicate id`).toBe(ids.length);
    }
  });

  it('give every opt-in and webinar page exactly one form, an opt-in or webinar form with an email input', () => {
    for (const { page, label } of pages.filter(({ page }) => page.page_type === 'optin' || page.page_type === 'webinar')) {
      const forms = elements(page.html, (el) => el.name === 'form');
      expect(forms.length, label).toBe(1);
      const form = forms[0]!;
      expect([BLOCK_KINDS.optinForm, BLOCK_KINDS.webinarForm], label).toContain(form.attribs['data-mk']);
      const email = DomUtils.findAll((el) => el.name === 'input' && el.attribs.name === 'email', form.children);
      expect(email.length, label).toBe(1);
      expect(email[0]!.attribs.type, label).toBe('email');
      expect(email[0]!.attribs.required, label).toBeDefined();
    }
  });

  it('write every form as the block contract says', () => {
    const allowed = new Set<string>([...OPTIN_FIELD_NAMES, CONSENT_INPUT_NAME]);
    for (const { page, label } of pages) {
      for (const form of elements(page.html, (el) => el.name === 'form')) {
        expect(BLOCK_VALUES.has(form.attribs['data-mk'] ?? ''), label).toBe(true);
        for (const key of ['required', 'email', 'consent'] as const) expect(form.attribs[FORM_MESSAGE_ATTRIBUTES[key]], `${label} ${key}`).toBeTruthy();
        const fields = DomUtils.findAll((el) => ['input', 'select', 'textarea'].includes(el.name), form.children);
        const names = fields.map((el) => el.attribs.name ?? '');
        const webinar = form.attribs['data-mk'] === BLOCK_KINDS.webinarForm;
        for (const name of names) expect(allowed.has(name) || (webinar && name === 'session'), `${label}: ${name}`).toBe(true);
        if (webinar) expect(names, label).toContain('session');
        // Every field but the consent box has a label pointing at it.
        const labels = DomUtils.findAll((el) => el.name === 'label', form.children);
        for (const field of fields.filter((el) => el.attribs.name !== CONSENT_INPUT_NAME)) {
          expect(field.attribs.id, `${label}: ${field.attribs.name}`).toBeTruthy();
          expect(
            labels.some((l) => l.attribs.for === field.attribs.id && text(l) !== ''),
            `${label}: label of ${field.attribs.name}`,
          ).toBe(true);
        }
        // The consent checkbox sits in a label with its text marked.
        const consent = fields.filter((el) => el.attribs.name === CONSENT_INPUT_NAME);
        expect(consent.length, label).toBe(1);
        expect(consent[0]!.attribs.type).toBe('checkbox');
        expect(consent[0]!.attribs.required).toBeDefined();
        const consentLabel = labels.find((l) => DomUtils.findOne((el) => el === consent[0], l.children) !== null);
        expect(consentLabel, label).toBeDefined();
        const consentText = DomUtils.findOne((el) => el.attribs[CONSENT_TEXT_ATTRIBUTE] !== undefined, consentLabel!.children);
        expect(consentText, label).not.toBeNull();
        expect(text(consentText!), label).toMatch(/désinscrire à tout moment|unsubscribe at any time/);
        expect(DomUtils.findAll((el) => el.name === 'button' && el.attribs.type === 'submit', form.children).length, label).toBe(1);
      }
    }
  });

  it('use only known blocks, each with what it needs', () => {
    for (const { page, label } of pages) {
      for (const el of elements(page.html, (e) => e.attribs['data-mk'] !== undefined)) {
        const kind = el.attribs['data-mk']!;
        expect(BLOCK_VALUES.has(kind), `${label}: ${kind}`).toBe(true);
        if ([BLOCK_KINDS.nextStep, BLOCK_KINDS.upsellAccept, BLOCK_KINDS.upsellDecline].includes(kind as never)) {
          expect(el.name, `${label}: ${kind}`).toBe('a');
          expect(text(el), `${label}: ${kind}`).not.toBe('');
        }
        if (kind === BLOCK_KINDS.countdown) {
          const mode = el.attribs['data-mode'];
          expect(['fixed', 'evergreen'], label).toContain(mode);
          if (mode === 'evergreen') expect(Number(el.attribs['data-minutes']), label).toBeGreaterThan(0);
          else expect(Number.isNaN(Date.parse(el.attribs['data-until'] ?? '')), label).toBe(false);
          expect(el.attribs['data-expired-text'], label).toBeTruthy();
          const units = DomUtils.findAll((e) => e.attribs['data-unit'] !== undefined, el.children).map((e) => e.attribs['data-unit']);
          expect(units.length, label).toBeGreaterThan(0);
          for (const unit of units) expect(['days', 'hours', 'minutes', 'seconds'], label).toContain(unit);
        }
        if (kind === BLOCK_KINDS.video) {
          expect(['youtube', 'vimeo', 'file'], label).toContain(el.attribs['data-provider']);
          expect(el.attribs['data-video'], label).toMatch(/^[A-Za-z0-9_-]{11}$/);
          expect(text(el), `${label}: the video's poster`).not.toBe('');
        }
        if (kind === BLOCK_KINDS.reveal) expect(Number(el.attribs['data-after']), label).toBeGreaterThan(0);
      }
    }
  });

  it('give each page type its functional blocks', () => {
    const count = (html: string, kind: string) => elements(html, byBlock(kind)).length;
    for (const { page, label } of pages) {
      if (page.page_type === 'vsl') {
        expect(count(page.html, BLOCK_KINDS.video), label).toBe(1);
        expect(count(page.html, BLOCK_KINDS.reveal), label).toBe(1);
        expect(count(page.html, BLOCK_KINDS.nextStep), label).toBeGreaterThan(0);
      }
      if (page.page_type === 'webinar') {
        // The session's video is the webinar's, written per registrant by our webinar script: never in the page.
        expect(count(page.html, BLOCK_KINDS.video), label).toBe(0);
        expect(count(page.html, BLOCK_KINDS.webinarVideo), label).toBeGreaterThan(0);
        for (const state of ['before', 'live', 'replay', 'ended', 'invalid']) {
          expect(
            elements(page.html, (el) => el.attribs['data-mk'] === BLOCK_KINDS.webinarState && el.attribs['data-state'] === state).length,
            `${label}: ${state}`,
          ).toBeGreaterThan(0);
        }
        expect(count(page.html, BLOCK_KINDS.webinarCountdown), label).toBe(1);
        expect(count(page.html, BLOCK_KINDS.countdown), label).toBe(1);
      }
      if (page.page_type === 'upsell' || page.page_type === 'downsell') {
        expect(count(page.html, BLOCK_KINDS.upsellAccept), label).toBe(1);
        expect(count(page.html, BLOCK_KINDS.upsellDecline), label).toBe(1);
      }
      if (page.page_type === 'sales') {
        expect(count(page.html, BLOCK_KINDS.orderForm) + count(page.html, BLOCK_KINDS.nextStep), `${label}: a way to buy`).toBeGreaterThan(0);
      }
    }
    for (const template of BUILT_IN_TEMPLATES.filter((t) => t.funnel_type === 'webinar')) {
      const optin = template.pages.find((p) => p.page_type === 'optin')!;
      expect(elements(optin.html, byBlock(BLOCK_KINDS.webinarForm)).length, template.id).toBe(1);
    }
    for (const template of BUILT_IN_TEMPLATES.filter((t) => t.funnel_type === 'product')) {
      const html = template.pages.map((p) => p.html).join('');
      expect(elements(html, byBlock(BLOCK_KINDS.orderForm)).length, template.id).toBeGreaterThan(0);
    }
  });

  it('are real copy: no lorem ipsum, no bracketed placeholders', () => {
    for (const { page, label } of pages) {
      const copy = text(parseDocument(page.html) as unknown as Element);
      expect(copy, label).not.toMatch(/lorem|ipsum|\[[^\]]*\]|\{\{|TODO|XXX/i);
      expect(`${page.seo_title} ${page.seo_description}`, label).not.toMatch(/lorem|\[|\{\{/i);
    }
  });

  it('use theme colours with readable contrast (WCAG AA)', () => {
    const white = NEUTRALS.white;
    for (const [type, theme] of Object.entries(THEMES)) {
      const pairs: [string, string, string, number][] = [
        ['white on accent', white, theme.accent, 4.5],
        ['white on accent strong', white, theme.accentStrong, 4.5],
        ['white on accent 2', white, theme.accent2, 4.5],
        ['white on dark 1', white, theme.dark1, 4.5],
        ['white on dark 2', white, theme.dark2, 4.5],
        ['accent on white', theme.accent, white, 4.5],
        ['accent strong on tint', theme.accentStrong, theme.tint, 4.5],
        ['accent strong on tint strong', theme.accentStrong, theme.tintStrong, 4.5],
        ['text on tint', NEUTRALS.text, theme.tint, 4.5],
        ['muted on tint', NEUTRALS.muted, theme.tint, 4.5],
        ['muted on tint strong', NEUTRALS.muted, theme.tintStrong, 4.5],
        ['ink on highlight', NEUTRALS.ink, theme.highlight, 4.5],
      ];
      for (const [what, fg, bg, min] of pairs) expect(contrast(fg, bg), `${type}: ${what}`).toBeGreaterThanOrEqual(min);
    }
    expect(contrast(NEUTRALS.muted, NEUTRALS.surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(NEUTRALS.text, NEUTRALS.white)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(NEUTRALS.field, NEUTRALS.white), 'form field borders (WCAG 1.4.11)').toBeGreaterThanOrEqual(3);
  });
});
