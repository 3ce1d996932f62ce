import { iso } from '../../../contracts/common.js';
import type { TLeadImport } from '../../../contracts/crm-imports.js';
import type { TLeadImportRow } from './lead-import-upload.service.js';

/** Row -> wire: an import's options, progress and counts (the stored chunks never leave the server). */
export function leadImport(row: TLeadImportRow, reportRows: number): TLeadImport {
  return {
    id: row.id,
    status: row.status,
    file_name: row.file_name,
    file_size: row.file_size,
    bytes_read: row.bytes_read,
    encoding: row.encoding,
    delimiter: row.delimiter,
    mapping: row.mapping,
    on_duplicate: row.on_duplicate,
    processed_rows: row.processed_rows,
    created_count: row.created_count,
    updated_count: row.updated_count,
    skipped_count: row.skipped_count,
    failed_count: row.failed_count,
    report_rows: reportRows,
    error: row.error,
    created_at: iso(row.created_at),
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
  };
}
