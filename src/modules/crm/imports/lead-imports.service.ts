import type { Readable } from 'node:stream';
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { CUSTOM_FIELD_PREFIX, IMPORT_LEAD_FIELDS, IMPORT_PROBLEMS_MAX, type TImportProblemList } from '../../../contracts/crm-imports.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { customFieldsByKey } from '../custom-fields/custom-fields.service.js';
import { leadImportFailures, leadImports } from './imports.tables.js';
import { fieldLabels, reasonText, type TReportLanguage } from './import-reasons.js';
import { csvStream } from './lead-export.service.js';
import { SUPPRESSED_REASON } from './lead-import-batch.js';
import type { TLeadImportRow } from './lead-import-upload.service.js';

/** One import of the workspace (404 for another workspace's). */
export function getLeadImport(tenant: Tenant, id: string): Promise<TLeadImportRow> {
  return tenant.get(leadImports, id, 'Import');
}

/** The workspace's latest imports, newest first (the wizard reuses the latest mapping). */
export function listLeadImports(tenant: Tenant, limit = 20): Promise<TLeadImportRow[]> {
  return tenant.db.select().from(leadImports).where(tenant.where(leadImports)).orderBy(desc(leadImports.created_at), desc(leadImports.id)).limit(limit);
}

/** How many rows each import's report holds, by import id (one grouped query). */
export async function reportRowCounts(tenant: Tenant, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tenant.db
    .select({ id: leadImportFailures.import_id, count: sql<number>`count(*)::int` })
    .from(leadImportFailures)
    .where(tenant.where(leadImportFailures, inArray(leadImportFailures.import_id, ids)))
    .groupBy(leadImportFailures.import_id);
  return new Map(rows.map((r) => [r.id, r.count]));
}

/** The report's first rows (by row number) and their reasons: what the result screen shows without a download. */
export async function importProblems(tenant: Tenant, id: string): Promise<TImportProblemList['items']> {
  await getLeadImport(tenant, id);
  const rows = await tenant.db
    .select({ row_number: leadImportFailures.row_number, reason: leadImportFailures.reason, reasons: leadImportFailures.reasons })
    .from(leadImportFailures)
    .where(tenant.where(leadImportFailures, eq(leadImportFailures.import_id, id)))
    .orderBy(asc(leadImportFailures.row_number))
    .limit(IMPORT_PROBLEMS_MAX);
  // Rows stored before reasons had codes have only the English text: the client shows it as it is.
  return rows.map((row) => ({
    row_number: row.row_number,
    reason: row.reason,
    reasons: row.reasons ?? [],
    skipped: row.reasons ? row.reasons.some((r) => r.code === 'suppressed') : row.reason === SUPPRESSED_REASON,
  }));
}

const REPORT_PAGE_ROWS = 1000;

/** The report's first two columns, in its language (the file's own columns follow under their names). */
const REPORT_HEADERS: Record<TReportLanguage, [string, string]> = { fr: ['Ligne', 'Raison'], en: ['Row', 'Reason'] };

/**
 * The rows that were not imported (failed, or skipped because the email was erased) as CSV: row number,
 * reason (in `language`: the workspace has none of its own, so French unless the caller asks), then the
 * row's own columns, mapped ones first. Streams page by page; csvStream neutralizes formula cells.
 */
export async function importReportCsv(tenant: Tenant, id: string, language: TReportLanguage = 'fr'): Promise<Readable> {
  const row = await getLeadImport(tenant, id);
  const definitions = await customFieldsByKey(tenant.db, tenant.workspaceId);
  const labels = fieldLabels(language, new Map([...definitions.values()].map((d) => [d.key, d.label])));
  const page = (afterRow: number) =>
    tenant.db
      .select({
        row_number: leadImportFailures.row_number,
        reason: leadImportFailures.reason,
        reasons: leadImportFailures.reasons,
        raw: leadImportFailures.raw,
      })
      .from(leadImportFailures)
      .where(tenant.where(leadImportFailures, and(eq(leadImportFailures.import_id, id), gt(leadImportFailures.row_number, afterRow))))
      .orderBy(asc(leadImportFailures.row_number))
      .limit(REPORT_PAGE_ROWS);

  async function* records(): AsyncGenerator<string[]> {
    let failures = await page(0);
    const columns = reportColumns(row.mapping, Object.keys(failures[0]?.raw ?? {}));
    yield [...REPORT_HEADERS[language], ...columns];
    while (failures.length > 0) {
      for (const failure of failures) yield [String(failure.row_number), reasonText(failure, language, labels), ...columns.map((c) => failure.raw[c] ?? '')];
      if (failures.length < REPORT_PAGE_ROWS) return;
      failures = await page(failures.at(-1)!.row_number);
    }
  }
  return csvStream(records());
}

/** The file's columns: mapped ones in lead-field order, then the others (JSONB does not keep the file's order). */
function reportColumns(mapping: Record<string, string>, rawColumns: string[]): string[] {
  const rank = (header: string) => {
    const target = mapping[header];
    if (!target) return Number.MAX_SAFE_INTEGER;
    const index = (IMPORT_LEAD_FIELDS as readonly string[]).indexOf(target);
    return index >= 0 ? index : target.startsWith(CUSTOM_FIELD_PREFIX) ? IMPORT_LEAD_FIELDS.length : Number.MAX_SAFE_INTEGER;
  };
  const columns = [...new Set([...Object.keys(mapping).filter((h) => mapping[h]), ...rawColumns])];
  return columns.sort((a, b) => rank(a) - rank(b));
}
