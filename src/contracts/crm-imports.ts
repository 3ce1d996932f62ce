import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { ZLeadFilterQuery, type TLeadStatus } from './crm.js';

// CSV import and export of leads:
// POST /api/marketing/leads/import (multipart: file, mapping, on_duplicate) -> 202 with the import,
// GET /api/marketing/imports[/:id[/report.csv]], GET /api/marketing/leads/export.csv (filter: ZLeadFilterQuery).

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const ZImportStatus = z.enum(IMPORT_STATUSES);
export type TImportStatus = z.infer<typeof ZImportStatus>;

/** What to do with a row whose email already belongs to a lead. */
export const ON_DUPLICATE = ['skip', 'update'] as const;
export const ZOnDuplicate = z.enum(ON_DUPLICATE);
export type TOnDuplicate = z.infer<typeof ZOnDuplicate>;

/**
 * The lead fields a CSV column can fill (besides `custom.<key>`), in export column order.
 * Export writes exactly these names as headers, so an exported file maps back onto itself.
 */
export const IMPORT_LEAD_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'job_title',
  'status',
  'source',
  'source_url',
  'estimated_value',
  'tags',
  'notes',
  'owner_id',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'lost_reason',
] as const;
export type TImportLeadField = (typeof IMPORT_LEAD_FIELDS)[number];

/**
 * Column headers of the "Excel (France)" export, in French as a French user names them; the import wizard
 * recognizes them (and common variants), so that file imports again too.
 */
export const FRENCH_HEADERS: Record<TImportLeadField, string> = {
  first_name: 'Prénom',
  last_name: 'Nom',
  email: 'E-mail',
  phone: 'Téléphone',
  company: 'Entreprise',
  job_title: 'Poste',
  status: 'Statut',
  source: 'Source',
  source_url: 'URL source',
  estimated_value: 'Montant estimé',
  tags: 'Étiquettes',
  notes: 'Notes',
  owner_id: 'Responsable',
  utm_source: 'UTM source',
  utm_medium: 'UTM support',
  utm_campaign: 'UTM campagne',
  utm_term: 'UTM terme',
  utm_content: 'UTM contenu',
  lost_reason: 'Raison de la perte',
};

/** Export file formats: `standard` re-imports as is (`,`, field names, codes); `excel_fr` opens in Excel in French (`;`, French headers and statuses, decimal commas, owners by email). */
export const EXPORT_FORMATS = ['standard', 'excel_fr'] as const;
export const ZExportFormat = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormat>;

/** GET /api/marketing/leads/export.csv: the leads of a filter, in a format. */
export const ZLeadExportQuery = ZLeadFilterQuery.extend({ format: ZExportFormat.default('standard') });

/** Status names in the Excel (France) export (the import reads them back, as it reads the codes). */
export const FRENCH_STATUS_LABELS: Record<TLeadStatus, string> = {
  new: 'Nouveau',
  contacted: 'Contacté',
  qualified: 'Qualifié',
  proposal: 'Proposition',
  negotiation: 'Négociation',
  won: 'Gagné',
  lost: 'Perdu',
};

/** Prefix of a mapping target or export header naming a custom field: `custom.budget`. */
export const CUSTOM_FIELD_PREFIX = 'custom.';

/** Largest accepted upload (a larger file is a 413). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** The separator export writes between tags; import splits a tags cell on `,` or `|`. */
export const TAGS_SEPARATOR = ', ';

/** CSV header -> lead field (`email`, `custom.<key>`…); an empty target or a missing header is ignored. */
export const ZImportMapping = z.record(z.string().max(500), z.string().max(200));
export type TImportMapping = z.infer<typeof ZImportMapping>;

export const ZLeadImport = z.object({
  id: ZId,
  status: ZImportStatus,
  file_name: z.string(),
  file_size: z.number().int(),
  /** Bytes of the file read so far: bytes_read / file_size is the progress. */
  bytes_read: z.number().int(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  mapping: ZImportMapping,
  on_duplicate: ZOnDuplicate,
  processed_rows: z.number().int(),
  created_count: z.number().int(),
  updated_count: z.number().int(),
  skipped_count: z.number().int(),
  failed_count: z.number().int(),
  /** Rows in the downloadable report: failed rows and rows skipped because the email was erased. */
  report_rows: z.number().int(),
  error: z.string().nullable(),
  created_at: ZTimestamp,
  started_at: ZTimestamp.nullable(),
  finished_at: ZTimestamp.nullable(),
});
export type TLeadImport = z.infer<typeof ZLeadImport>;

export const ZLeadImportList = z.object({ items: z.array(ZLeadImport) });

/** How many of the report's rows GET /api/marketing/imports/:id/problems returns at most (the result screen shows them). */
export const IMPORT_PROBLEMS_MAX = 20;

/**
 * Why a row was not imported, for the client to say in its language: our own codes (IMPORT_REASON_CODES) or
 * zod's issue codes (`invalid_format` with `{ format: 'email' }`, `too_big` with `{ maximum, origin }`…), the
 * field it is about (a lead field or `custom.<key>`, none for the whole row) and the sentence's parameters.
 */
export const ZImportReason = z.object({
  code: z.string(),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])).optional(),
});
export type TImportReason = z.infer<typeof ZImportReason>;

/** The import's own reason codes (besides zod's): the web app and the report translate each. */
export const IMPORT_REASON_CODES = [
  /** Skipped: the email was erased (GDPR suppression list) and must not come back. */
  'suppressed',
  /** The row has a NUL byte or a character the file's encoding could not read. */
  'unreadable_row',
  'not_a_number',
  /** `{ value }`: a status cell that is neither a status code nor its French or English name. */
  'unknown_status',
  /** owner_id: neither a member's id nor a member's email. */
  'not_a_member',
  'not_a_boolean',
  /** `{ options }`: a select custom field's allowed values. */
  'not_an_option',
  'not_a_date',
  /** `{ maximum }` characters. */
  'text_too_long',
  'unknown_custom_field',
  /** phone: not digits, spaces and + . - ( ). */
  'not_a_phone',
] as const;

/** Languages the downloadable report is written in. */
export const IMPORT_REPORT_LANGUAGES = ['fr', 'en'] as const;

/** GET /api/marketing/imports/:id/report.csv: the workspace has no language of its own, so French unless asked. */
export const ZImportReportQuery = z.object({
  lang: z.enum(IMPORT_REPORT_LANGUAGES).default('fr').describe('Language of the header and the reasons (the web app sends its own)'),
});

/** The first rows of an import's report: the CSV row number (header = 1) and why it was not imported. */
export const ZImportProblemList = z.object({
  items: z.array(
    z.object({
      row_number: z.number().int(),
      /** In English, for API users (and the only text of reports stored before reasons had codes). */
      reason: z.string(),
      /** The same as codes; empty for reports stored before codes existed (show `reason` then). */
      reasons: z.array(ZImportReason),
      skipped: z.boolean().describe('true: skipped (erased email), false: refused (invalid)'),
    }),
  ),
});
export type TImportProblemList = z.infer<typeof ZImportProblemList>;

/**
 * The column separator of a CSV header line: `;` (French Excel), tab or `,`, whichever occurs
 * most outside quotes; `,` when none does. Shared by the server and the browser preview.
 */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
