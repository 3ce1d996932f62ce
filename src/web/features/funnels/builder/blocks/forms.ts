import {
  BLOCK_ATTRIBUTE,
  BLOCK_KINDS,
  CONSENT_INPUT_NAME,
  CONSENT_TEXT_ATTRIBUTE,
  DEFAULT_FORM_MESSAGES,
  FORM_MESSAGE_ATTRIBUTES,
  type TFormMessageKey,
} from '../../../../../contracts/funnel-blocks.js';
import type { TFunnelLanguage } from '../../../../../contracts/funnels.js';
import { PHONE_MEDIA } from './base-css.js';
import type { TBlockTexts, TBuilderBlock } from './block-types.js';
import { ICONS } from './icons.js';
import { CHECK_ICON, esc } from './markup.js';

// The opt-in and webinar registration forms, written to the contract of funnel-blocks.ts: `<form data-mk=…>`, inputs
// named after the lead's fields, the consent checkbox with its text marked, the messages as data-msg-* attributes.
// Each field is a <label data-mk-field="…"> around its text and input (the renderer takes the label's text as the
// field's name; the attribute lets the form's settings find the field again).

/** The lead fields an opt-in form may ask for, in the order they appear. Email is always there. */
export const FORM_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'company'] as const;
export type TFormField = (typeof FORM_FIELDS)[number];
/** The fields the user chooses to show or not. */
export const OPTIONAL_FORM_FIELDS = ['first_name', 'last_name', 'phone', 'company'] as const satisfies readonly TFormField[];
export const FIELD_ATTRIBUTE = 'data-mk-field';
export const CONSENT_FIELD = 'consent';
export const SESSION_FIELD = 'session';

const INPUTS: Record<TFormField, { type: string; autocomplete: string }> = {
  first_name: { type: 'text', autocomplete: 'given-name' },
  last_name: { type: 'text', autocomplete: 'family-name' },
  email: { type: 'email', autocomplete: 'email' },
  phone: { type: 'tel', autocomplete: 'tel' },
  company: { type: 'text', autocomplete: 'organization' },
};

const CSS = `
.mk-optin{background-color:#f8fafc;}
.mk-form-card{max-width:520px;margin:0 auto;padding:32px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:16px;box-shadow:0 12px 32px rgba(15,23,42,0.08);}
.mk-form-title{margin:0 0 8px;font-size:1.6rem;line-height:1.25;font-weight:800;color:#111827;text-align:center;}
.mk-form-lead{margin:0 0 24px;color:#52606d;text-align:center;}
.mk-form{display:flex;flex-direction:column;gap:14px;margin:0;}
.mk-field{display:flex;flex-direction:column;gap:6px;font-size:0.95rem;font-weight:600;color:#374151;}
.mk-input{font-family:inherit;font-size:1rem;font-weight:400;padding:12px 14px;border:1px solid #d1d5db;border-radius:8px;background-color:#ffffff;color:#111827;}
.mk-consent{display:flex;gap:10px;align-items:flex-start;font-size:0.85rem;line-height:1.45;color:#4b5563;}
.mk-consent input{margin-top:3px;}
.mk-form-note{margin:14px 0 0;font-size:0.8rem;color:#6b7280;text-align:center;}
.mk-webinar{background-color:#f8fafc;}
.mk-webinar-grid{display:grid;grid-template-columns:1.1fr 1fr;gap:48px;align-items:center;}
.mk-webinar-title{margin:0 0 12px;font-size:2.2rem;line-height:1.15;font-weight:800;color:#111827;}
.mk-webinar-when{display:inline-block;margin:0 0 20px;padding:6px 12px;border-radius:8px;background-color:#fef3c7;color:#92400e;font-weight:700;font-size:0.95rem;}
.mk-bullets{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px;}
.mk-bullet{display:flex;gap:10px;align-items:flex-start;}
@media ${PHONE_MEDIA}{.mk-form-card{padding:22px;}.mk-webinar-grid{grid-template-columns:1fr;gap:28px;}.mk-webinar-title{font-size:1.7rem;}}
`;

/** One field: its label text around its input. */
export function fieldMarkup(name: TFormField, label: string, placeholder: string, required: boolean): string {
  const { type, autocomplete } = INPUTS[name];
  return (
    `<label class="mk-field" ${FIELD_ATTRIBUTE}="${name}"><span class="mk-field-label">${esc(label)}</span>` +
    `<input class="mk-input" type="${type}" name="${name}" autocomplete="${autocomplete}" placeholder="${esc(placeholder)}"${required ? ' required' : ''}></label>`
  );
}

/** The consent checkbox; its text is what the lead's consent record keeps. */
export function consentMarkup(text: string, required: boolean): string {
  return (
    `<label class="mk-consent" ${FIELD_ATTRIBUTE}="${CONSENT_FIELD}"><input type="checkbox" name="${CONSENT_INPUT_NAME}"${required ? ' required' : ''}>` +
    `<span ${CONSENT_TEXT_ATTRIBUTE}="">${esc(text)}</span></label>`
  );
}

/** A field's label and placeholder in the page's language. */
export function fieldTexts(page: TBlockTexts['page'], name: TFormField): { label: string; placeholder: string } {
  return { label: page(`funnelBuilder.content.form.fields.${name}.label`), placeholder: page(`funnelBuilder.content.form.fields.${name}.placeholder`) };
}

function messageAttributes(language: TFunnelLanguage): string {
  const messages = DEFAULT_FORM_MESSAGES[language];
  return (Object.keys(FORM_MESSAGE_ATTRIBUTES) as TFormMessageKey[]).map((key) => `${FORM_MESSAGE_ATTRIBUTES[key]}="${esc(messages[key])}"`).join(' ');
}

function formMarkup(kind: string, inner: string, language: TFunnelLanguage): string {
  return `<form ${BLOCK_ATTRIBUTE}="${kind}" class="mk-form" ${messageAttributes(language)}>${inner}</form>`;
}

function submit(label: string): string {
  return `<button type="submit" class="mk-button mk-button-lg mk-button-block">${esc(label)}</button>`;
}

/** The opt-in form (first name and email to start with) and the webinar registration with its session picker. */
export function formBlocks({ ui, page }: TBlockTexts, language: TFunnelLanguage): TBuilderBlock[] {
  const field = (name: TFormField, required: boolean) => {
    const { label, placeholder } = fieldTexts(page, name);
    return fieldMarkup(name, label, placeholder, required);
  };
  const consent = consentMarkup(page('funnelBuilder.content.form.consent'), true);
  const optin =
    `<section class="mk-section mk-optin"><div class="mk-container"><div class="mk-form-card">` +
    `<h2 class="mk-form-title">${esc(page('funnelBuilder.content.optin.title'))}</h2>` +
    `<p class="mk-form-lead">${esc(page('funnelBuilder.content.optin.lead'))}</p>` +
    formMarkup(
      BLOCK_KINDS.optinForm,
      field('first_name', false) + field('email', true) + consent + submit(page('funnelBuilder.content.optin.button')),
      language,
    ) +
    `<p class="mk-form-note">${esc(page('funnelBuilder.content.optin.note'))}</p>` +
    `</div></div></section>`;
  const session =
    `<label class="mk-field" ${FIELD_ATTRIBUTE}="${SESSION_FIELD}"><span class="mk-field-label">${esc(page('funnelBuilder.content.webinar.session'))}</span>` +
    `<select class="mk-input" name="${SESSION_FIELD}" required><option value="">${esc(page('funnelBuilder.content.webinar.sessionPlaceholder'))}</option></select></label>`;
  const bullets = (['point1', 'point2', 'point3'] as const)
    .map((point) => `<li class="mk-bullet">${CHECK_ICON}<span>${esc(page(`funnelBuilder.content.webinar.${point}`))}</span></li>`)
    .join('');
  const webinar =
    `<section class="mk-section mk-webinar"><div class="mk-container mk-webinar-grid"><div>` +
    `<p class="mk-webinar-when">${esc(page('funnelBuilder.content.webinar.when'))}</p>` +
    `<h2 class="mk-webinar-title">${esc(page('funnelBuilder.content.webinar.title'))}</h2>` +
    `<ul class="mk-bullets">${bullets}</ul></div>` +
    `<div class="mk-form-card">` +
    formMarkup(
      BLOCK_KINDS.webinarForm,
      field('first_name', true) + field('email', true) + session + submit(page('funnelBuilder.content.webinar.button')),
      language,
    ) +
    `</div></div></section>`;
  return [
    { id: 'mk-optin', category: 'conversion', label: ui('funnelBuilder.blocks.optin'), media: ICONS.optin, html: optin, css: CSS },
    { id: 'mk-webinar', category: 'conversion', label: ui('funnelBuilder.blocks.webinar'), media: ICONS.webinar, html: webinar, css: CSS },
  ];
}
