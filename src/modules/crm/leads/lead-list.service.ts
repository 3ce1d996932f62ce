import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { LEAD_STATUSES, ZLeadListQuery, type TLeadListQuery, type TLeadSort, type TLeadStatus } from '../../../contracts/crm.js';
import { assertQueryCost } from '../../../platform/db/query-limits.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { leads } from './leads.tables.js';
import { leadFilterSql } from './lead-filter.js';
import type { TLeadRow } from './leads.service.js';

type TSortKey = { expr: SQL; direction: 'asc' | 'desc'; valueOf: (row: TLeadRow) => string | number };

// Each order is (expression, id) in one direction, so a cursor is just the last row's pair and
// the next page is `(expression, id) < (value, id)` (or >), which the matching index serves.
const SORTS: Record<TLeadSort, TSortKey> = {
  newest: { expr: sql`${leads.created_at}`, direction: 'desc', valueOf: (r) => r.created_at.toISOString() },
  oldest: { expr: sql`${leads.created_at}`, direction: 'asc', valueOf: (r) => r.created_at.toISOString() },
  updated: { expr: sql`${leads.updated_at}`, direction: 'desc', valueOf: (r) => r.updated_at.toISOString() },
  score: { expr: sql`${leads.score}`, direction: 'desc', valueOf: (r) => r.score },
  value: { expr: sql`coalesce(${leads.estimated_value}, -1)`, direction: 'desc', valueOf: (r) => r.estimated_value ?? -1 },
  name: {
    expr: sql`lower(coalesce(${leads.last_name}, '') || ' ' || coalesce(${leads.first_name}, ''))`,
    direction: 'asc',
    valueOf: (r) => `${r.last_name ?? ''} ${r.first_name ?? ''}`.toLowerCase(),
  },
};

/** Lists leads matching a filter in the chosen order, with keyset (cursor) pagination. */
export async function listLeads(tenant: Tenant, query: TLeadListQuery): Promise<{ items: TLeadRow[]; next_cursor: string | null }> {
  const sort = SORTS[query.sort];
  const conditions: (SQL | undefined)[] = [await leadFilterSql(tenant, query)];
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor, query.sort);
    const typed = typeof value === 'number' ? sql`${value}::numeric` : query.sort === 'name' ? sql`${value}::text` : sql`${value}::timestamptz`;
    conditions.push(
      sort.direction === 'desc' ? sql`(${sort.expr}, ${leads.id}) < (${typed}, ${id}::uuid)` : sql`(${sort.expr}, ${leads.id}) > (${typed}, ${id}::uuid)`,
    );
  }
  const order = sort.direction === 'desc' ? [desc(sort.expr), desc(leads.id)] : [asc(sort.expr), asc(leads.id)];
  const select = tenant.db
    .select()
    .from(leads)
    .where(tenant.where(leads, ...conditions))
    .orderBy(...order)
    .limit(query.limit + 1);
  if (query.rules || query.segment_id || query.q) await assertQueryCost(tenant.db, select);
  const rows = await select;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page, next_cursor: rows.length > query.limit && last ? encodeCursor(sort.valueOf(last), last.id, query.sort) : null };
}

/**
 * The board's first screen: each status's first page (newest first), so the pipeline opens with one request
 * instead of one per column. The later pages are the list's own, with the cursor each column gets here.
 */
export async function listBoardColumns(tenant: Tenant, limit: number): Promise<{ status: TLeadStatus; items: TLeadRow[]; next_cursor: string | null }[]> {
  const columns = [];
  // One after the other: seven small index scans, without taking seven pool connections for one request.
  for (const status of LEAD_STATUSES) {
    columns.push({ status, ...(await listLeads(tenant, ZLeadListQuery.parse({ status, limit }))) });
  }
  return columns;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SORT_VALUE_KIND: Record<TLeadSort, 'time' | 'number' | 'text'> = {
  newest: 'time',
  oldest: 'time',
  updated: 'time',
  score: 'number',
  value: 'number',
  name: 'text',
};

function encodeCursor(value: string | number, id: string, sort: TLeadSort): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: TLeadSort): [string | number, string] {
  try {
    const [cursorSort, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, unknown, unknown];
    // The value must have the sort's type exactly (a forged cursor reached PostgreSQL's casts: 500):
    // a time as toISOString() writes it, a finite number, or a name.
    const kind = SORT_VALUE_KIND[sort];
    const valueOk =
      kind === 'time'
        ? typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value
        : kind === 'number'
          ? typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e15
          : typeof value === 'string' && value.length <= 500 && !value.includes('\u0000');
    if (cursorSort === sort && valueOk && typeof id === 'string' && UUID.test(id)) return [value as string | number, id];
  } catch {
    // falls through to the 400 below
  }
  throw new AppError('bad_request', 'Invalid cursor (it belongs to another sort or was altered)', {
    errors: [{ path: 'querystring.cursor', message: 'invalid cursor', code: 'invalid_cursor' }],
  });
}
