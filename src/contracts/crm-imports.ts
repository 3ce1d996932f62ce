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

/** The first rows of an import's report: the CSV row number (header = 1) and why it was not imported. */
export const ZImportProblemList = z.object({
  items: z.array(
    z.object({ row_number: z.number().int(), reason: z.string(), skipped: z.boolean().describe('true: skipped (erased email), false: refused (invalid)') }),
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
