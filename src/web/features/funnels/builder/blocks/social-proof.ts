import { PHONE_MEDIA } from './base-css.js';
import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { esc, heading, section } from './markup.js';

const TESTIMONIALS_CSS = `
.mk-testimonials-grid{display:grid;grid-template-columns:repeat(3,1fr);gap:24px;}
.mk-testimonial{display:flex;flex-direction:column;justify-content:space-between;gap:20px;margin:0;padding:28px;border-radius:16px;background-color:#f8fafc;border:1px solid #eef2f7;}
.mk-stars{color:#f59e0b;letter-spacing:2px;font-size:1.05rem;}
.mk-quote{margin:0;color:#1f2933;font-size:1.02rem;}
.mk-person{display:flex;align-items:center;gap:12px;}
.mk-avatar{display:flex;align-items:center;justify-content:center;flex:none;width:44px;height:44px;border-radius:50%;background-image:linear-gradient(135deg,#818cf8,#f472b6);color:#ffffff;font-weight:800;}
.mk-person-name{margin:0;font-weight:700;color:#111827;}
.mk-person-role{margin:0;font-size:0.85rem;color:#6b7280;}
@media ${PHONE_MEDIA}{.mk-testimonials-grid{grid-template-columns:1fr;}}
`;

const FAQ_CSS = `
.mk-faq-item{border-bottom:1px solid #e5e7eb;padding:18px 0;}
.mk-faq-question{cursor:pointer;font-weight:700;font-size:1.08rem;color:#111827;}
.mk-faq-answer{margin:12px 0 0;color:#4b5563;}
`;

/** What customers say (three quotes), and the frequent questions as plain <details> (they open without script). */
export function socialProofBlocks({ ui, page }: TBlockTexts): TBuilderBlock[] {
  const testimonials = section(
    'mk-testimonials',
    heading(page('funnelBuilder.content.testimonials.title')) +
      `<div class="mk-testimonials-grid">` +
      ([1, 2, 3] as const)
        .map((n) => {
          const name = page(`funnelBuilder.content.testimonials.item${n}.name`);
          return (
            `<figure class="mk-testimonial"><div><div class="mk-stars" aria-hidden="true">★★★★★</div>` +
            `<blockquote class="mk-quote">${esc(page(`funnelBuilder.content.testimonials.item${n}.quote`))}</blockquote></div>` +
            `<figcaption class="mk-person"><span class="mk-avatar">${esc(name.charAt(0))}</span><div>` +
            `<p class="mk-person-name">${esc(name)}</p><p class="mk-person-role">${esc(page(`funnelBuilder.content.testimonials.item${n}.role`))}</p>` +
            `</div></figcaption></figure>`
          );
        })
        .join('') +
      `</div>`,
  );
  const faq = section(
    'mk-faq',
    heading(page('funnelBuilder.content.faq.title')) +
      ([1, 2, 3, 4] as const)
        .map(
          (n) =>
            `<details class="mk-faq-item"><summary class="mk-faq-question">${esc(page(`funnelBuilder.content.faq.q${n}`))}</summary>` +
            `<p class="mk-faq-answer">${esc(page(`funnelBuilder.content.faq.a${n}`))}</p></details>`,
        )
        .join(''),
    'mk-narrow',
  );
  return [
    {
      id: 'mk-testimonials',
      category: 'sections',
      label: ui('funnelBuilder.blocks.testimonials'),
      media: ICONS.testimonials,
      html: testimonials,
      css: TESTIMONIALS_CSS,
    },
    { id: 'mk-faq', category: 'sections', label: ui('funnelBuilder.blocks.faq'), media: ICONS.faq, html: faq, css: FAQ_CSS },
  ];
}
