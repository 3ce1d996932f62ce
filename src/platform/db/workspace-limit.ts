import { count, type SQL } from 'drizzle-orm';
import { WORKSPACE_LIMITS, type TWorkspaceList } from '../../contracts/limits.js';
import { AppError } from '../errors.js';
import { Tenant, type TenantTable } from './tenant.js';

/** The English name of each capped list, for API users; the web says it from the reason's `list` param. */
const LIST_NAMES: Record<TWorkspaceList, string> = {
  segments: 'segments',
  customFields: 'custom fields',
  scoringRules: 'scoring rules',
  savedViews: 'saved views',
  automations: 'automations',
  pendingInvitations: 'pending invitations',
  activeApiKeys: 'active API keys',
  sendingDomains: 'sending domains',
  members: 'members',
};

export type TWorkspaceCap = {
  table: TenantTable;
  /** Which list of WORKSPACE_LIMITS caps it. */
  list: TWorkspaceList;
  /** Counts only the rows matching it (e.g. keys not revoked). */
  condition?: SQL;
};

/**
 * Creates one more row of a capped list: in one transaction, takes a lock on (workspace, list), counts,
 * refuses (409, reason `workspace_limit`) when the workspace already holds its limit, else runs `create`
 * with a Tenant bound to that transaction. The lock makes two creations at the same instant take turns, so
 * the cap is exact on PostgreSQL with many connections too (a count-then-insert let both pass). Only
 * creations of the same list in the same workspace wait for each other.
 */
export async function createWithinWorkspaceLimit<T>(tenant: Tenant, cap: TWorkspaceCap, create: (tx: Tenant) => Promise<T>): Promise<T> {
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    await assertBelowWorkspaceLimit(scoped, cap);
    return create(scoped);
  });
}

/**
 * The check alone, for a caller that is already in a transaction (its `tenant.db` must be that
 * transaction, else the lock is released at once and two creations may both pass).
 */
export async function assertBelowWorkspaceLimit(tenant: Tenant, cap: TWorkspaceCap): Promise<void> {
  await tenant.lockForTransaction(cap.list);
  const [row] = await tenant.db.select({ n: count() }).from(cap.table).where(tenant.where(cap.table, cap.condition));
  const limit = WORKSPACE_LIMITS[cap.list];
  if ((row?.n ?? 0) >= limit) {
    const what = LIST_NAMES[cap.list];
    throw new AppError('conflict', `This workspace already has ${limit} ${what}, the most it can hold; delete one before creating another`, {
      reason: 'workspace_limit',
      params: { limit, list: cap.list },
    });
  }
}
