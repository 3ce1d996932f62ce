// The palette's pictures: small outline drawings in the current text colour (readable on light and dark panels).

function icon(body: string): string {
  return `<svg viewBox="0 0 48 32" width="48" height="32" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${body}</svg>`;
}

const frame = '<rect x="1" y="1" width="46" height="30" rx="3"/>';

export const ICONS = {
  hero: icon(`${frame}<path d="M12 9h24M16 14h16"/><rect x="18" y="19" width="12" height="5" rx="2"/>`),
  text: icon(`${frame}<path d="M8 8h20M8 13h32M8 18h32M8 23h22"/>`),
  image: icon(`${frame}<circle cx="33" cy="10" r="3"/><path d="m4 27 12-11 9 8 6-5 13 8"/>`),
  video: icon(`${frame}<path d="m20 10 10 6-10 6z"/>`),
  optin: icon(
    `${frame}<rect x="8" y="6" width="32" height="6" rx="1.5"/><rect x="8" y="14" width="32" height="6" rx="1.5"/><path d="M8 25h32" stroke-width="3"/>`,
  ),
  webinar: icon(`${frame}<rect x="7" y="6" width="20" height="14" rx="1.5"/><path d="m15 10 5 3-5 3z"/><path d="M31 8h10M31 13h10M31 18h10M8 25h33" />`),
  nextStep: icon(`<rect x="6" y="9" width="36" height="14" rx="4"/><path d="M17 16h14m-4-4 4 4-4 4"/>`),
  reveal: icon(`<rect x="6" y="11" width="30" height="12" rx="4" stroke-dasharray="3 2"/><circle cx="38" cy="9" r="6"/><path d="M38 6v3l2 1"/>`),
  countdown: icon(
    `${frame}<rect x="6" y="9" width="8" height="11" rx="1.5"/><rect x="16" y="9" width="8" height="11" rx="1.5"/><rect x="26" y="9" width="8" height="11" rx="1.5"/><rect x="36" y="9" width="6" height="11" rx="1.5"/><path d="M8 25h32"/>`,
  ),
  testimonials: icon(`${frame}<path d="M9 10h4l-2 5M17 10h4l-2 5"/><path d="M26 10h14M26 15h10"/><circle cx="11" cy="23" r="3"/><path d="M17 23h12"/>`),
  faq: icon(
    `<rect x="4" y="3" width="40" height="7" rx="2"/><rect x="4" y="13" width="40" height="7" rx="2"/><rect x="4" y="23" width="40" height="7" rx="2"/><path d="m37 6 2 1.5L41 6"/>`,
  ),
  pricing: icon(
    `<rect x="2" y="6" width="13" height="22" rx="2"/><rect x="17.5" y="3" width="13" height="26" rx="2"/><rect x="33" y="6" width="13" height="22" rx="2"/><path d="M21 9h6M5 11h7M36 11h7"/>`,
  ),
  features: icon(
    `${frame}<circle cx="10" cy="11" r="3"/><circle cx="24" cy="11" r="3"/><circle cx="38" cy="11" r="3"/><path d="M6 19h8M20 19h8M34 19h8M6 23h8M20 23h8M34 23h8"/>`,
  ),
  footer: icon(`${frame}<path d="M1 21h46"/><path d="M6 26h10M22 26h8M34 26h8"/>`),
  orderForm: icon(
    `${frame}<rect x="7" y="6" width="34" height="5" rx="1.5"/><rect x="7" y="13" width="16" height="5" rx="1.5"/><rect x="25" y="13" width="16" height="5" rx="1.5"/><path d="M7 24h34" stroke-width="3"/>`,
  ),
  upsell: icon(`<rect x="6" y="5" width="36" height="12" rx="4"/><path d="M18 11h12"/><path d="M15 25h18" stroke-dasharray="2 2"/>`),
};
