import { describe, expect, it } from 'vitest';
import { BLOCK_KINDS } from '../../../contracts/funnel-blocks.js';
import { GENERATED_FUNNEL_PAGES, type TFunnelGenerateBody } from '../../../contracts/ai.js';
import { FUNNEL_TYPES, ZSlug } from '../../../contracts/funnels.js';
import { testWriteContext } from '../builtin-kit/test-write-context.js';
import { builtinFunnelCopy } from './builtin-funnel-writer.js';
import { renderGeneratedFunnel } from './funnel-renderer.js';

// Generated pages are real builder pages: each role carries its functional block, every text is escaped, slugs are
// unique, and no outside address appears.

const BLOCK_OF_ROLE: Record<string, string> = {
  registration: BLOCK_KINDS.webinarForm,
  optin: BLOCK_KINDS.optinForm,
  application: BLOCK_KINDS.optinForm,
  confirmation: BLOCK_KINDS.webinarLink,
  replay: BLOCK_KINDS.webinarState,
  vsl: BLOCK_KINDS.reveal,
  sales: BLOCK_KINDS.orderForm,
  upsell: BLOCK_KINDS.upsellAccept,
  downsell: BLOCK_KINDS.upsellDecline,
};

describe('renderGeneratedFunnel', () => {
  for (const language of ['fr', 'en'] as const) {
    for (const type of FUNNEL_TYPES) {
      it(`renders a ${type} funnel in ${language} with each role's block, escaped copy and unique slugs`, () => {
        const brief: TFunnelGenerateBody = {
          type,
          topic: 'Yoga <script>alert(1)</script> & "paix"',
          product_price: 97,
          target_audience: 'futures mamans',
          language,
        };
        const ctx = testWriteContext({ language });
        const pages = renderGeneratedFunnel(builtinFunnelCopy(brief, ctx), brief, ctx);
        expect(pages).toHaveLength(GENERATED_FUNNEL_PAGES[type].length);
        expect(new Set(pages.map((p) => p.slug)).size).toBe(pages.length);
        for (const [i, page] of pages.entries()) {
          const role = GENERATED_FUNNEL_PAGES[type][i]!;
          expect(ZSlug.safeParse(page.slug).success, page.slug).toBe(true);
          if (BLOCK_OF_ROLE[role]) expect(page.html, `${role}`).toContain(`data-mk="${BLOCK_OF_ROLE[role]}"`);
          expect(page.html).not.toMatch(/<script|https?:\/\/|Votre Marque|Your Brand/);
          expect(page.html).toContain('Atelier Lila');
          expect(page.css).toContain('--mk-accent: #1c5fb8');
        }
        // The topic shows escaped wherever it is quoted.
        const all = pages.map((p) => p.html).join('');
        if (all.includes('Yoga ')) expect(all).toContain('Yoga &lt;script&gt;alert(1)&lt;/script&gt; &amp;');
      });
    }
  }

  it('gives the webinar registration its form with consent, and French messages', () => {
    const brief: TFunnelGenerateBody = { type: 'webinar', topic: 'yoga prénatal', product_price: 97, target_audience: 'futures mamans' };
    const [registration, confirmation, replay, sales, upsell, downsell, thanks] = renderGeneratedFunnel(
      builtinFunnelCopy(brief, testWriteContext()),
      brief,
      testWriteContext(),
    );
    expect(registration!.slug).toBe('inscription');
    expect(registration!.page_type).toBe('optin');
    expect(registration!.html).toContain('data-mk="webinar-form"');
    expect(registration!.html).toContain('name="consent"');
    expect(registration!.html).toContain('data-msg-required="Ce champ est obligatoire."');
    expect(confirmation!.slug).toBe('confirmation');
    expect(replay!.page_type).toBe('webinar');
    expect(replay!.html).toContain('data-mk="webinar-video"');
    expect(sales!.slug).toBe('offre');
    expect(sales!.html).toContain('data-mk="order-form"');
    expect(upsell!.slug).toBe('offre-speciale');
    expect(upsell!.html).toContain('data-mk="upsell-accept"');
    expect(downsell!.slug).toBe('alternative');
    expect(thanks!.slug).toBe('merci');
  });

  it('shows the brand logo when set, and keeps the type theme when the brand colour is too light for white text', () => {
    const brief: TFunnelGenerateBody = { type: 'lead_magnet', topic: 'yoga prénatal', product_price: 0, target_audience: 'futures mamans' };
    const ctx = testWriteContext({ brand: { logo_url: '/files/logo.png', primary_color: '#fde68a' } });
    const [optin] = renderGeneratedFunnel(builtinFunnelCopy(brief, ctx), brief, ctx);
    expect(optin!.html).toContain('<img class="mk-brand-logo" src="/files/logo.png"');
    expect(optin!.css).toContain('--mk-accent: #1d4ed8');
  });

  it('shows a hero image on the pages that have one, escaped, and none from an address that is not one', () => {
    const brief: TFunnelGenerateBody = { type: 'webinar', topic: 'yoga prénatal', product_price: 97, target_audience: 'futures mamans' };
    const ctx = testWriteContext();
    const image = (url: string, alt = 'Le "yoga" <doux> & calme') => ({
      url,
      alt,
      file_id: '00000000-0000-4000-8000-000000000000',
      format: '1.91:1' as const,
      source: 'composition' as const,
    });
    const pages = renderGeneratedFunnel(builtinFunnelCopy(brief, ctx), brief, ctx, {
      registration: image('/files/hero-1'),
      sales: image('javascript:alert(1)'),
      upsell: image('/files/x" onerror="alert(1)'),
    });
    expect(pages[0]!.html).toContain(
      '<img class="mk-hero-img" src="/files/hero-1" alt="Le &quot;yoga&quot; &lt;doux> &amp; calme" width="1200" height="628" loading="eager" decoding="async">',
    );
    expect(pages[0]!.css).toContain('.mk-hero-img {');
    expect(pages.filter((p) => p.html.includes('<img class="mk-hero-img"'))).toHaveLength(1);
    expect(pages.map((p) => p.html).join('')).not.toMatch(/javascript:|onerror/);
  });
});
