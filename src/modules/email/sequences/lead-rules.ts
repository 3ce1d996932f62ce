import { inArray } from 'drizzle-orm';
import type { TRuleGroup } from '../../../contracts/crm-segments.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leads } from '../../crm/tables.js';
import { compileLeadRules } from '../../segments/index.js';

/** Which of these leads match a rule tree now (the segments' compiler, on those leads only: one query). */
export async function leadsMatchingRules(tenant: Tenant, rules: TRuleGroup, leadIds: readonly string[]): Promise<Set<string>> {
  if (leadIds.length === 0) return new Set();
  const compiled = await compileLeadRules(tenant, rules, 'rules');
  const rows = await tenant.db
    .select({ id: leads.id })
    .from(leads)
    .where(tenant.where(leads, inArray(leads.id, [...leadIds]), compiled));
  return new Set(rows.map((r) => r.id));
}
