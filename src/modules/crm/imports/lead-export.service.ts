import { Readable, pipeline, PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutralizeCsvCell } from '../../../platform/csv/csv-cell.js';
import { desc, sql } from 'drizzle-orm';
import {
  CUSTOM_FIELD_PREFIX,
  FRENCH_HEADERS,
  FRENCH_STATUS_LABELS,
  IMPORT_LEAD_FIELDS,
  TAGS_SEPARATOR,
  type TExportFormat,
} from '../../../contracts/crm-imports.js';
import type { TLeadStatus } from '../../../contracts/crm.js';
import type { TLeadFilter } from '../../../contracts/crm.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leads } from '../leads/leads.tables.js';
import { listCustomFields } from '../custom-fields/custom-fields.service.js';
import { assertFilterCost, leadFilterSql } from '../leads/lead-filter.js';
import { workspaceOwners } from './lead-import-owners.js';

/** Leads read per query while exporting: memory stays flat whatever the number of leads. */
const EXPORT_PAGE_ROWS = 1000;

/**
 * The leads matching a filter as a CSV stream, in one of two formats:
 * - `standard` (UTF-8 with BOM, `,`): one column per importable field and one `custom.<key>` per custom
 *   field, values as stored (codes, `1234.5`, owner ids), so the file re-imports with an identity mapping;
 * - `excel_fr` (UTF-8 with BOM, `;`, what Excel expects in French): French headers (FRENCH_HEADERS, custom
 *   fields by label), French statuses, decimal commas, Oui/Non, dates as DD/MM/YYYY, owners by email. The
 *   import reads all of these back, so this file re-imports too (the wizard maps its headers).
 * The filter is compiled before the first byte, so a bad rule is still a clean 400.
 */
export async function exportLeadsCsv(tenant: Tenant, filter: TLeadFilter, format: TExportFormat = 'standard'): Promise<Readable> {
  const condition = await leadFilterSql(tenant, filter);
  await assertFilterCost(tenant, condition);
  const definitions = await listCustomFields(tenant);
  const french = format === 'excel_fr';
  const header = french
    ? [...IMPORT_LEAD_FIELDS.map((field) => FRENCH_HEADERS[field]), ...definitions.map((definition) => definition.label)]
    : [...IMPORT_LEAD_FIELDS, ...definitions.map((definition) => `${CUSTOM_FIELD_PREFIX}${definition.key}`)];
  const ownerEmails = french ? new Map([...(await workspaceOwners(tenant)).byEmail].map(([email, id]) => [id, email])) : new Map<string, string>();
  const fieldCell = (field: (typeof IMPORT_LEAD_FIELDS)[number], value: unknown) => {
    if (!french || value === null || value === undefined) return cell(value);
    if (field === 'status') return FRENCH_STATUS_LABELS[value as TLeadStatus] ?? cell(value);
    if (field === 'estimated_value') return frenchNumber(value);
    if (field === 'owner_id') return ownerEmails.get(String(value)) ?? cell(value);
    return cell(value);
  };
  const customCell = (type: string, value: unknown) => {
    if (!french || value === null || value === undefined) return cell(value);
    if (type === 'boolean') return value === true ? 'Oui' : value === false ? 'Non' : cell(value);
    if (type === 'number') return frenchNumber(value);
    if (type === 'date' && typeof value === 'string') return value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
    return cell(value);
  };

  async function* records(): AsyncGenerator<string[]> {
    yield header;
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await tenant.db
        .select()
        .from(leads)
        .where(
          tenant.where(
            leads,
            condition,
            after ? sql`(${leads.created_at}, ${leads.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
          ),
        )
        .orderBy(desc(leads.created_at), desc(leads.id))
        .limit(EXPORT_PAGE_ROWS);
      for (const lead of page) {
        yield [
          ...IMPORT_LEAD_FIELDS.map((field) => fieldCell(field, lead[field])),
          ...definitions.map((definition) => customCell(definition.field_type, lead.custom_fields[definition.key])),
        ];
      }
      const last = page.at(-1);
      if (!last || page.length < EXPORT_PAGE_ROWS) return;
      after = { createdAt: last.created_at, id: last.id };
    }
  }
  return csvStream(records(), french ? ';' : ',');
}

/** 12500.5 -> "12500,5": Excel in French reads a decimal comma as a number (no thousands separator, so no ambiguity). */
function frenchNumber(value: unknown): string {
  return typeof value === 'number' ? String(value).replace('.', ',') : cell(value);
}

/** Rows -> CSV text stream (UTF-8 with BOM so Excel shows accents; `,` separator unless told; quotes where needed). */
export function csvStream(rows: AsyncIterable<string[]>, delimiter: ',' | ';' = ','): Readable {
  const out = new PassThrough();
  pipeline(Readable.from(neutralized(rows)), stringify({ bom: true, delimiter }), out, () => undefined);
  return out;
}

/** Every cell of every CSV the product writes (exports, import reports) is safe to open in a spreadsheet. */
async function* neutralized(rows: AsyncIterable<string[]>): AsyncIterable<string[]> {
  for await (const row of rows) yield row.map(neutralizeCsvCell);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(TAGS_SEPARATOR);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
