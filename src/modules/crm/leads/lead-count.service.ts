import { sql } from 'drizzle-orm';
import type { TLeadFilter } from '../../../contracts/crm.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leads } from './leads.tables.js';
import { leadFilterSql } from './lead-filter.js';

/** How many leads match the filter (the Contacts header, and "select all N matching"). */
export async function countLeads(tenant: Tenant, filter: TLeadFilter): Promise<number> {
  const [row] = await tenant.db
    .select({ count: sql<number>`count(*)::int` })
    .from(leads)
    .where(tenant.where(leads, await leadFilterSql(tenant, filter)));
  return row?.count ?? 0;
}
