import { count, type SQL } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Tenant, TenantTable } from './tenant.js';

/**
 * Refuses (409) to create one more row of `table` when the workspace already holds `limit` of them
 * (counting only rows matching `condition`, e.g. not revoked). A check before the insert, not a lock:
 * two creations at the same instant may pass it together, which is fine for a cap meant against
 * runaway scripts, not an exact quota.
 */
export async function assertBelowWorkspaceLimit(tenant: Tenant, table: TenantTable, limit: number, what: string, condition?: SQL): Promise<void> {
  const [row] = await tenant.db.select({ n: count() }).from(table).where(tenant.where(table, condition));
  if ((row?.n ?? 0) >= limit) {
    throw new AppError('conflict', `This workspace already has ${limit} ${what}, the most it can hold; delete one before creating another`);
  }
}
