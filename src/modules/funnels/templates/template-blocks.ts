import { BLOCK_KINDS, CONSENT_INPUT_NAME, CONSENT_TEXT_ATTRIBUTE, DEFAULT_FORM_MESSAGES, FORM_MESSAGE_ATTRIBUTES } from '../../../contracts/funnel-blocks.js';
import type { TOptinFieldName } from '../../../contracts/funnel-blocks.js';
import type { TFunnelLanguage, TFunnelPageType } from '../../../contracts/funnels.js';
import { pageCss } from './template-styles.js';
import type { TTemplateTheme } from './template-styles.js';
import type { TTemplatePage } from './template-types.js';

// The building blocks of the built-in templates: small functions that return body markup (plain HTML, the classes
// of template-styles.ts, the `data-mk` blocks of contracts/funnel-blocks.ts). Copy is passed in already written (it
// may hold inline <strong>, <em> or <span class="mk-mark">); the functions add structure, icons and the fixed
// wording of each language (field labels, countdown units, legal links).

type TLang = TFunnelLanguage;

/** Escapes a value for a double-quoted attribute. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// Icons: 24×24, stroked with the current colour (Feather-style shapes), except the filled ones.
const ICON_PATHS = {
  arrow: '<line x1="5" y1="12" x2="19" y2="12"/><polyline points="12 5 19 12 12 19"/>',
  award: '<circle cx="12" cy="8" r="7"/><polyline points="8.21 13.89 7 23 12 20 17 23 15.79 13.88"/>',
  book: '<path d="M2 3h6a4 4 0 0 1 4 4v14a3 3 0 0 0-3-3H2z"/><path d="M22 3h-6a4 4 0 0 0-4 4v14a3 3 0 0 1 3-3h7z"/>',
  calendar:
    '<rect x="3" y="4" width="18" height="18" rx="2"/><line x1="16" y1="2" x2="16" y2="6"/><line x1="8" y1="2" x2="8" y2="6"/><line x1="3" y1="10" x2="21" y2="10"/>',
  chat: '<path d="M21 11.5a8.4 8.4 0 0 1-.9 3.8 8.5 8.5 0 0 1-7.6 4.7 8.4 8.4 0 0 1-3.8-.9L3 21l1.9-5.7a8.4 8.4 0 0 1-.9-3.8 8.5 8.5 0 0 1 4.7-7.6 8.4 8.4 0 0 1 3.8-.9h.5a8.5 8.5 0 0 1 8 8v.5z"/>',
  check: '<polyline points="20 6 9 17 4 12"/>',
  checkCircle: '<path d="M22 11.08V12a10 10 0 1 1-5.93-9.14"/><polyline points="22 4 12 14.01 9 11.01"/>',
  clock: '<circle cx="12" cy="12" r="10"/><polyline points="12 6 12 12 16 14"/>',
  compass: '<circle cx="12" cy="12" r="10"/><polygon points="16.24 7.76 14.12 14.12 7.76 16.24 9.88 9.88 16.24 7.76"/>',
  creditCard: '<rect x="1" y="4" width="22" height="16" rx="2"/><line x1="1" y1="10" x2="23" y2="10"/>',
  download: '<path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4"/><polyline points="7 10 12 15 17 10"/><line x1="12" y1="15" x2="12" y2="3"/>',
  file: '<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><polyline points="14 2 14 8 20 8"/><line x1="16" y1="13" x2="8" y2="13"/><line x1="16" y1="17" x2="8" y2="17"/>',
  gift: '<polyline points="20 12 20 22 4 22 4 12"/><rect x="2" y="7" width="20" height="5"/><line x1="12" y1="22" x2="12" y2="7"/><path d="M12 7H7.5a2.5 2.5 0 0 1 0-5C11 2 12 7 12 7z"/><path d="M12 7h4.5a2.5 2.5 0 0 0 0-5C13 2 12 7 12 7z"/>',
  globe:
    '<circle cx="12" cy="12" r="10"/><line x1="2" y1="12" x2="22" y2="12"/><path d="M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z"/>',
  heart: '<path d="M20.84 4.61a5.5 5.5 0 0 0-7.78 0L12 5.67l-1.06-1.06a5.5 5.5 0 0 0-7.78 7.78l1.06 1.06L12 21.23l7.78-7.78 1.06-1.06a5.5 5.5 0 0 0 0-7.78z"/>',
  key: '<path d="M21 2l-2 2m-7.61 7.61a5.5 5.5 0 1 1-7.78 7.78 5.5 5.5 0 0 1 7.78-7.78zm0 0L15.5 7.5m0 0l3 3L22 7l-3-3m-3.5 3.5L19 4"/>',
  layers: '<polygon points="12 2 2 7 12 12 22 7 12 2"/><polyline points="2 17 12 22 22 17"/><polyline points="2 12 12 17 22 12"/>',
  lock: '<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>',
  mail: '<path d="M4 4h16c1.1 0 2 .9 2 2v12c0 1.1-.9 2-2 2H4c-1.1 0-2-.9-2-2V6c0-1.1.9-2 2-2z"/><polyline points="22,6 12,13 2,6"/>',
  mic: '<path d="M12 1a3 3 0 0 0-3 3v8a3 3 0 0 0 6 0V4a3 3 0 0 0-3-3z"/><path d="M19 10v2a7 7 0 0 1-14 0v-2"/><line x1="12" y1="19" x2="12" y2="23"/><line x1="8" y1="23" x2="16" y2="23"/>',
  phone:
    '<path d="M22 16.92v3a2 2 0 0 1-2.18 2 19.8 19.8 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6 19.8 19.8 0 0 1-3.07-8.67A2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72 12.8 12.8 0 0 0 .7 2.81 2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45 12.8 12.8 0 0 0 2.81.7A2 2 0 0 1 22 16.92z"/>',
  refresh:
    '<polyline points="23 4 23 10 17 10"/><polyline points="1 20 1 14 7 14"/><path d="M3.51 9a9 9 0 0 1 14.85-3.36L23 10M1 14l4.64 4.36A9 9 0 0 0 20.49 15"/>',
  shield: '<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><polyline points="9 12 11 14 15 10"/>',
  sparkles: '<path d="M12 3l1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9z"/><path d="M19 15l.9 2.1L22 18l-2.1.9L19 21l-.9-2.1L16 18l2.1-.9z"/>',
  target: '<circle cx="12" cy="12" r="10"/><circle cx="12" cy="12" r="6"/><circle cx="12" cy="12" r="2"/>',
  trending: '<polyline points="23 6 13.5 15.5 8.5 10.5 1 18"/><polyline points="17 6 23 6 23 12"/>',
  users:
    '<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>',
  video: '<polygon points="23 7 16 12 23 17 23 7"/><rect x="1" y="5" width="15" height="14" rx="2"/>',
  zap: '<polygon points="13 2 3 14 12 14 11 22 21 10 12 10 13 2"/>',
} as const;
const FILLED_ICON_PATHS = {
  play: '<path d="M6 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L7.5 3.64A1 1 0 0 0 6 4.5z"/>',
  star: '<polygon points="12 2 15.09 8.26 22 9.27 17 14.14 18.18 21.02 12 17.77 5.82 21.02 7 14.14 2 9.27 8.91 8.26 12 2"/>',
} as const;
export type TIconName = keyof typeof ICON_PATHS | keyof typeof FILLED_ICON_PATHS;

/** An inline SVG icon, hidden from assistive technology (the text next to it says what it means). */
export function icon(name: TIconName): string {
  const svg = '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"';
  if (name in FILLED_ICON_PATHS) return `${svg} fill="currentColor">${FILLED_ICON_PATHS[name as keyof typeof FILLED_ICON_PATHS]}</svg>`;
  return `${svg} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${ICON_PATHS[name as keyof typeof ICON_PATHS]}</svg>`;
}

/** A person's silhouette (the host's photo until the user puts theirs). */
const PERSON_SVG =
  '<svg viewBox="0 0 120 120" width="120" height="120" aria-hidden="true" focusable="false" fill="currentColor"><circle cx="60" cy="44" r="24"/><path d="M14 120c2-28 22-44 46-44s44 16 46 44z"/></svg>';

// The fixed wording of each language.
const UI = {
  fr: {
    labels: {
      first_name: 'Votre prénom',
      last_name: 'Votre nom',
      email: 'Votre adresse e-mail',
      phone: 'Votre numéro de téléphone',
      company: 'Votre entreprise',
      position: 'Votre fonction',
    } satisfies Record<TOptinFieldName, string>,
    placeholders: {
      first_name: 'Camille',
      last_name: 'Martin',
      email: 'vous@exemple.fr',
      phone: '06 12 34 56 78',
      company: 'Nom de votre activité',
      position: 'Coach, consultante, fondateur…',
    } satisfies Record<TOptinFieldName, string>,
    optional: '(facultatif)',
    session: 'Choisissez votre session',
    sessionPlaceholder: 'Sélectionnez une date',
    privacy: 'Vos données restent confidentielles. Aucun spam.',
    units: { days: 'jours', hours: 'heures', minutes: 'min', seconds: 'sec' },
    rights: 'Tous droits réservés.',
    legal: 'Mentions légales',
    privacyPolicy: 'Politique de confidentialité',
    terms: 'Conditions générales de vente',
    stars: 'Note : 5 sur 5',
    testimonialsComment: 'Témoignages d’exemple : remplacez-les par de vrais avis de vos clients (prénom, activité, résultat) avant de publier.',
    videoComment: 'Vidéo : remplacez data-video par l’identifiant de votre vidéo YouTube (ou data-provider="vimeo" et son identifiant).',
  },
  en: {
    labels: {
      first_name: 'First name',
      last_name: 'Last name',
      email: 'Email address',
      phone: 'Phone number',
      company: 'Company',
      position: 'Job title',
    } satisfies Record<TOptinFieldName, string>,
    placeholders: {
      first_name: 'Alex',
      last_name: 'Taylor',
      email: 'you@example.com',
      phone: '+44 7700 900123',
      company: 'Your business name',
      position: 'Coach, consultant, founder…',
    } satisfies Record<TOptinFieldName, string>,
    optional: '(optional)',
    session: 'Choose your session',
    sessionPlaceholder: 'Select a date',
    privacy: 'Your details stay private. No spam, ever.',
    units: { days: 'days', hours: 'hours', minutes: 'min', seconds: 'sec' },
    rights: 'All rights reserved.',
    legal: 'Legal notice',
    privacyPolicy: 'Privacy policy',
    terms: 'Terms of sale',
    stars: 'Rated 5 out of 5',
    testimonialsComment: 'Sample testimonials: replace them with real reviews from your clients (first name, business, result) before publishing.',
    videoComment: 'Video: replace data-video with your YouTube video id (or data-provider="vimeo" and its id).',
  },
} as const;

/** The brand shown in the top bar and footer until the user puts theirs. */
export const BRAND = { fr: 'Votre Marque', en: 'Your Brand' } as const;

/** The video id the user replaces (shaped like a YouTube id, so the page renders until then). */
export const VIDEO_PLACEHOLDER_ID = { fr: 'VOTRE_VIDEO', en: 'YOURVIDEOID' } as const;

// Structure

export function topbar(lang: TLang, note?: { icon: TIconName; text: string }): string {
  const noteHtml = note ? `<span class="mk-topbar-note">${icon(note.icon)}${note.text}</span>` : '';
  return `<header class="mk-topbar"><div class="mk-container"><span class="mk-brand"><span class="mk-brand-mark">${icon('zap')}</span>${BRAND[lang]}</span>${noteHtml}</div></header>`;
}

export function announce(text: string): string {
  return `<div class="mk-announce"><div class="mk-container">${text}</div></div>`;
}

export function footer(lang: TLang, options: { terms?: boolean } = {}): string {
  const ui = UI[lang];
  const links = [ui.legal, ui.privacyPolicy, ...(options.terms ? [ui.terms] : [])].map((label) => `<a href="#">${label}</a>`).join('');
  return `<footer class="mk-footer"><div class="mk-container"><p>© ${BRAND[lang]}. ${ui.rights}</p><nav>${links}</nav></div></footer>`;
}

export function section(inner: string, options: { variant?: 'alt' | 'tint'; narrow?: boolean; tight?: boolean; id?: string } = {}): string {
  const classes = ['mk-section', options.variant ? `mk-section--${options.variant}` : '', options.tight ? 'mk-section--tight' : ''].filter(Boolean).join(' ');
  const container = options.narrow ? 'mk-container mk-narrow' : 'mk-container';
  return `<section class="${classes}"${options.id ? ` id="${options.id}"` : ''}><div class="${container}">${inner}</div></section>`;
}

export function heading(title: string, intro?: string, eyebrowText?: string): string {
  return `<div class="mk-heading">${eyebrowText ? eyebrow(eyebrowText) : ''}<h2>${title}</h2>${intro ? `<p>${intro}</p>` : ''}</div>`;
}

export function eyebrow(text: string, iconName?: TIconName): string {
  return `<p class="mk-eyebrow">${iconName ? icon(iconName) : ''}${text}</p>`;
}

export function liveEyebrow(text: string): string {
  return `<p class="mk-eyebrow"><span class="mk-dot"></span>${text}</p>`;
}

// Buttons and links

/** The link to the funnel's next step (the renderer sets its href). */
export function nextStep(label: string, options: { variant?: 'outline' | 'light'; xl?: boolean; block?: boolean } = {}): string {
  const classes = ['mk-btn', options.variant ? `mk-btn--${options.variant}` : '', options.xl ? 'mk-btn--xl' : '', options.block ? 'mk-btn--block' : '']
    .filter(Boolean)
    .join(' ');
  return `<a data-mk="${BLOCK_KINDS.nextStep}" href="#" class="${classes}">${label}${icon('arrow')}</a>`;
}

export function btnNote(text: string): string {
  return `<p class="mk-btn-note">${text}</p>`;
}

// Lists and cards

export function checklist(items: readonly string[]): string {
  return `<ul class="mk-checklist">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

export function painlist(items: readonly string[]): string {
  return `<ul class="mk-painlist">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

export function heroPoints(items: readonly { icon: TIconName; text: string }[]): string {
  return `<ul class="mk-hero-points">${items.map((item) => `<li>${icon(item.icon)}${item.text}</li>`).join('')}</ul>`;
}

export function meta(items: readonly { icon: TIconName; text: string }[]): string {
  return `<ul class="mk-meta">${items.map((item) => `<li>${icon(item.icon)}<span>${item.text}</span></li>`).join('')}</ul>`;
}

export type TFeature = { icon: TIconName; title: string; text: string };

export function features(items: readonly TFeature[], columns: 2 | 3 = 3): string {
  const cards = items.map(
    (item) => `<div class="mk-card"><div class="mk-feature-icon">${icon(item.icon)}</div><h3>${item.title}</h3><p>${item.text}</p></div>`,
  );
  return `<div class="mk-grid mk-grid--${columns}">${cards.join('')}</div>`;
}

export type TModule = { title: string; text: string };

/** Numbered modules of a programme, as cards. */
export function modules(items: readonly TModule[], columns: 2 | 3 = 2): string {
  const cards = items.map(
    (item, i) =>
      `<div class="mk-card mk-module"><span class="mk-module-num">${String(i + 1).padStart(2, '0')}</span><div><h3>${item.title}</h3><p>${item.text}</p></div></div>`,
  );
  return `<div class="mk-grid mk-grid--${columns}">${cards.join('')}</div>`;
}

export function steps(items: readonly { title: string; text: string }[], row = false): string {
  return `<ol class="mk-steps${row ? ' mk-steps--row' : ''}">${items.map((item) => `<li><h3>${item.title}</h3><p>${item.text}</p></li>`).join('')}</ol>`;
}

export function stats(items: readonly { value: string; label: string }[]): string {
  return `<ul class="mk-stats">${items.map((item) => `<li><strong>${item.value}</strong><span>${item.label}</span></li>`).join('')}</ul>`;
}

export function noteBox(iconName: TIconName, text: string): string {
  return `<div class="mk-note-box">${icon(iconName)}<p>${text}</p></div>`;
}

export function successMark(): string {
  return `<div class="mk-success">${icon('check')}</div>`;
}

// Social proof

export type TTestimonial = { quote: string; name: string; role: string };

/** Testimonial cards (sample ones: a comment in the markup says to replace them). */
export function testimonials(lang: TLang, items: readonly TTestimonial[]): string {
  const stars = `<div class="mk-stars" role="img" aria-label="${attr(UI[lang].stars)}">${icon('star').repeat(5)}</div>`;
  const cards = items.map((item, i) => {
    const initial = item.name.trim().charAt(0).toUpperCase();
    const variant = i % 3 === 0 ? '' : ` mk-avatar--${(i % 3) + 1}`;
    return `<figure class="mk-card mk-quote">${stars}<blockquote>${item.quote}</blockquote><figcaption class="mk-person"><span class="mk-avatar${variant}" aria-hidden="true">${initial}</span><span><strong>${item.name}</strong><span class="mk-person-role">${item.role}</span></span></figcaption></figure>`;
  });
  const columns = items.length % 3 === 0 ? 3 : 2;
  return `<!-- ${UI[lang].testimonialsComment} -->\n<div class="mk-grid mk-grid--${columns}">${cards.join('')}</div>`;
}

export function bio(options: { title: string; name: string; role: string; paragraphs: readonly string[] }): string {
  return `<div class="mk-bio"><div class="mk-bio-photo">${PERSON_SVG}</div><div>${eyebrow(options.title)}<h2>${options.name}</h2><p class="mk-lead">${options.role}</p>${options.paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
}

export function faq(items: readonly { q: string; a: string }[]): string {
  return `<div class="mk-faq">${items.map((item) => `<details><summary>${item.q}</summary><p>${item.a}</p></details>`).join('')}</div>`;
}

/** A guarantee: a seal with the number of days, a title and its terms. */
export function guarantee(options: { days: number; daysLabel: string; title: string; text: string }): string {
  const seal = `<svg class="mk-seal" viewBox="0 0 120 120" width="112" height="112" aria-hidden="true" focusable="false"><circle cx="60" cy="60" r="56" fill="currentColor" opacity="0.12"/><circle cx="60" cy="60" r="46" fill="none" stroke="currentColor" stroke-width="3" stroke-dasharray="4 5"/><text x="60" y="64" text-anchor="middle" font-size="34">${options.days}</text><text x="60" y="84" text-anchor="middle" font-size="11" letter-spacing="2">${options.daysLabel}</text></svg>`;
  return `<div class="mk-guarantee">${seal}<div><h2>${options.title}</h2><p>${options.text}</p></div></div>`;
}

// Functional blocks (contracts/funnel-blocks.ts)

export type TFormField = TOptinFieldName | { name: TOptinFieldName; optional: true };

/**
 * An opt-in form (or a webinar registration form, which adds the session picker the renderer fills): labelled
 * inputs named as the contract says, the consent checkbox and its text, the language's messages, a submit button.
 */
export function optinForm(
  lang: TLang,
  options: { kind?: 'optin' | 'webinar'; fields: readonly TFormField[]; consent: string; submit: string; formId: string },
): string {
  const ui = UI[lang];
  const messages = DEFAULT_FORM_MESSAGES[lang];
  const kind = options.kind === 'webinar' ? BLOCK_KINDS.webinarForm : BLOCK_KINDS.optinForm;
  const fields = options.fields.map((field) => {
    const name = typeof field === 'string' ? field : field.name;
    const required = typeof field === 'string';
    const type = name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text';
    const autocomplete = {
      first_name: 'given-name',
      last_name: 'family-name',
      email: 'email',
      phone: 'tel',
      company: 'organization',
      position: 'organization-title',
    }[name];
    const id = `${options.formId}-${name.replace('_', '-')}`;
    const label = `${ui.labels[name]}${required ? '' : ` <span>${ui.optional}</span>`}`;
    return `<div class="mk-field"><label for="${id}">${label}</label><input class="mk-input" id="${id}" type="${type}" name="${name}" autocomplete="${autocomplete}" placeholder="${attr(ui.placeholders[name])}"${required ? ' required' : ''}></div>`;
  });
  if (options.kind === 'webinar') {
    const id = `${options.formId}-session`;
    fields.push(
      `<div class="mk-field"><label for="${id}">${ui.session}</label><select class="mk-input" id="${id}" name="session" required><option value="">${ui.sessionPlaceholder}</option></select></div>`,
    );
  }
  const consent = `<label class="mk-consent"><input type="checkbox" name="${CONSENT_INPUT_NAME}" required><span ${CONSENT_TEXT_ATTRIBUTE}>${options.consent}</span></label>`;
  const msgs = (Object.keys(FORM_MESSAGE_ATTRIBUTES) as (keyof typeof FORM_MESSAGE_ATTRIBUTES)[])
    .map((key) => `${FORM_MESSAGE_ATTRIBUTES[key]}="${attr(messages[key])}"`)
    .join(' ');
  return `<form data-mk="${kind}" class="mk-form" ${msgs}>${fields.join('')}${consent}<button type="submit" class="mk-btn mk-btn--block mk-btn--xl">${options.submit}${icon('arrow')}</button><p class="mk-form-note">${icon('lock')}${ui.privacy}</p></form>`;
}

export type TCountdownUnit = 'days' | 'hours' | 'minutes' | 'seconds';

/** A countdown: per visitor (`minutes` from their first view) or to a fixed date. */
export function countdown(
  lang: TLang,
  options: ({ minutes: number } | { until: string }) & { units: readonly TCountdownUnit[]; expiredText: string; title?: string },
): string {
  const mode = 'minutes' in options ? `data-mode="evergreen" data-minutes="${options.minutes}"` : `data-mode="fixed" data-until="${attr(options.until)}"`;
  // What shows before the renderer starts counting: the evergreen duration (units listed largest first), or zeros.
  const unitSeconds = { days: 86_400, hours: 3600, minutes: 60, seconds: 1 } as const;
  let rest = 'minutes' in options ? options.minutes * 60 : 0;
  const start = options.units.map((unit) => {
    const value = Math.floor(rest / unitSeconds[unit]);
    rest -= value * unitSeconds[unit];
    return String(value).padStart(2, '0');
  });
  const units = options.units.map(
    (unit, i) =>
      `<div class="mk-countdown-unit"><span class="mk-countdown-value" data-unit="${unit}">${start[i]}</span><span class="mk-countdown-label">${UI[lang].units[unit]}</span></div>`,
  );
  const title = options.title ? `<p class="mk-countdown-title">${options.title}</p>` : '';
  return `${title}<div data-mk="${BLOCK_KINDS.countdown}" class="mk-countdown" ${mode} data-expired-text="${attr(options.expiredText)}">${units.join('')}</div>`;
}

/** A video block with a poster (play button, title, duration) that shows until the renderer writes the player. */
export function video(lang: TLang, options: { title: string; duration: string }): string {
  return `<!-- ${UI[lang].videoComment} -->\n<div data-mk="${BLOCK_KINDS.video}" data-provider="youtube" data-video="${VIDEO_PLACEHOLDER_ID[lang]}" class="mk-video"><div class="mk-video-poster"><span class="mk-video-play">${icon('play')}</span><span class="mk-video-title">${options.title}</span><span class="mk-video-meta">${icon('clock')}${options.duration}</span></div><span class="mk-video-bar"></span></div>`;
}

/** Hidden until the page's video has played `after` seconds (the VSL's delayed call to action). */
export function reveal(after: number, inner: string): string {
  return `<div data-mk="${BLOCK_KINDS.reveal}" data-after="${after}" class="mk-reveal">${inner}</div>`;
}

/** The order form's place: an order summary, then the payment area that funnels part 2 fills. */
export function orderForm(options: {
  summaryTitle: string;
  lines: readonly { label: string; value: string; muted?: boolean }[];
  total: { label: string; value: string };
  title: string;
  text: string;
  trust: readonly { icon: TIconName; text: string }[];
}): string {
  const lines = options.lines.map(
    (line) => `<div class="mk-line${line.muted ? ' mk-line--muted' : ''}"><span>${line.label}</span><span>${line.value}</span></div>`,
  );
  const summary = `<div class="mk-card mk-order-summary"><h2>${options.summaryTitle}</h2>${lines.join('')}<div class="mk-line mk-line--total"><span>${options.total.label}</span><span>${options.total.value}</span></div></div>`;
  const trust = `<ul class="mk-trust">${options.trust.map((item) => `<li>${icon(item.icon)}${item.text}</li>`).join('')}</ul>`;
  const form = `<div data-mk="${BLOCK_KINDS.orderForm}" class="mk-order-form"><span class="mk-order-lock">${icon('lock')}</span><h2>${options.title}</h2><p>${options.text}</p>${trust}</div>`;
  return `<div class="mk-order">${summary}${form}</div>`;
}

/** The upsell's (or downsell's) accept and decline links. */
export function upsellActions(options: { accept: string; acceptNote: string; decline: string }): string {
  return `<div class="mk-upsell-actions"><a data-mk="${BLOCK_KINDS.upsellAccept}" href="#" class="mk-btn mk-btn--xl mk-btn--block"><span>${options.accept}</span><small>${options.acceptNote}</small></a><a data-mk="${BLOCK_KINDS.upsellDecline}" href="#" class="mk-decline">${options.decline}</a></div>`;
}

export function progress(items: readonly { label: string; state: 'done' | 'current' | 'todo' }[]): string {
  return `<ol class="mk-progress">${items.map((item) => `<li${item.state === 'todo' ? '' : ` class="is-${item.state}"`}>${item.label}</li>`).join('')}</ol>`;
}

export type TPriceCard = {
  name: string;
  description: string;
  price: string;
  period?: string;
  oldPrice?: string;
  note?: string;
  features: readonly string[];
  cta: string;
  featured?: boolean;
  badge?: string;
};

/** A pricing table; each card's button goes to the next step. */
export function pricing(cards: readonly TPriceCard[]): string {
  const html = cards.map((card) => {
    const badge = card.badge ? `<span class="mk-price-badge">${card.badge}</span>` : '';
    const price = `<div class="mk-price">${card.oldPrice ? `<span class="mk-price-old">${card.oldPrice}</span>` : ''}<span class="mk-price-amount">${card.price}</span>${card.period ? `<span class="mk-price-period">${card.period}</span>` : ''}</div>`;
    const note = card.note ? `<p class="mk-price-note">${card.note}</p>` : '';
    return `<div class="mk-price-card${card.featured ? ' mk-price-card--featured' : ''}">${badge}<p class="mk-price-name">${card.name}</p><p class="mk-price-desc">${card.description}</p>${price}${note}${checklist(card.features)}${nextStep(card.cta, card.featured ? {} : { variant: 'outline' })}</div>`;
  });
  return `<div class="mk-pricing mk-pricing--${cards.length === 2 ? 2 : 3}">${html.join('')}</div>`;
}

// Typography and pages

/**
 * Typographic finish of the copy's text (never of tags or attributes): curly apostrophes and a non-breaking space
 * between a number and its word ("7 leviers") in both languages, and in French the non-breaking spaces before
 * : ; ! ? », after «, before € and %, and in numbers (2 000).
 */
export function typeset(lang: TLang, html: string): string {
  return html.replace(/>([^<]+)</g, (_match, text: string) => {
    let out = text.replace(/([\p{L}\d])'(?=[\p{L}\d])/gu, '$1’').replace(/(^|[\s(])(\d+) (?=\p{L})/gu, '$1$2\u00a0');
    if (lang === 'fr') {
      out = out
        .replace(/ ([!?;])/g, '\u202f$1')
        .replace(/ ([:»])/g, '\u00a0$1')
        .replace(/« /g, '«\u00a0')
        .replace(/n° /g, 'n°\u00a0')
        .replace(/(\d) (€|%|h\b|min\b)/g, '$1\u00a0$2')
        .replace(/(\d) (\d{3})(?!\d)/g, '$1\u202f$2');
    }
    return `>${out}<`;
  });
}

/** One template page: the body markup wrapped in the themed root, typeset, with the theme's CSS. */
export function templatePage(
  lang: TLang,
  theme: TTemplateTheme,
  page: {
    name: string;
    page_type: TFunnelPageType;
    slug: string;
    seo_title: string;
    seo_description: string;
    body: readonly string[];
    css?: string;
    members_only?: boolean;
  },
): TTemplatePage {
  return {
    ...(page.members_only ? { members_only: true } : {}),
    name: page.name,
    page_type: page.page_type,
    slug: page.slug,
    html: typeset(lang, `<div class="mk-page">\n${page.body.join('\n')}\n</div>`),
    css: pageCss(theme, page.css),
    seo_title: page.seo_title,
    seo_description: page.seo_description,
  };
}

// Illustrations (HTML and CSS, so their words stay editable in the builder)

/** A plain button link (an anchor on the page, or a file the user links). */
export function linkButton(label: string, href: string, options: { icon?: TIconName; variant?: 'outline' | 'light'; xl?: boolean } = {}): string {
  const classes = ['mk-btn', options.variant ? `mk-btn--${options.variant}` : '', options.xl ? 'mk-btn--xl' : ''].filter(Boolean).join(' ');
  return `<a href="${attr(href)}" class="${classes}">${label}${icon(options.icon ?? 'arrow')}</a>`;
}

/** A book cover in perspective, for a guide or an e-book. */
export function bookMockup(options: { kicker: string; title: string; foot: string }): string {
  return `<div class="mk-book-wrap" aria-hidden="true"><div class="mk-book"><span class="mk-book-kicker">${options.kicker}</span><span class="mk-book-title">${options.title}</span><span class="mk-book-foot"><span>${options.foot}</span>${icon('book')}</span></div></div>`;
}

/** An app window with tiles (a members' area, a course's modules). */
export function windowMockup(options: { title: string; tiles: readonly { icon: TIconName; label: string }[]; framed?: boolean }): string {
  const tiles = options.tiles.map((tile) => `<div class="mk-tile"><div class="mk-tile-thumb">${icon(tile.icon)}</div>${tile.label}</div>`).join('');
  const win = `<div class="mk-window" aria-hidden="true"><div class="mk-window-bar"><span></span><span></span><span></span></div><div class="mk-window-title">${options.title}</div><div class="mk-window-body">${tiles}</div></div>`;
  return options.framed ? `<div class="mk-showcase">${win}</div>` : win;
}

/** The product of an upsell, as a coloured card. */
export function upsellVisual(options: { icon: TIconName; title: string; text: string }): string {
  return `<div class="mk-upsell-visual">${icon(options.icon)}<strong>${options.title}</strong><span>${options.text}</span></div>`;
}

/** An anchor target's form card (the page's one form, with a title and a line above it). */
export function formCard(options: { id: string; title: string; text: string; form: string }): string {
  return `<div class="mk-form-card" id="${options.id}"><h2>${options.title}</h2><p>${options.text}</p>${options.form}</div>`;
}

/** A dark call-to-action box at the bottom of a page. */
export function ctaBox(inner: string): string {
  return `<div class="mk-cta-box">${inner}</div>`;
}

/** A price line for an offer (old price struck through, new price, note). */
export function priceLine(options: { oldPrice?: string; price: string; note?: string }): string {
  return `<div class="mk-price">${options.oldPrice ? `<span class="mk-price-old">${options.oldPrice}</span>` : ''}<span class="mk-price-amount">${options.price}</span></div>${options.note ? `<p class="mk-price-note">${options.note}</p>` : ''}`;
}
