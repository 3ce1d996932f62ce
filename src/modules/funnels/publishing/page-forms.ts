import type { TFormMessageKey } from '../../../contracts/funnel-blocks.js';

/** One field of a published form, as found in the page's HTML at publication. */
export type TPublishedFormField = {
  /** A lead field (email, first_name…) or `cf.<custom field key>`. */
  name: string;
  required: boolean;
  type: 'email' | 'text' | 'tel' | 'select' | 'textarea';
  /** The label the visitor saw (for error messages and the admin's view of a submission). */
  label: string | null;
};

/** A form of a published page: what the public server checks a submission against (never the posted markup). */
export type TPublishedForm = {
  /** Its place among the page's forms (0-based): the form's action names it. */
  index: number;
  kind: 'optin-form' | 'webinar-form';
  fields: TPublishedFormField[];
  /** The consent checkbox's text as shown, or null when the form has none; `consent_required` when it must be ticked. */
  consent_text: string | null;
  consent_required: boolean;
  messages: Record<TFormMessageKey, string>;
};
