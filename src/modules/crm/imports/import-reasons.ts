import type { z } from 'zod';
import { CUSTOM_FIELD_PREFIX, FRENCH_HEADERS, type TImportLeadField, type TImportReason } from '../../../contracts/crm-imports.js';

// Why a row was not imported, as codes (stored with the row, returned by the API, translated by the web app)
// and as sentences for the downloadable report, in French or English. The web app has the same sentences in
// src/web/i18n/{fr,en}/crm-import.json (crmImport.reasons).

export type TReportLanguage = 'fr' | 'en';
type TParams = NonNullable<TImportReason['params']>;

/** A reason with its English sentence (the `reason` text kept for API users). */
export type TReasonWithText = TImportReason & { message: string };

/** The translatable part of a zod issue of the lead schema (ZLeadCreateBody). */
export function reasonOfIssue(issue: z.core.$ZodIssue): TReasonWithText {
  const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  const raw = issue as unknown as Record<string, unknown>;
  const params: TParams = {};
  for (const name of ['minimum', 'maximum', 'origin', 'format'] as const) {
    const value = raw[name];
    if (typeof value === 'string' || typeof value === 'boolean') params[name] = value;
    else if (typeof value === 'number' || typeof value === 'bigint') params[name] = Number(value);
  }
  const message = `${issue.path.join('.')}: ${issue.message}`;
  if (field === 'phone' && params.format === 'regex') return { code: 'not_a_phone', field, message };
  return { code: issue.code, ...(field ? { field } : {}), ...(Object.keys(params).length > 0 ? { params } : {}), message };
}

type TSentences = Record<string, (p: TParams) => string>;

const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

const SENTENCES: Record<TReportLanguage, TSentences> = {
  fr: {
    suppressed: () => 'e-mail effacé (liste de suppression RGPD) : ligne ignorée',
    unreadable_row: () => 'la ligne contient un octet nul ou un caractère illisible',
    not_a_number: () => 'saisissez un nombre (par exemple 1 200,50)',
    unknown_status: (p) => `« ${p.value} » n'est pas un statut (Nouveau, Contacté, Qualifié, Proposition, Négociation, Gagné, Perdu)`,
    not_a_member: () => "n'est pas membre de l'espace de travail",
    not_a_boolean: () => 'saisissez Oui ou Non',
    not_an_option: (p) => `choisissez une de ces valeurs : ${list(p.options)}`,
    not_a_date: () => 'saisissez une vraie date (31/12/2026 ou 2026-12-31)',
    text_too_long: (p) => `${p.maximum} caractères au plus`,
    unknown_custom_field: () => "ce champ personnalisé n'existe pas",
    not_a_phone: () => 'saisissez un numéro de téléphone (chiffres, espaces, + . - ( ))',
    invalid_format_email: () => 'adresse e-mail invalide',
    invalid_format_url: () => 'adresse web invalide (https://…)',
    invalid_format_uuid: () => 'identifiant invalide',
    invalid_format: () => 'format invalide',
    too_big_string: (p) => `${p.maximum} caractères au plus`,
    too_big_array: (p) => `${p.maximum} éléments au plus`,
    too_big_number: (p) => `nombre inférieur ou égal à ${p.maximum}`,
    too_small_string: (p) => `${p.minimum} caractère(s) au moins`,
    too_small_number: (p) => `nombre supérieur ou égal à ${p.minimum}`,
    invalid_type: () => "cette valeur n'a pas le bon type",
    invalid_value: () => 'valeur non autorisée',
  },
  en: {
    suppressed: () => 'erased (suppression list): row skipped',
    unreadable_row: () => 'the row contains a NUL byte or an unreadable character',
    not_a_number: () => 'must be a number (e.g. 1 200,50)',
    unknown_status: (p) => `"${p.value}" is not a status (new, contacted, qualified, proposal, negotiation, won, lost, or their French names)`,
    not_a_member: () => 'not a member of this workspace',
    not_a_boolean: () => 'must be yes or no',
    not_an_option: (p) => `must be one of: ${list(p.options)}`,
    not_a_date: () => 'must be a real date (31/12/2026 or 2026-12-31)',
    text_too_long: (p) => `${p.maximum} characters at most`,
    unknown_custom_field: () => 'unknown custom field',
    not_a_phone: () => 'must be a phone number (digits, spaces, + . - ( ))',
    invalid_format_email: () => 'must be a valid email address',
    invalid_format_url: () => 'must be a valid web address (https://…)',
    invalid_format_uuid: () => 'must be an id',
    invalid_format: () => 'invalid format',
    too_big_string: (p) => `${p.maximum} characters at most`,
    too_big_array: (p) => `${p.maximum} items at most`,
    too_big_number: (p) => `must be at most ${p.maximum}`,
    too_small_string: (p) => `${p.minimum} character(s) at least`,
    too_small_number: (p) => `must be at least ${p.minimum}`,
    invalid_type: () => 'wrong type of value',
    invalid_value: () => 'value not allowed',
  },
};

const ENGLISH_FIELDS: Record<TImportLeadField, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  job_title: 'Job title',
  status: 'Status',
  source: 'Source',
  source_url: 'Source URL',
  estimated_value: 'Estimated value',
  tags: 'Tags',
  notes: 'Notes',
  owner_id: 'Owner',
  utm_source: 'UTM source',
  utm_medium: 'UTM medium',
  utm_campaign: 'UTM campaign',
  utm_term: 'UTM term',
  utm_content: 'UTM content',
  lost_reason: 'Lost reason',
};

/** What the report calls a field: the lead field's name in the language, a custom field's label. */
export type TFieldLabels = (field: string) => string;

export function fieldLabels(language: TReportLanguage, customLabels: Map<string, string>): TFieldLabels {
  const names: Record<string, string> = language === 'fr' ? FRENCH_HEADERS : ENGLISH_FIELDS;
  return (field) => (field.startsWith(CUSTOM_FIELD_PREFIX) ? (customLabels.get(field.slice(CUSTOM_FIELD_PREFIX.length)) ?? field) : (names[field] ?? field));
}

/** One reason as a sentence ("E-mail : adresse e-mail invalide"); undefined for a code without one. */
function sentence(reason: TImportReason, language: TReportLanguage, labels: TFieldLabels): string | undefined {
  const params = reason.params ?? {};
  const variant = [reason.code, params.format ?? params.origin].filter((part) => part !== undefined).join('_');
  const say = SENTENCES[language][variant] ?? SENTENCES[language][reason.code];
  if (!say) return undefined;
  const text = say(params);
  if (!reason.field) return text;
  return `${labels(reason.field)}${language === 'fr' ? ' : ' : ': '}${text}`;
}

/**
 * A report row's reason in the language: its codes as sentences, or the stored English text when the row
 * predates codes or one of its codes has no sentence (never lose what the row said).
 */
export function reasonText(stored: { reason: string; reasons: TImportReason[] | null }, language: TReportLanguage, labels: TFieldLabels): string {
  if (!stored.reasons || stored.reasons.length === 0) return stored.reason;
  const sentences = stored.reasons.map((reason) => sentence(reason, language, labels));
  if (sentences.some((s) => s === undefined)) return stored.reason;
  return sentences.join(language === 'fr' ? ' ; ' : '; ');
}
