import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../../../../contracts/funnel-blocks.js';

// Markup pieces the blocks share. Texts come from the translations and are escaped here, once.

/** Text made safe for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A full-width band of the page with its centred container. */
export function section(className: string, inner: string, container = 'mk-container'): string {
  return `<section class="mk-section ${className}"><div class="${container}">${inner}</div></section>`;
}

/** A section's title and the sentence under it (a title alone keeps the same distance to what follows). */
export function heading(title: string, lead?: string): string {
  if (!lead) return `<h2 class="mk-title mk-title-solo">${esc(title)}</h2>`;
  return `<h2 class="mk-title">${esc(title)}</h2><p class="mk-lead">${esc(lead)}</p>`;
}

/** A button to the funnel's next step (the public renderer sets its address). */
export function nextStepButton(label: string, extraClass = 'mk-button-lg'): string {
  return `<a ${BLOCK_ATTRIBUTE}="${BLOCK_KINDS.nextStep}" class="mk-button ${extraClass}">${esc(label)}</a>`;
}

/** A check mark for lists of benefits (inline SVG: the product ships no icon font). */
export const CHECK_ICON =
  '<svg class="mk-check" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"/></svg>';

const PLACEHOLDER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 630">' +
  '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#e0e7ff"/><stop offset="1" stop-color="#fce7f3"/></linearGradient></defs>' +
  '<rect width="1200" height="630" fill="url(#g)"/>' +
  '<circle cx="840" cy="210" r="70" fill="#c7d2fe"/>' +
  '<path d="M0 630 330 300l210 210 150-150 510 270z" fill="#a5b4fc"/>' +
  '<path d="M0 630 420 380l240 250z" fill="#818cf8" opacity=".7"/></svg>';

/** A picture to replace, drawn in SVG (no image file to host; data: images are allowed by both CSPs). */
export const PLACEHOLDER_IMAGE = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(PLACEHOLDER_SVG)}`;
