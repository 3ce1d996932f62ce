import type { TFunnelType } from '../../../contracts/funnels.js';

// The CSS every built-in template page shares: one base (layout, type, buttons, forms and the styles of our blocks),
// written against CSS custom properties, and one small theme rule per funnel type that sets them (its accent colour).
// A page's css is `pageCss(theme)`: the theme first, then the base. No external resource: system fonts, gradients and
// inline SVG only. Mobile first; wider screens get `min-width` media queries.

/** The colours of one funnel type. Every text pair is WCAG AA (4.5:1 or more; templates.test.ts checks them). */
export type TTemplateTheme = {
  /** Buttons, links, icons: white text on it. */
  accent: string;
  /** Hover, eyebrow text on the tints, badges. */
  accentStrong: string;
  /** The second colour of gradients (avatars, the brand mark, mockups): white text on it. */
  accent2: string;
  /** Light backgrounds (hero, icon tiles). */
  tint: string;
  tintStrong: string;
  /** Borders and rings on the tints. */
  soft: string;
  /** The marker behind highlighted words. */
  highlight: string;
  /** Dark sections, video posters: from dark1 to dark2, white text. */
  dark1: string;
  dark2: string;
};

/** Neutral colours shared by every theme. */
export const NEUTRALS = {
  ink: '#0f172a',
  text: '#334155',
  muted: '#475569',
  border: '#e2e8f0',
  /** Form fields' borders: 3:1 against white (WCAG 1.4.11). */
  field: '#7b8799',
  surface: '#f8fafc',
  white: '#ffffff',
} as const;

/** One accent per funnel type, so the Templates tab tells them apart at a glance. */
export const THEMES: Record<TFunnelType, TTemplateTheme> = {
  lead_magnet: {
    accent: '#1d4ed8',
    accentStrong: '#1e40af',
    accent2: '#4338ca',
    tint: '#eff6ff',
    tintStrong: '#dbeafe',
    soft: '#bfdbfe',
    highlight: '#bfdbfe',
    dark1: '#0b1b4d',
    dark2: '#1e3a8a',
  },
  webinar: {
    accent: '#6d28d9',
    accentStrong: '#5b21b6',
    accent2: '#a21caf',
    tint: '#f5f3ff',
    tintStrong: '#ede9fe',
    soft: '#ddd6fe',
    highlight: '#e9d5ff',
    dark1: '#1e1035',
    dark2: '#4c1d95',
  },
  product: {
    accent: '#c2410c',
    accentStrong: '#9a3412',
    accent2: '#b91c1c',
    tint: '#fff7ed',
    tintStrong: '#ffedd5',
    soft: '#fed7aa',
    highlight: '#fde68a',
    dark1: '#1c1917',
    dark2: '#431407',
  },
  service: {
    accent: '#0f766e',
    accentStrong: '#115e59',
    accent2: '#0e7490',
    tint: '#f0fdfa',
    tintStrong: '#ccfbf1',
    soft: '#99f6e4',
    highlight: '#a7f3d0',
    dark1: '#042f2e',
    dark2: '#134e4a',
  },
  membership: {
    accent: '#be185d',
    accentStrong: '#9d174d',
    accent2: '#7e22ce',
    tint: '#fdf2f8',
    tintStrong: '#fce7f3',
    soft: '#fbcfe8',
    highlight: '#fbcfe8',
    dark1: '#2a0a1c',
    dark2: '#831843',
  },
};

/** `#rrggbb` as `r, g, b`, for the translucent shadows and focus rings (`rgba(var(--mk-accent-rgb), .3)`). */
export function hexToRgbTriplet(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}`;
}

/** The theme rule: sets the custom properties the base uses (change a funnel's colours here, in one place). */
export function themeCss(theme: TTemplateTheme): string {
  return `.mk-page {
  --mk-accent: ${theme.accent};
  --mk-accent-rgb: ${hexToRgbTriplet(theme.accent)};
  --mk-accent-strong: ${theme.accentStrong};
  --mk-accent-2: ${theme.accent2};
  --mk-tint: ${theme.tint};
  --mk-tint-strong: ${theme.tintStrong};
  --mk-soft: ${theme.soft};
  --mk-highlight: ${theme.highlight};
  --mk-dark-1: ${theme.dark1};
  --mk-dark-2: ${theme.dark2};
  --mk-ink: ${NEUTRALS.ink};
  --mk-text: ${NEUTRALS.text};
  --mk-muted: ${NEUTRALS.muted};
  --mk-border: ${NEUTRALS.border};
  --mk-field: ${NEUTRALS.field};
  --mk-surface: ${NEUTRALS.surface};
}
`;
}

/** Layout, type and components, shared by every page of every built-in template. */
export const BASE_CSS = `body { margin: 0; }
.mk-page {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 17px;
  line-height: 1.65;
  color: var(--mk-text);
  background: #ffffff;
  overflow-x: hidden;
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
}
.mk-page *, .mk-page *::before, .mk-page *::after { box-sizing: border-box; }
.mk-page svg { flex: none; }
:where(.mk-page) h1, :where(.mk-page) h2, :where(.mk-page) h3 { margin: 0 0 0.55em; color: var(--mk-ink); font-weight: 800; line-height: 1.18; letter-spacing: -0.02em; text-wrap: balance; }
:where(.mk-page) h1 { font-size: 1.9rem; }
:where(.mk-page) h2 { font-size: 1.65rem; }
:where(.mk-page) h3 { font-size: 1.15rem; letter-spacing: -0.01em; }
:where(.mk-page) p { margin: 0 0 1em; }
:where(.mk-page) a { color: var(--mk-accent); text-underline-offset: 3px; }
:where(.mk-page) strong { color: var(--mk-ink); }
:where(.mk-page) :focus-visible { outline: 3px solid var(--mk-accent); outline-offset: 3px; }

.mk-container { width: 100%; max-width: 1120px; margin: 0 auto; padding: 0 20px; }
.mk-narrow { max-width: 780px; margin-left: auto; margin-right: auto; }
.mk-section { padding: 56px 0; }
.mk-section--alt { background: var(--mk-surface); }
.mk-section--tint { background: var(--mk-tint); }
.mk-section--tight { padding: 40px 0; }
.mk-center { text-align: center; }
.mk-heading { max-width: 720px; margin: 0 auto 36px; text-align: center; }
.mk-heading p { color: var(--mk-muted); font-size: 1.08rem; }
.mk-lead { font-size: 1.12rem; color: var(--mk-muted); }
.mk-small { font-size: 0.875rem; color: var(--mk-muted); }
.mk-mark { background: linear-gradient(transparent 60%, var(--mk-highlight) 60%); }
.mk-accent-text { color: var(--mk-accent); }
.mk-stack > * + * { margin-top: 16px; }
.mk-eyebrow {
  display: inline-flex; align-items: center; gap: 8px; margin: 0 0 18px; padding: 6px 14px; border-radius: 999px;
  background: var(--mk-tint-strong); color: var(--mk-accent-strong);
  font-size: 0.78rem; font-weight: 800; letter-spacing: 0.07em; line-height: 1.4; text-transform: uppercase;
}
.mk-eyebrow svg { width: 16px; height: 16px; }
.mk-dot { width: 8px; height: 8px; border-radius: 50%; background: #dc2626; box-shadow: 0 0 0 4px rgba(220, 38, 38, 0.2); }

/* Top bar, bars and footer */
.mk-announce { padding: 10px 0; background: var(--mk-accent-strong); color: #ffffff; font-size: 0.9rem; font-weight: 600; text-align: center; }
.mk-announce strong { color: #ffffff; }
.mk-topbar { padding: 16px 0; background: #ffffff; border-bottom: 1px solid var(--mk-border); }
.mk-topbar .mk-container { display: flex; align-items: center; justify-content: space-between; gap: 16px; }
.mk-brand { display: inline-flex; align-items: center; gap: 10px; color: var(--mk-ink); font-weight: 800; font-size: 1.05rem; letter-spacing: -0.01em; }
.mk-brand-mark { display: grid; place-items: center; width: 34px; height: 34px; border-radius: 10px; background: linear-gradient(135deg, var(--mk-accent), var(--mk-accent-2)); color: #ffffff; }
.mk-brand-mark svg { width: 18px; height: 18px; }
.mk-topbar-note { display: none; align-items: center; gap: 8px; color: var(--mk-muted); font-size: 0.875rem; font-weight: 600; }
.mk-topbar-note svg { width: 18px; height: 18px; color: var(--mk-accent); }
.mk-footer { padding: 32px 0 40px; border-top: 1px solid var(--mk-border); color: var(--mk-muted); font-size: 0.85rem; text-align: center; }
.mk-footer p { margin: 0 0 8px; }
.mk-footer nav { display: flex; flex-wrap: wrap; justify-content: center; gap: 8px 20px; }
.mk-footer a { color: var(--mk-muted); }

/* Hero */
.mk-hero {
  padding: 44px 0 56px;
  background: radial-gradient(circle at 90% -10%, var(--mk-tint-strong) 0, rgba(255, 255, 255, 0) 45%), linear-gradient(180deg, var(--mk-tint) 0%, #ffffff 100%);
}
.mk-hero-grid { display: grid; gap: 36px; align-items: center; }
.mk-hero .mk-lead { max-width: 640px; }
.mk-hero--center { text-align: center; }
.mk-hero--center .mk-lead { margin-left: auto; margin-right: auto; }
.mk-hero--dark {
  color: #e2e8f0;
  background: radial-gradient(circle at 85% 0%, rgba(255, 255, 255, 0.14) 0, rgba(255, 255, 255, 0) 40%), linear-gradient(135deg, var(--mk-dark-1) 0%, var(--mk-dark-2) 100%);
}
.mk-hero--dark h1, .mk-hero--dark h2, .mk-hero--dark strong { color: #ffffff; }
.mk-hero--dark .mk-lead, .mk-hero--dark .mk-small { color: #e2e8f0; }
.mk-hero--dark .mk-eyebrow { background: rgba(255, 255, 255, 0.14); color: #ffffff; }
.mk-hero--dark .mk-mark { background: linear-gradient(transparent 62%, rgba(255, 255, 255, 0.22) 62%); }
.mk-hero--dark .mk-form-card h2, .mk-hero--dark .mk-form-card strong, .mk-hero--dark .mk-card h2, .mk-hero--dark .mk-card h3, .mk-hero--dark .mk-card strong { color: var(--mk-ink); }
.mk-hero-points { display: flex; flex-wrap: wrap; gap: 10px 22px; margin: 20px 0 0; padding: 0; list-style: none; font-size: 0.92rem; font-weight: 600; }
.mk-hero--center .mk-hero-points { justify-content: center; }
.mk-hero-points li { display: inline-flex; align-items: center; gap: 8px; }
.mk-hero-points svg { width: 18px; height: 18px; color: var(--mk-accent); }
.mk-hero--dark .mk-hero-points svg { color: #ffffff; }

/* Buttons */
.mk-btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 10px; width: 100%; padding: 16px 28px;
  border: 0; border-radius: 12px; background: var(--mk-accent); color: #ffffff; cursor: pointer;
  font: inherit; font-size: 1.05rem; font-weight: 700; line-height: 1.3; text-align: center; text-decoration: none;
  box-shadow: 0 12px 24px -12px rgba(var(--mk-accent-rgb), 0.7);
  transition: background-color 0.15s ease, transform 0.15s ease;
}
.mk-btn:hover { background: var(--mk-accent-strong); transform: translateY(-1px); }
.mk-btn svg { width: 20px; height: 20px; }
.mk-btn--xl { padding: 18px 22px; font-size: 1.08rem; }
.mk-btn--block { width: 100%; }
.mk-btn--outline { background: #ffffff; color: var(--mk-accent-strong); box-shadow: inset 0 0 0 2px var(--mk-accent); }
.mk-btn--outline:hover { background: var(--mk-tint); }
.mk-btn--light { background: #ffffff; color: var(--mk-accent-strong); box-shadow: 0 12px 24px -12px rgba(0, 0, 0, 0.5); }
.mk-btn--light:hover { background: var(--mk-tint); }
.mk-btn-note { margin: 12px 0 0; color: var(--mk-muted); font-size: 0.875rem; }
.mk-hero--dark .mk-btn-note { color: #e2e8f0; }
.mk-cta { margin-top: 28px; }
.mk-cta-box { padding: 32px 24px; border-radius: 22px; background: linear-gradient(135deg, var(--mk-dark-1), var(--mk-dark-2)); color: #e2e8f0; text-align: center; }
.mk-cta-box h2, .mk-cta-box strong { color: #ffffff; }
.mk-cta-box p { color: #e2e8f0; }
.mk-cta-box .mk-btn-note { color: #e2e8f0; }

/* Grids and cards */
.mk-grid { display: grid; gap: 20px; }
.mk-card {
  padding: 24px; border: 1px solid var(--mk-border); border-radius: 18px; background: #ffffff;
  box-shadow: 0 1px 2px rgba(15, 23, 42, 0.04), 0 16px 32px -20px rgba(15, 23, 42, 0.18);
}
.mk-card h3 { margin-bottom: 8px; }
.mk-card p:last-child { margin-bottom: 0; }
.mk-card p { color: var(--mk-muted); }
.mk-feature-icon { display: grid; place-items: center; width: 48px; height: 48px; margin-bottom: 16px; border-radius: 14px; background: var(--mk-tint-strong); color: var(--mk-accent-strong); }
.mk-feature-icon svg { width: 24px; height: 24px; }
.mk-split { display: grid; gap: 32px; align-items: center; }
.mk-module { display: flex; gap: 16px; align-items: flex-start; }
.mk-module-num { display: grid; place-items: center; flex: none; width: 44px; height: 44px; border-radius: 12px; background: var(--mk-accent); color: #ffffff; font-weight: 800; }
.mk-module h3 { margin-bottom: 4px; }
.mk-grid--3 .mk-module { flex-direction: column; gap: 14px; }

/* Lists */
.mk-checklist { display: grid; gap: 12px; margin: 0 0 24px; padding: 0; list-style: none; }
.mk-checklist li { position: relative; padding-left: 36px; }
.mk-checklist li::before { content: ""; position: absolute; top: 2px; left: 0; width: 24px; height: 24px; border-radius: 50%; background: var(--mk-tint-strong); }
.mk-checklist li::after {
  content: ""; position: absolute; top: 7px; left: 9px; width: 6px; height: 11px;
  border: solid var(--mk-accent-strong); border-width: 0 2.5px 2.5px 0; transform: rotate(45deg);
}
.mk-hero--dark .mk-checklist li::before, .mk-cta-box .mk-checklist li::before { background: rgba(255, 255, 255, 0.16); }
.mk-hero--dark .mk-checklist li::after, .mk-cta-box .mk-checklist li::after { border-color: #ffffff; }
.mk-painlist { display: grid; gap: 12px; margin: 0 0 24px; padding: 0; list-style: none; }
.mk-painlist li { position: relative; padding: 14px 16px 14px 50px; border-radius: 14px; background: #ffffff; border: 1px solid var(--mk-border); }
.mk-painlist li::before {
  content: ""; position: absolute; top: 16px; left: 16px; width: 22px; height: 22px; border-radius: 50%;
  background: linear-gradient(45deg, transparent 44%, #b91c1c 44%, #b91c1c 56%, transparent 56%), linear-gradient(-45deg, transparent 44%, #b91c1c 44%, #b91c1c 56%, transparent 56%), #fee2e2;
  background-size: 12px 12px, 12px 12px, auto; background-position: center, center, center; background-repeat: no-repeat;
}
.mk-steps { display: grid; gap: 16px; margin: 0; padding: 0; list-style: none; counter-reset: mk-step; }
.mk-steps li { position: relative; padding: 20px 20px 20px 76px; border: 1px solid var(--mk-border); border-radius: 16px; background: #ffffff; counter-increment: mk-step; }
.mk-steps li::before {
  content: counter(mk-step); position: absolute; top: 20px; left: 20px; display: grid; place-items: center; width: 40px; height: 40px;
  border-radius: 12px; background: var(--mk-accent); color: #ffffff; font-weight: 800;
}
.mk-steps h3 { margin-bottom: 4px; font-size: 1.05rem; }
.mk-steps p { margin: 0; color: var(--mk-muted); }
.mk-stats { display: grid; grid-template-columns: repeat(2, 1fr); gap: 16px; margin: 0; padding: 0; list-style: none; text-align: center; }
.mk-stats li { padding: 18px 12px; border-radius: 16px; background: #ffffff; border: 1px solid var(--mk-border); }
.mk-stats strong { display: block; color: var(--mk-accent-strong); font-size: 1.9rem; font-weight: 800; line-height: 1.1; letter-spacing: -0.02em; }
.mk-stats span { color: var(--mk-muted); font-size: 0.9rem; }
.mk-meta { display: grid; gap: 12px; margin: 0; padding: 0; list-style: none; }
.mk-meta li { display: flex; align-items: center; gap: 12px; font-weight: 600; }
.mk-meta svg { width: 20px; height: 20px; color: var(--mk-accent); }

/* Testimonials */
.mk-quote { display: flex; margin: 0; flex-direction: column; gap: 16px; height: 100%; }
.mk-quote blockquote { margin: 0; color: var(--mk-text); }
.mk-stars { display: flex; gap: 3px; color: #d97706; }
.mk-stars svg { width: 18px; height: 18px; }
.mk-person { display: flex; align-items: center; gap: 12px; margin-top: auto; }
.mk-person strong { display: block; color: var(--mk-ink); line-height: 1.3; }
.mk-person-role { display: block; color: var(--mk-muted); font-size: 0.875rem; line-height: 1.4; }
.mk-avatar { display: grid; place-items: center; flex: none; width: 46px; height: 46px; border-radius: 50%; background: linear-gradient(135deg, var(--mk-accent), var(--mk-accent-2)); color: #ffffff; font-weight: 800; }
.mk-avatar--2 { background: linear-gradient(135deg, #334155, #0f172a); }
.mk-avatar--3 { background: linear-gradient(135deg, var(--mk-accent-2), var(--mk-accent-strong)); }
.mk-avatar svg { width: 60%; height: 60%; }
.mk-bio { display: grid; gap: 24px; align-items: center; }
.mk-bio-photo {
  display: grid; place-items: end center; width: 180px; height: 180px; margin: 0 auto; overflow: hidden; border-radius: 50%;
  background: radial-gradient(circle at 30% 25%, var(--mk-tint-strong), var(--mk-soft)); color: var(--mk-accent); box-shadow: 0 0 0 8px #ffffff, 0 24px 40px -24px rgba(15, 23, 42, 0.45);
}
.mk-bio-photo svg { width: 78%; height: 78%; }

/* FAQ */
.mk-faq { display: grid; gap: 12px; max-width: 780px; margin: 0 auto; }
.mk-faq details { padding: 0 20px; border: 1px solid var(--mk-border); border-radius: 14px; background: #ffffff; }
.mk-faq summary { position: relative; padding: 18px 44px 18px 0; color: var(--mk-ink); font-weight: 700; cursor: pointer; list-style: none; }
.mk-faq summary::-webkit-details-marker { display: none; }
.mk-faq summary::after {
  content: "+"; position: absolute; top: 50%; right: 0; display: grid; place-items: center; width: 30px; height: 30px; margin-top: -15px;
  border-radius: 50%; background: var(--mk-tint-strong); color: var(--mk-accent-strong); font-size: 1.25rem; font-weight: 700; line-height: 1;
}
.mk-faq details[open] summary::after { content: "\\2212"; }
.mk-faq details p { margin: 0 0 18px; color: var(--mk-muted); }

/* Guarantee */
.mk-guarantee { display: grid; gap: 20px; justify-items: center; max-width: 860px; margin: 0 auto; padding: 28px 24px; border: 2px dashed var(--mk-soft); border-radius: 22px; background: #ffffff; text-align: center; }
.mk-guarantee h2 { font-size: 1.45rem; }
.mk-guarantee p:last-child { margin-bottom: 0; }
.mk-seal { width: 112px; height: 112px; color: var(--mk-accent); }
.mk-seal text { fill: var(--mk-accent-strong); font-family: inherit; font-weight: 800; }

/* Forms (optin-form, webinar-form) */
.mk-form-card {
  padding: 24px 20px; border: 1px solid var(--mk-border); border-radius: 20px; background: #ffffff; color: var(--mk-text);
  box-shadow: 0 30px 60px -30px rgba(15, 23, 42, 0.4);
}
.mk-form-card h2 { margin-bottom: 6px; font-size: 1.35rem; }
.mk-form-card > p { color: var(--mk-muted); font-size: 1rem; }
.mk-form { display: grid; gap: 16px; margin: 0; }
.mk-field { display: grid; gap: 6px; }
.mk-field label { color: var(--mk-ink); font-size: 0.92rem; font-weight: 600; }
.mk-field label span { color: var(--mk-muted); font-weight: 400; }
.mk-input {
  width: 100%; min-height: 52px; padding: 13px 16px; border: 1.5px solid var(--mk-field); border-radius: 12px; background: #ffffff;
  color: var(--mk-ink); font: inherit; font-size: 1rem; line-height: 1.4;
}
.mk-input::placeholder { color: #64748b; }
.mk-input:focus { border-color: var(--mk-accent); outline: none; box-shadow: 0 0 0 4px rgba(var(--mk-accent-rgb), 0.2); }
select.mk-input {
  padding-right: 44px; appearance: none; -webkit-appearance: none;
  background-image: linear-gradient(45deg, transparent 50%, var(--mk-muted) 50%), linear-gradient(135deg, var(--mk-muted) 50%, transparent 50%);
  background-position: calc(100% - 22px) 50%, calc(100% - 16px) 50%; background-size: 6px 6px, 6px 6px; background-repeat: no-repeat;
}
.mk-consent { display: flex; align-items: flex-start; gap: 12px; color: var(--mk-muted); font-size: 0.85rem; line-height: 1.5; cursor: pointer; }
.mk-consent input { flex: none; width: 20px; height: 20px; margin: 1px 0 0; accent-color: var(--mk-accent); }
.mk-form-note { display: flex; align-items: center; justify-content: center; gap: 8px; margin: 4px 0 0; color: var(--mk-muted); font-size: 0.8rem; text-align: center; }
.mk-form-note svg { width: 16px; height: 16px; }

/* Video (poster shown until the renderer writes the player) */
.mk-video {
  position: relative; width: 100%; aspect-ratio: 16 / 9; overflow: hidden; border-radius: 18px; color: #ffffff;
  background: radial-gradient(circle at 25% 20%, rgba(255, 255, 255, 0.16) 0, rgba(255, 255, 255, 0) 45%), radial-gradient(circle at 85% 90%, rgba(var(--mk-accent-rgb), 0.55) 0, rgba(0, 0, 0, 0) 50%), linear-gradient(135deg, var(--mk-dark-1), var(--mk-dark-2));
  box-shadow: 0 30px 60px -30px rgba(15, 23, 42, 0.7), 0 0 0 1px rgba(255, 255, 255, 0.12);
}
.mk-video iframe, .mk-video video { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
.mk-video-poster { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 10px; padding: 16px 16px 28px; text-align: center; }
.mk-video-play { display: grid; place-items: center; width: 56px; height: 56px; border-radius: 50%; background: #ffffff; color: var(--mk-accent); box-shadow: 0 0 0 10px rgba(255, 255, 255, 0.16); }
.mk-video-play svg { width: 22px; height: 22px; margin-left: 3px; }
.mk-video-title { max-width: 520px; color: #ffffff; font-size: 0.92rem; font-weight: 700; line-height: 1.35; }
.mk-video-meta { display: none; align-items: center; gap: 6px; color: #e2e8f0; font-size: 0.82rem; }
.mk-video-meta svg { width: 15px; height: 15px; }
.mk-video-bar { position: absolute; right: 16px; bottom: 14px; left: 16px; height: 4px; border-radius: 4px; background: rgba(255, 255, 255, 0.25); }
.mk-video-bar::before { content: ""; position: absolute; top: 0; bottom: 0; left: 0; width: 18%; border-radius: 4px; background: #ffffff; }

/* Countdown */
.mk-countdown { display: flex; flex-wrap: wrap; justify-content: center; gap: 10px; }
.mk-countdown-unit { min-width: 74px; padding: 12px 8px 10px; border: 1px solid var(--mk-border); border-radius: 14px; background: #ffffff; text-align: center; box-shadow: 0 10px 24px -18px rgba(15, 23, 42, 0.4); }
.mk-countdown-value { display: block; color: var(--mk-ink); font-size: 1.9rem; font-weight: 800; line-height: 1.1; font-variant-numeric: tabular-nums; }
.mk-countdown-label { display: block; margin-top: 2px; color: var(--mk-muted); font-size: 0.72rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; }
.mk-countdown-title { margin: 0 0 14px; color: var(--mk-ink); font-weight: 700; text-align: center; }
.mk-hero--dark .mk-countdown-unit, .mk-cta-box .mk-countdown-unit { border-color: rgba(255, 255, 255, 0.22); background: rgba(255, 255, 255, 0.1); box-shadow: none; }
.mk-hero--dark .mk-countdown-value, .mk-cta-box .mk-countdown-value, .mk-hero--dark .mk-countdown-title, .mk-cta-box .mk-countdown-title { color: #ffffff; }
.mk-hero--dark .mk-countdown-label, .mk-cta-box .mk-countdown-label { color: #e2e8f0; }

/* Delayed call to action (shown after the video has played a while) */
.mk-reveal { margin-top: 28px; padding: 24px 20px; border: 1px solid var(--mk-soft); border-radius: 20px; background: #ffffff; text-align: center; box-shadow: 0 24px 48px -32px rgba(var(--mk-accent-rgb), 0.8); }
.mk-reveal h2 { font-size: 1.35rem; }
.mk-hero--dark .mk-reveal { border-color: rgba(255, 255, 255, 0.24); background: rgba(255, 255, 255, 0.08); box-shadow: none; }
.mk-hero--dark .mk-reveal p { color: #e2e8f0; }

/* Pricing */
.mk-pricing { display: grid; gap: 28px 20px; align-items: stretch; }
.mk-price-card { position: relative; display: flex; flex-direction: column; padding: 30px 24px 24px; border: 1px solid var(--mk-border); border-radius: 20px; background: #ffffff; box-shadow: 0 16px 32px -24px rgba(15, 23, 42, 0.3); }
.mk-price-card--featured { border: 2px solid var(--mk-accent); box-shadow: 0 30px 60px -30px rgba(var(--mk-accent-rgb), 0.55); }
.mk-price-badge {
  position: absolute; top: -14px; left: 50%; padding: 5px 14px; border-radius: 999px; background: var(--mk-accent); color: #ffffff;
  font-size: 0.74rem; font-weight: 800; letter-spacing: 0.06em; text-transform: uppercase; white-space: nowrap; transform: translateX(-50%);
}
.mk-price-name { margin: 0 0 4px; color: var(--mk-ink); font-size: 1.15rem; font-weight: 800; }
.mk-price-desc { margin: 0; color: var(--mk-muted); font-size: 0.95rem; }
.mk-price { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; margin: 18px 0 4px; }
.mk-price-amount { color: var(--mk-ink); font-size: 2.6rem; font-weight: 800; line-height: 1; letter-spacing: -0.03em; }
.mk-price-period { color: var(--mk-muted); font-weight: 600; }
.mk-price-old { color: var(--mk-muted); font-size: 1.1rem; text-decoration: line-through; }
.mk-price-note { margin: 0; color: var(--mk-accent-strong); font-size: 0.88rem; font-weight: 700; }
.mk-price-card .mk-checklist { margin: 20px 0 24px; font-size: 0.95rem; }
.mk-price-card .mk-btn { width: 100%; margin-top: auto; }

/* Order form and upsell placeholders (wired to payments by funnels part 2) */
.mk-order { display: grid; gap: 24px; align-items: start; }
.mk-order-summary h2, .mk-order-form h2 { font-size: 1.25rem; }
.mk-line { display: flex; justify-content: space-between; gap: 16px; padding: 12px 0; border-bottom: 1px dashed var(--mk-border); }
.mk-line span:last-child { color: var(--mk-ink); font-weight: 700; white-space: nowrap; }
.mk-line--muted span:last-child { color: var(--mk-accent-strong); }
.mk-line--total { border-bottom: 0; color: var(--mk-ink); font-size: 1.15rem; font-weight: 800; }
.mk-order-form { display: grid; justify-items: center; gap: 10px; padding: 28px 22px; border: 2px dashed var(--mk-soft); border-radius: 20px; background: var(--mk-tint); text-align: center; }
.mk-order-form p { margin: 0; color: var(--mk-muted); }
.mk-order-lock { display: grid; place-items: center; width: 56px; height: 56px; border-radius: 50%; background: #ffffff; color: var(--mk-accent); box-shadow: 0 10px 20px -12px rgba(var(--mk-accent-rgb), 0.8); }
.mk-order-lock svg { width: 26px; height: 26px; }
.mk-trust { display: flex; flex-wrap: wrap; justify-content: center; gap: 8px 18px; margin: 8px 0 0; padding: 0; list-style: none; color: var(--mk-muted); font-size: 0.85rem; }
.mk-trust li { display: inline-flex; align-items: center; gap: 6px; }
.mk-trust svg { width: 16px; height: 16px; color: var(--mk-accent); }
.mk-progress { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin: 0 0 28px; padding: 0; list-style: none; font-size: 0.78rem; font-weight: 700; text-align: center; }
.mk-progress li { padding-top: 10px; border-top: 5px solid var(--mk-border); color: var(--mk-muted); }
.mk-progress .is-done { border-top-color: var(--mk-accent); color: var(--mk-accent-strong); }
.mk-progress .is-current { border-top-color: var(--mk-accent); color: var(--mk-ink); }
.mk-upsell { max-width: 860px; margin: 0 auto; }
.mk-upsell-offer { display: grid; text-align: left; gap: 24px; align-items: stretch; padding: 24px 20px; border: 1px solid var(--mk-border); border-radius: 22px; background: #ffffff; box-shadow: 0 30px 60px -36px rgba(15, 23, 42, 0.45); }
.mk-upsell-offer h2 { font-size: 1.45rem; }
.mk-upsell-actions { display: grid; gap: 16px; justify-items: center; max-width: 600px; margin: 32px auto 0; text-align: center; }
.mk-upsell-actions .mk-btn { flex-direction: column; gap: 4px; }
.mk-upsell-actions .mk-btn small { font-size: 0.85rem; font-weight: 500; opacity: 0.92; }
.mk-decline { color: var(--mk-muted); font-size: 0.92rem; text-decoration: underline; }
.mk-decline:hover { color: var(--mk-ink); }

/* Illustrations */
.mk-book-wrap { position: relative; display: grid; place-items: center; padding: 24px 0; }
.mk-book-wrap::before { content: ""; position: absolute; width: 290px; height: 290px; border-radius: 50%; background: radial-gradient(circle, var(--mk-tint-strong) 0, rgba(255, 255, 255, 0) 70%); }
.mk-book {
  position: relative; display: flex; flex-direction: column; width: 230px; aspect-ratio: 3 / 4; padding: 26px 22px 22px 30px; border-radius: 6px 16px 16px 6px;
  background: radial-gradient(circle at 80% 15%, rgba(255, 255, 255, 0.22) 0, rgba(255, 255, 255, 0) 40%), linear-gradient(150deg, var(--mk-accent) 0%, var(--mk-dark-2) 100%);
  color: #ffffff; box-shadow: inset 8px 0 0 rgba(0, 0, 0, 0.18), 0 40px 50px -30px rgba(15, 23, 42, 0.65); transform: perspective(900px) rotateY(-12deg);
}
.mk-book-kicker { font-size: 0.68rem; font-weight: 800; letter-spacing: 0.14em; text-transform: uppercase; opacity: 0.92; }
.mk-book-title { margin-top: 14px; font-size: 1.3rem; font-weight: 800; line-height: 1.2; }
.mk-book-foot { display: flex; align-items: center; justify-content: space-between; margin-top: auto; font-size: 0.75rem; font-weight: 700; }
.mk-book-foot svg { width: 34px; height: 34px; opacity: 0.9; }
.mk-window { overflow: hidden; border: 1px solid rgba(255, 255, 255, 0.18); border-radius: 18px; background: rgba(255, 255, 255, 0.08); box-shadow: 0 40px 60px -30px rgba(0, 0, 0, 0.6); }
.mk-window-bar { display: flex; gap: 6px; padding: 12px 14px; border-bottom: 1px solid rgba(255, 255, 255, 0.14); }
.mk-window-bar span { width: 10px; height: 10px; border-radius: 50%; background: rgba(255, 255, 255, 0.35); }
.mk-window-body { display: grid; grid-template-columns: repeat(2, 1fr); gap: 12px; padding: 16px; }
.mk-tile { padding: 10px; border-radius: 12px; background: rgba(255, 255, 255, 0.1); color: #ffffff; font-size: 0.8rem; font-weight: 700; line-height: 1.3; }
.mk-tile-thumb { display: grid; place-items: center; height: 64px; margin-bottom: 8px; border-radius: 8px; background: linear-gradient(135deg, var(--mk-accent), var(--mk-accent-2)); }
.mk-tile-thumb svg { width: 24px; height: 24px; }
.mk-tile:nth-child(2) .mk-tile-thumb { background: linear-gradient(135deg, var(--mk-accent-2), var(--mk-dark-2)); }
.mk-tile:nth-child(3) .mk-tile-thumb { background: linear-gradient(135deg, #334155, var(--mk-accent)); }
.mk-tile:nth-child(4) .mk-tile-thumb { background: linear-gradient(135deg, var(--mk-accent-strong), #0f172a); }
.mk-showcase { padding: 16px; border-radius: 24px; background: radial-gradient(circle at 85% 10%, rgba(255, 255, 255, 0.14) 0, rgba(255, 255, 255, 0) 45%), linear-gradient(135deg, var(--mk-dark-1), var(--mk-dark-2)); box-shadow: 0 40px 60px -36px rgba(15, 23, 42, 0.7); }
.mk-window-title { padding: 14px 16px 0; color: #ffffff; font-size: 0.85rem; font-weight: 700; }
.mk-upsell-visual {
  display: grid; place-items: center; align-content: center; gap: 10px; min-height: 220px; padding: 24px; border-radius: 18px; color: #ffffff; text-align: center;
  background: radial-gradient(circle at 80% 15%, rgba(255, 255, 255, 0.22) 0, rgba(255, 255, 255, 0) 45%), linear-gradient(150deg, var(--mk-accent) 0%, var(--mk-dark-2) 100%);
}
.mk-upsell-visual svg { width: 56px; height: 56px; }
.mk-upsell-visual strong { color: #ffffff; font-size: 1.3rem; line-height: 1.2; }
.mk-upsell-visual span { font-size: 0.9rem; }
.mk-live-card { padding: 24px; border: 1px solid var(--mk-border); border-radius: 20px; background: #ffffff; box-shadow: 0 30px 60px -30px rgba(15, 23, 42, 0.4); }
.mk-success { display: grid; place-items: center; width: 76px; height: 76px; margin: 0 auto 20px; border-radius: 50%; background: var(--mk-tint-strong); color: var(--mk-accent-strong); box-shadow: 0 0 0 10px var(--mk-tint); }
.mk-success svg { width: 36px; height: 36px; }
.mk-note-box { display: flex; gap: 14px; align-items: flex-start; padding: 18px 20px; border-radius: 16px; background: var(--mk-tint); border: 1px solid var(--mk-soft); text-align: left; }
.mk-note-box svg { width: 22px; height: 22px; margin-top: 2px; color: var(--mk-accent-strong); }
.mk-note-box p { margin: 0; }

@media (min-width: 640px) {
  .mk-btn { width: auto; }
  .mk-btn--block { width: 100%; }
  .mk-topbar-note { display: inline-flex; }
  .mk-stats { grid-template-columns: repeat(4, 1fr); }
  .mk-form-card { padding: 32px; }
  .mk-guarantee { grid-template-columns: auto 1fr; justify-items: start; padding: 32px 36px; text-align: left; }
  .mk-upsell-offer { padding: 32px; }
  .mk-video-meta { display: inline-flex; }
  .mk-video-title { font-size: 1.05rem; }
}
@media (min-width: 768px) {
  .mk-page { font-size: 18px; }
  :where(.mk-page) h1 { font-size: 2.75rem; }
  :where(.mk-page) h2 { font-size: 2.05rem; }
  .mk-container { padding: 0 32px; }
  .mk-section { padding: 88px 0; }
  .mk-section--tight { padding: 56px 0; }
  .mk-hero { padding: 72px 0 88px; }
  .mk-lead { font-size: 1.22rem; }
  .mk-grid--2 { grid-template-columns: repeat(2, 1fr); }
  .mk-grid--3 { grid-template-columns: repeat(3, 1fr); }
  .mk-pricing--2 { grid-template-columns: repeat(2, 1fr); max-width: 820px; margin: 0 auto; }
  .mk-pricing--3 { grid-template-columns: repeat(3, 1fr); }
  .mk-split { grid-template-columns: 1fr 1fr; gap: 56px; }
  .mk-bio { grid-template-columns: 200px 1fr; gap: 40px; }
  .mk-order { grid-template-columns: 1fr 1fr; gap: 40px; }
  .mk-upsell-offer { grid-template-columns: 0.9fr 1.1fr; }
  .mk-steps--row { grid-template-columns: repeat(3, 1fr); }
  .mk-steps--row li { padding: 76px 24px 24px; }
  .mk-steps--row li::before { top: 22px; left: 24px; }
  .mk-countdown-unit { min-width: 88px; }
  .mk-countdown-value { font-size: 2.3rem; }
  .mk-video-play { width: 84px; height: 84px; }
  .mk-video-play svg { width: 32px; height: 32px; }
  .mk-video-title { font-size: 1.2rem; }
  .mk-cta-box { padding: 56px 48px; }
  .mk-reveal { padding: 32px; }
  .mk-btn--xl { padding: 20px 32px; font-size: 1.12rem; }
}
@media (min-width: 1024px) {
  :where(.mk-page) h1 { font-size: 3.15rem; }
  .mk-hero-grid { grid-template-columns: 1.15fr 0.85fr; gap: 56px; }
  .mk-hero-grid--even { grid-template-columns: 1fr 1fr; }
}
`;

/** A page's CSS: its funnel type's theme, the shared base, then what the page adds. */
export function pageCss(theme: TTemplateTheme, extra = ''): string {
  return themeCss(theme) + BASE_CSS + extra;
}
