import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../../../../contracts/funnel-blocks.js';
import { PHONE_MEDIA } from './base-css.js';
import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { esc, nextStepButton } from './markup.js';

/** How long a delayed button waits by default (seconds of video, or of the page being shown). */
export const DEFAULT_REVEAL_SECONDS = 30;
/** An evergreen countdown's default length, per visitor. */
export const DEFAULT_COUNTDOWN_MINUTES = 30;
export const COUNTDOWN_UNITS = ['days', 'hours', 'minutes', 'seconds'] as const;

const COUNTDOWN_CSS = `
.mk-countdown-section{background-color:#111827;color:#f9fafb;text-align:center;padding:56px 24px;}
.mk-countdown-title{margin:0 0 20px;font-size:1.2rem;font-weight:700;}
.mk-countdown{display:flex;justify-content:center;gap:14px;flex-wrap:wrap;}
.mk-countdown-item{min-width:84px;padding:14px 10px;border-radius:12px;background-color:rgba(255,255,255,0.08);border:1px solid rgba(255,255,255,0.12);}
.mk-countdown-value{display:block;font-size:2.4rem;line-height:1;font-weight:800;font-variant-numeric:tabular-nums;}
.mk-countdown-label{display:block;margin-top:6px;font-size:0.75rem;letter-spacing:0.08em;text-transform:uppercase;color:#cbd5e1;}
@media ${PHONE_MEDIA}{.mk-countdown-item{min-width:64px;}.mk-countdown-value{font-size:1.8rem;}}
`;

/** The countdown's markup (contract: `data-mk="countdown"`, children marked `data-unit`). */
export function countdownMarkup(labels: Record<(typeof COUNTDOWN_UNITS)[number], string>, expiredText: string): string {
  // The figures are the public runtime's to write: not editable in the builder.
  const items = COUNTDOWN_UNITS.map(
    (unit) =>
      `<div class="mk-countdown-item"><span class="mk-countdown-value" data-unit="${unit}" data-gjs-editable="false">00</span>` +
      `<span class="mk-countdown-label">${esc(labels[unit])}</span></div>`,
  ).join('');
  return (
    `<div ${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.countdown}" data-mode="evergreen" data-minutes="${DEFAULT_COUNTDOWN_MINUTES}" ` +
    `data-expired-text="${esc(expiredText)}" class="mk-countdown">${items}</div>`
  );
}

/** Buttons to the next step (now, or after a while on the page) and a countdown. */
export function conversionBlocks({ ui, page }: TBlockTexts): TBuilderBlock[] {
  const nextStep = `<div class="mk-cta">${nextStepButton(page('funnelBuilder.content.nextStep.button'))}</div>`;
  const reveal =
    `<div ${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.reveal}" data-after="${DEFAULT_REVEAL_SECONDS}" class="mk-cta">` +
    nextStepButton(page('funnelBuilder.content.reveal.button')) +
    `</div>`;
  const labels = {
    days: page('funnelBuilder.content.countdown.days'),
    hours: page('funnelBuilder.content.countdown.hours'),
    minutes: page('funnelBuilder.content.countdown.minutes'),
    seconds: page('funnelBuilder.content.countdown.seconds'),
  };
  const countdown =
    `<section class="mk-section mk-countdown-section"><div class="mk-container">` +
    `<p class="mk-countdown-title">${esc(page('funnelBuilder.content.countdown.title'))}</p>` +
    countdownMarkup(labels, page('funnelBuilder.content.countdown.expired')) +
    `</div></section>`;
  return [
    { id: 'mk-next-step', category: 'conversion', label: ui('funnelBuilder.blocks.nextStep'), media: ICONS.nextStep, html: nextStep, css: '' },
    { id: 'mk-reveal', category: 'conversion', label: ui('funnelBuilder.blocks.reveal'), media: ICONS.reveal, html: reveal, css: '' },
    { id: 'mk-countdown', category: 'conversion', label: ui('funnelBuilder.blocks.countdown'), media: ICONS.countdown, html: countdown, css: COUNTDOWN_CSS },
  ];
}
