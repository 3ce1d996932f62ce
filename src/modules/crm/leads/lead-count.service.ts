import { sql } from 'drizzle-orm';
import type { TLeadFilter } from '../../../contracts/crm.js';
import { assertQueryCost } from '../../../platform/db/query-limits.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leads } from './leads.tables.js';
import { leadFilterSql } from './lead-filter.js';

/** How many leads match the filter (the Contacts header, and "select all N matching"). */
export async function countLeads(tenant: Tenant, filter: TLeadFilter): Promise<number> {
  const query = tenant.db
    .select({ count: sql<number>`count(*)::int` })
    .from(leads)
    .where(tenant.where(leads, await leadFilterSql(tenant, filter)));
  if (filter.rules || filter.segment_id || filter.q) await assertQueryCost(tenant.db, query);
  const [row] = await query;
  return row?.count ?? 0;
}
