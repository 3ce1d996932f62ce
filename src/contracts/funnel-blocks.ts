// The markup contract between the page builder (web), the templates (server) and the public renderer: which HTML
// elements and `data-mk` attributes a funnel page uses for what the public server must make work (forms, next-step
// buttons, countdowns, videos, delayed calls to action). Plain HTML and CSS otherwise: a page written elsewhere and
// pasted in works, and a page's look is entirely the builder's.

/** The attribute that marks one of our blocks; its value is one of BLOCK_KINDS. */
export const BLOCK_ATTRIBUTE = 'data-mk';

export const BLOCK_KINDS = {
  /**
   * An opt-in form: `<form data-mk="optin-form">` with inputs named as OPTIN_FIELD_NAMES (or `cf.<custom field key>`),
   * `required` where needed, and optionally a consent checkbox `<input type="checkbox" name="consent">` whose text is the
   * element marked `data-mk-consent-text` (stored with the lead's consent). The form's own messages, in the page's
   * language, are its `data-msg-*` attributes (FORM_MESSAGE_ATTRIBUTES). The renderer sets its action and method and
   * adds the honeypot; on success the visitor goes to the next step.
   */
  optinForm: 'optin-form',
  /**
   * A webinar registration form: an opt-in form that also picks the session (`<select name="session">`). The renderer
   * leaves an empty list out; our webinar script puts it back filled with the sessions offered at the visit (a form
   * posted without one registers for the next session).
   */
  webinarForm: 'webinar-form',
  /**
   * The watch page's states, each shown alone by our webinar script for the visitor's `?t=<token>`:
   * `<div data-mk="webinar-state" data-state="before|live|replay|ended|invalid">` (hidden until then).
   */
  webinarState: 'webinar-state',
  /** Where the script writes the session's player (live and replay states): `<div data-mk="webinar-video">`. */
  webinarVideo: 'webinar-video',
  /** Text the script fills: `<span data-mk="webinar-field" data-field="starts_at|replay_until">`. */
  webinarField: 'webinar-field',
  /** A link the script points at the visitor's watch page (`data-link="watch"`) or the registration page (`register`). */
  webinarLink: 'webinar-link',
  /** A countdown to the session's start (the countdown block's markup; the script sets its end). */
  webinarCountdown: 'webinar-countdown',
  /** A link to the funnel's next step: `<a data-mk="next-step">`; the renderer sets its href. */
  nextStep: 'next-step',
  /**
   * A countdown: `<div data-mk="countdown" data-mode="fixed" data-until="2026-12-31T20:00:00+01:00">` or
   * `data-mode="evergreen" data-minutes="30"` (per visitor, from their first view), with children marked
   * `data-unit="days|hours|minutes|seconds"`; `data-expired-text` replaces it at zero.
   */
  countdown: 'countdown',
  /**
   * A video: `<div data-mk="video" data-provider="youtube|vimeo|file" data-video="<id or file URL>">`; the renderer
   * writes the player (a privacy-enhanced embed, or a <video> for an uploaded MP4).
   */
  video: 'video',
  /**
   * Hidden until the page's video has played `data-after` seconds (an uploaded MP4: its real playing time; an embed:
   * time on the page since it was shown), for the VSL's delayed call to action.
   */
  reveal: 'reveal',
  /**
   * Payments (commerce's checkout script, what is sold being the step's offer): `<div data-mk="order-form">` is
   * replaced by the order form (product, order bump, buyer, card); on an upsell or downsell page, `<a data-mk="upsell-accept">`
   * charges the saved card in one click and `<a data-mk="upsell-decline">` goes on without buying.
   */
  orderForm: 'order-form',
  upsellAccept: 'upsell-accept',
  upsellDecline: 'upsell-decline',
} as const;
export type TBlockKind = (typeof BLOCK_KINDS)[keyof typeof BLOCK_KINDS];

/** Input names an opt-in form may use for the lead's own fields; custom fields are `cf.<key>`. */
export const OPTIN_FIELD_NAMES = ['email', 'first_name', 'last_name', 'phone', 'company', 'position'] as const;
export type TOptinFieldName = (typeof OPTIN_FIELD_NAMES)[number];
export const CUSTOM_FIELD_INPUT_PREFIX = 'cf.';
export const CONSENT_INPUT_NAME = 'consent';
export const CONSENT_TEXT_ATTRIBUTE = 'data-mk-consent-text';

/** The form's messages shown to the visitor, in the page's language; the renderer supplies defaults. */
export const FORM_MESSAGE_ATTRIBUTES = {
  required: 'data-msg-required',
  email: 'data-msg-email',
  consent: 'data-msg-consent',
  error: 'data-msg-error',
} as const;
export type TFormMessageKey = keyof typeof FORM_MESSAGE_ATTRIBUTES;

/** The default messages when a form has none of its own. */
export const DEFAULT_FORM_MESSAGES: Record<'fr' | 'en', Record<TFormMessageKey, string>> = {
  fr: {
    required: 'Ce champ est obligatoire.',
    email: 'Saisissez une adresse e-mail valide.',
    consent: 'Cochez la case pour continuer.',
    error: "L'envoi n'a pas abouti. Réessayez dans un instant.",
  },
  en: {
    required: 'This field is required.',
    email: 'Enter a valid email address.',
    consent: 'Tick the box to continue.',
    error: 'Sending failed. Please try again in a moment.',
  },
};
