import { iso } from '../../../contracts/common.js';
import type { TAdReportImport } from '../../../contracts/ads.js';
import type { TAdReportImportRow } from './report-import.service.js';

/** An imported report as the API shows it (who imported it stays server-side). */
export function adReportImport(row: TAdReportImportRow): TAdReportImport {
  return {
    id: row.id,
    file_name: row.file_name,
    network: row.network,
    language: row.language,
    rows: row.rows,
    days_written: row.days_written,
    campaigns_matched: row.campaigns_matched,
    campaigns_created: row.campaigns_created,
    errors: row.errors,
    created_at: iso(row.created_at),
  };
}
