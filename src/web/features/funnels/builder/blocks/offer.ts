import { PHONE_MEDIA } from './base-css.js';
import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { CHECK_ICON, esc, heading, nextStepButton, section } from './markup.js';

const FEATURES_CSS = `
.mk-grid-3{display:grid;grid-template-columns:repeat(3,1fr);gap:24px;}
.mk-feature{padding:28px;border:1px solid #e5e7eb;border-radius:14px;background-color:#ffffff;}
.mk-feature-icon{display:flex;align-items:center;justify-content:center;width:44px;height:44px;margin:0 0 16px;border-radius:12px;background-image:linear-gradient(135deg,#6366f1,#a855f7);color:#ffffff;font-weight:800;}
.mk-feature-title{margin:0 0 8px;font-size:1.15rem;font-weight:700;color:#111827;}
.mk-feature-text{margin:0;color:#52606d;}
@media ${PHONE_MEDIA}{.mk-grid-3{grid-template-columns:1fr;}}
`;

const PRICING_CSS = `
.mk-pricing{background-color:#f8fafc;}
.mk-pricing-grid{display:grid;grid-template-columns:repeat(3,1fr);gap:24px;align-items:stretch;}
.mk-plan{display:flex;flex-direction:column;padding:32px 28px;border:1px solid #e5e7eb;border-radius:16px;background-color:#ffffff;}
.mk-plan-featured{border:2px solid #4f46e5;box-shadow:0 18px 40px rgba(79,70,229,0.18);}
.mk-plan-badge{align-self:flex-start;margin:0 0 12px;padding:4px 10px;border-radius:999px;background-color:#4f46e5;color:#ffffff;font-size:0.75rem;font-weight:700;letter-spacing:0.05em;text-transform:uppercase;}
.mk-plan-name{margin:0 0 6px;font-size:1.2rem;font-weight:700;color:#111827;}
.mk-plan-price{margin:0 0 4px;font-size:2.6rem;line-height:1.1;font-weight:800;color:#111827;}
.mk-plan-period{margin:0 0 20px;color:#6b7280;font-size:0.9rem;}
.mk-plan-list{list-style:none;margin:0 0 28px;padding:0;display:flex;flex-direction:column;gap:10px;flex:1;}
.mk-plan-item{display:flex;gap:10px;align-items:flex-start;color:#374151;}
@media ${PHONE_MEDIA}{.mk-pricing-grid{grid-template-columns:1fr;}}
`;

type TPlan = 'starter' | 'pro' | 'premium';

/** Three benefits side by side, and three plans to choose from (the middle one put forward). */
export function offerBlocks({ ui, page }: TBlockTexts): TBuilderBlock[] {
  const features = section(
    'mk-features',
    heading(page('funnelBuilder.content.features.title'), page('funnelBuilder.content.features.lead')) +
      `<div class="mk-grid-3">` +
      ([1, 2, 3] as const)
        .map(
          (n) =>
            `<div class="mk-feature"><div class="mk-feature-icon">${n}</div>` +
            `<h3 class="mk-feature-title">${esc(page(`funnelBuilder.content.features.item${n}.title`))}</h3>` +
            `<p class="mk-feature-text">${esc(page(`funnelBuilder.content.features.item${n}.text`))}</p></div>`,
        )
        .join('') +
      `</div>`,
  );
  const plan = (id: TPlan, featured: boolean) =>
    `<div class="mk-plan${featured ? ' mk-plan-featured' : ''}">` +
    (featured ? `<p class="mk-plan-badge">${esc(page('funnelBuilder.content.pricing.popular'))}</p>` : '') +
    `<h3 class="mk-plan-name">${esc(page(`funnelBuilder.content.pricing.${id}.name`))}</h3>` +
    `<p class="mk-plan-price">${esc(page(`funnelBuilder.content.pricing.${id}.price`))}</p>` +
    `<p class="mk-plan-period">${esc(page('funnelBuilder.content.pricing.period'))}</p>` +
    `<ul class="mk-plan-list">` +
    ([1, 2, 3] as const)
      .map((n) => `<li class="mk-plan-item">${CHECK_ICON}<span>${esc(page(`funnelBuilder.content.pricing.${id}.item${n}`))}</span></li>`)
      .join('') +
    `</ul>` +
    nextStepButton(page('funnelBuilder.content.pricing.button'), 'mk-button-block') +
    `</div>`;
  const pricing = section(
    'mk-pricing',
    heading(page('funnelBuilder.content.pricing.title'), page('funnelBuilder.content.pricing.lead')) +
      `<div class="mk-pricing-grid">${plan('starter', false)}${plan('pro', true)}${plan('premium', false)}</div>`,
  );
  return [
    { id: 'mk-features', category: 'sections', label: ui('funnelBuilder.blocks.features'), media: ICONS.features, html: features, css: FEATURES_CSS },
    { id: 'mk-pricing', category: 'sections', label: ui('funnelBuilder.blocks.pricing'), media: ICONS.pricing, html: pricing, css: PRICING_CSS },
  ];
}
