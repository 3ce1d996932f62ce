import { Readable, pipeline, PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import { desc, sql } from 'drizzle-orm';
import { CUSTOM_FIELD_PREFIX, IMPORT_LEAD_FIELDS, TAGS_SEPARATOR } from '../../../contracts/crm-imports.js';
import type { TLeadFilter } from '../../../contracts/crm.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leads } from '../leads/leads.tables.js';
import { listCustomFields } from '../custom-fields/custom-fields.service.js';
import { leadFilterSql } from '../leads/lead-filter.js';

/** Leads read per query while exporting: memory stays flat whatever the number of leads. */
const EXPORT_PAGE_ROWS = 1000;

/**
 * The leads matching a filter as a CSV stream (UTF-8 with BOM, `,`): one column per importable
 * field and one `custom.<key>` per custom field, so the file re-imports with an identity mapping.
 * The filter is compiled before the first byte, so a bad rule is still a clean 400.
 */
export async function exportLeadsCsv(tenant: Tenant, filter: TLeadFilter): Promise<Readable> {
  const condition = await leadFilterSql(tenant, filter);
  const customKeys = (await listCustomFields(tenant)).map((definition) => definition.key);
  const header = [...IMPORT_LEAD_FIELDS, ...customKeys.map((key) => `${CUSTOM_FIELD_PREFIX}${key}`)];

  async function* records(): AsyncGenerator<string[]> {
    yield header;
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await tenant.db
        .select()
        .from(leads)
        .where(tenant.where(leads, condition, after ? sql`(${leads.created_at}, ${leads.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined))
        .orderBy(desc(leads.created_at), desc(leads.id))
        .limit(EXPORT_PAGE_ROWS);
      for (const lead of page) {
        yield [...IMPORT_LEAD_FIELDS.map((field) => cell(lead[field])), ...customKeys.map((key) => cell(lead.custom_fields[key]))];
      }
      const last = page.at(-1);
      if (!last || page.length < EXPORT_PAGE_ROWS) return;
      after = { createdAt: last.created_at, id: last.id };
    }
  }
  return csvStream(records());
}

/** Rows -> CSV text stream (UTF-8 with BOM so Excel shows accents; `,` separator; quotes where needed). */
export function csvStream(rows: AsyncIterable<string[]>): Readable {
  const out = new PassThrough();
  pipeline(Readable.from(rows), stringify({ bom: true }), out, () => undefined);
  return out;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(TAGS_SEPARATOR);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
