import { containsPattern } from '../../../platform/db/like-pattern.js';
import { eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { TLeadFilter } from '../../../contracts/crm.js';
import { assertQueryCost } from '../../../platform/db/query-limits.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leads, leadSearchText } from './leads.tables.js';
import { compileLeadRules, getSegment } from '../../segments/index.js';

/**
 * The one translation of "which leads" (search, status, rule tree, saved segment) into a SQL
 * condition on `leads`, shared by the list, the export, bulk actions and segment previews.
 * The result does not include the workspace condition: wrap it in `tenant.where(leads, …)`.
 */
export async function leadFilterSql(tenant: Tenant, filter: TLeadFilter, path = 'querystring'): Promise<SQL | undefined> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(leads.status, filter.status));
  if (filter.q) conditions.push(searchCondition(filter.q));
  if (filter.rules) conditions.push(await compileLeadRules(tenant, filter.rules, `${path}.rules`));
  if (filter.segment_id) {
    const segment = await getSegment(tenant, filter.segment_id);
    conditions.push(await compileLeadRules(tenant, segment.rules, `segment "${segment.name}"`));
  }
  return conditions.length > 0 ? sql.join(conditions, sql` and `) : undefined;
}

/** Name, email or company contains the text (one trigram index serves it, see crm.tables.ts). */
function searchCondition(q: string): SQL {
  const pattern = containsPattern(q);
  return ilike(leadSearchText(leads), pattern);
}

/**
 * Refuses (422 on PGlite, see query-limits.ts) a filter whose scan of the workspace's leads would cost too much,
 * for the uses that read every matching lead (export, bulk actions); the list and count check their own queries.
 */
export async function assertFilterCost(tenant: Tenant, condition: SQL | undefined): Promise<void> {
  if (condition) await assertQueryCost(tenant.db, sql`SELECT ${leads.id} FROM ${leads} WHERE ${tenant.where(leads, condition)}`);
}
