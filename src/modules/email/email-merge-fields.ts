import { liquid, liquidSyntaxError } from '../../platform/mail/liquid.js';
import type { TFieldError } from '../../platform/errors.js';
import { LEAD_MERGE_FIELDS, WORKSPACE_MERGE_FIELDS } from '../../contracts/email-campaigns.js';
import type { TCampaignContent, TMessageContext } from './email-render.js';

// Which names a campaign's templates may use, checked before a send (an unknown name would print nothing in
// 100,000 messages), and the context each message is rendered with.

/** The campaign fields written in Liquid. */
const TEMPLATE_FIELDS = ['subject', 'preheader', 'html_content', 'text_content'] as const;

/** The Liquid syntax errors of the template fields present in `content`, one per faulty field, with line and column. */
export function liquidSyntaxErrors(content: Partial<Record<(typeof TEMPLATE_FIELDS)[number], string | undefined>>): TFieldError[] {
  const errors: TFieldError[] = [];
  for (const field of TEMPLATE_FIELDS) {
    const template = content[field];
    const problem = template ? liquidSyntaxError(template) : null;
    if (problem) {
      const { message, line, column } = problem;
      errors.push({ path: `body.${field}`, message: `invalid Liquid template: ${message}`, code: 'liquid_syntax', params: { line, column } });
    }
  }
  return errors;
}

/**
 * Every merge field a template names that the product does not know: `lead.<field>` outside the lead's fields,
 * `custom.<key>` without a custom field of that key, or a root other than lead, custom, workspace, campaign,
 * unsubscribe_url and webinar. Variables a template assigns or loops over itself are its own.
 */
export function unknownMergeFields(content: TCampaignContent, customKeys: ReadonlySet<string>): TFieldError[] {
  const errors: TFieldError[] = [];
  for (const field of TEMPLATE_FIELDS) {
    const unknown = new Set<string>();
    for (const segments of liquid.globalVariableSegmentsSync(content[field])) {
      const [root, key] = segments.map(String);
      if (!isKnown(root!, key, customKeys)) unknown.add(segments.map(String).join('.'));
    }
    for (const name of unknown) {
      errors.push({ path: `body.${field}`, message: `unknown merge field "${name}"`, code: 'unknown_merge_field', params: { name } });
    }
  }
  return errors;
}

function isKnown(root: string, key: string | undefined, customKeys: ReadonlySet<string>): boolean {
  switch (root) {
    case 'lead':
      return key === undefined || (LEAD_MERGE_FIELDS as readonly string[]).includes(key);
    case 'custom':
      return key === undefined || customKeys.has(key);
    case 'workspace':
      return key === undefined || (WORKSPACE_MERGE_FIELDS as readonly string[]).includes(key);
    case 'campaign':
      return key === undefined || key === 'name';
    case 'unsubscribe_url':
      return key === undefined;
    // A webinar's reminder (its enrollment carries them; empty elsewhere): the session's start and the watch link.
    case 'webinar':
      return key === undefined || key === 'starts_at' || key === 'watch_url';
    default:
      return false;
  }
}

/** Whether a template names a variable (e.g. `unsubscribe_url`, `workspace.postal_address`). */
export function mentions(template: string, path: readonly string[]): boolean {
  return liquid.globalVariableSegmentsSync(template).some((segments) => path.every((part, i) => String(segments[i]) === part));
}

/** A lead row as templates see it: its merge fields only (never notes' neighbours like consent IP). */
export function leadContext(lead: Record<string, unknown>): { lead: Record<string, unknown>; custom: Record<string, unknown> } {
  const picked: Record<string, unknown> = {};
  for (const field of LEAD_MERGE_FIELDS) picked[field] = lead[field] ?? null;
  const custom = (lead.custom_fields ?? {}) as Record<string, unknown>;
  return { lead: picked, custom: { ...custom } };
}

/** A webinar session for the preview and test sends of a sequence's email (its enrollments carry the real ones). */
export function sampleWebinar(publicUrl: string): { starts_at: string; watch_url: string } {
  return { starts_at: 'mardi 12 janvier 2027 à 19:00 UTC+1', watch_url: `${publicUrl}/masterclass/direct?t=exemple` };
}

/** A made-up lead for the preview and test sends when no lead is chosen. */
export const SAMPLE_LEAD: Record<string, unknown> = {
  first_name: 'Marie',
  last_name: 'Dupont',
  email: 'marie.dupont@exemple.fr',
  phone: '+33 6 12 34 56 78',
  company: 'Atelier Dupont',
  job_title: 'Gérante',
  status: 'qualified',
  score: 42,
  source: 'website',
  tags: ['newsletter'],
  custom_fields: {},
};

export type { TMessageContext };
