import { describe, expect, it } from 'vitest';
import type { TBrandKit, TEmailGenerateBody } from '../../../contracts/ai.js';
import { ZEmailDocument, type TEmailBlock, type TEmailDocument } from '../../../contracts/email-document.js';
import { compileDocument } from '../../email/index.js';
import type { TWriteContext } from '../ai-context.js';
import { builtinEmailCopy } from './builtin-email.js';
import { emailTextVersion } from './email-generation.service.js';
import { renderEmailDocument } from './email-render-document.js';

// The copy as a block-editor document: valid, compiled by the email module, with the brand's logo and colour, the
// Liquid greeting, the button only with a link, the legal footer, and the copy escaped.

const brand: TBrandKit = {
  brand_name: 'Atelier Ada',
  tone: 'professional',
  primary_color: '#f0b429',
  secondary_color: '#1c5fb8',
  logo_file_id: null,
  logo_url: 'https://cdn.example.com/ada/logo.png',
  main_offer: '',
  audience: '',
  words_to_avoid: [],
  language: 'fr',
  updated_at: null,
};
const ctx: TWriteContext = { language: 'fr', tone: 'friendly', brand, currency: 'EUR', workspaceName: 'Espace Ada', seed: 3 };
const brief: TEmailGenerateBody = { type: 'event_invitation', topic: 'Atelier visibilité du printemps', audience: 'Les coachs qui débutent', tone: 'friendly' };

const blocksOf = (doc: TEmailDocument): TEmailBlock[] => doc.sections.flatMap((s) => s.columns.flatMap((c) => c.blocks));

describe('renderEmailDocument', () => {
  it('builds a valid document the email module compiles: logo, greeting, sections, button, signature, PS, footer', async () => {
    const copy = builtinEmailCopy(brief, ctx);
    const doc = renderEmailDocument(copy, ctx, 'https://pages.example.com/atelier');
    expect(ZEmailDocument.safeParse(doc).success).toBe(true);
    const blocks = blocksOf(doc);
    expect(blocks[0]).toMatchObject({ type: 'image', src: brand.logo_url, alt: 'Atelier Ada' });
    const button = blocks.find((b) => b.type === 'button');
    // Dark text on the light brand colour.
    expect(button).toMatchObject({ label: copy.cta_label, href: 'https://pages.example.com/atelier', background_color: '#f0b429', text_color: '#1f2328' });
    expect(blocks.at(-1)).toMatchObject({ type: 'footer', unsubscribe_label: 'Se désinscrire' });
    const html = blocks.flatMap((b) => (b.type === 'text' ? [b.html] : [])).join('\n');
    expect(html).toContain('<p>Bonjour {{ lead.first_name | default: "à vous" }},</p>');
    expect(html).toContain('<strong>Atelier Ada</strong>');
    expect(html).toContain('PS\u00a0:');
    for (const section of copy.sections) expect(html).toContain(section.title);
    expect(html).toMatch(/<ul><li>/);

    const compiled = await compileDocument(doc);
    expect(compiled).toContain('{{ unsubscribe_url }}');
    expect(compiled).toContain('{{ workspace.postal_address }}');
    expect(compiled).toContain('https://pages.example.com/atelier');
    const text = await emailTextVersion(doc);
    expect(text).toContain('Bonjour {{ lead.first_name | default: "à vous" }},');
    expect(text).toContain(copy.sections[0]!.title);
  });

  it('leaves the button out without a link, and greets in English', async () => {
    const english = { ...ctx, language: 'en' as const, brand: { ...brand, logo_url: null, primary_color: '#123456' } };
    const copy = builtinEmailCopy({ ...brief, language: 'en', topic: 'Spring visibility workshop' }, english);
    const doc = renderEmailDocument(copy, english, null, 'en');
    const blocks = blocksOf(doc);
    expect(blocks.some((b) => b.type === 'button' || b.type === 'image')).toBe(false);
    expect(JSON.stringify(doc)).toContain('Hi {{ lead.first_name | default: \\"there\\" }},');
    expect(blocks.at(-1)).toMatchObject({ type: 'footer', unsubscribe_label: 'Unsubscribe' });
    expect(doc.settings.link_color).toBe('#123456');
    expect(await compileDocument(doc)).not.toContain(copy.cta_label);
  });

  it('escapes the copy: a topic with markup or Liquid stays text', async () => {
    const copy = builtinEmailCopy({ ...brief, topic: '<script>alert(1)</script> & {{ lead.email }} atelier' }, ctx);
    // A model's copy could carry markup anywhere: the intro says it outright here.
    const [first, ...rest] = copy.sections;
    const doc = renderEmailDocument(
      {
        ...copy,
        intro: 'Voici <img src=x onerror=alert(1)> notre atelier',
        sections: [{ ...first!, title: '<script>alert(1)</script> & {{ lead.email }}' }, ...rest],
      },
      ctx,
      null,
    );
    const html = blocksOf(doc)
      .flatMap((b) => (b.type === 'text' ? [b.html] : []))
      .join('\n');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; (( lead.email ))');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).not.toContain('{{ lead.email }}');
    const compiled = await compileDocument(doc);
    expect(compiled).not.toMatch(/<script|<img[^>]*onerror/);
    expect(compiled).toContain('&lt;script&gt;');
  });
});
