import { asc, count, desc } from 'drizzle-orm';
import type { TRuleGroup, TSegmentBody, TSegmentUpdateBody } from '../../contracts/crm-segments.js';
import type { TAuth } from '../../platform/auth/access.js';
import { assertQueryCost } from '../../platform/db/query-limits.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { leads } from '../crm/tables.js';
import { pgErrorCode } from '../../platform/db/pg-error.js';
import { AppError } from '../../platform/errors.js';
import { compileLeadRules } from './segment-compiler.js';
import { segments } from './segments.tables.js';
import { WORKSPACE_LIMITS } from '../../contracts/limits.js';
import { createWithinWorkspaceLimit } from '../../platform/db/workspace-limit.js';

export type TSegmentRow = typeof segments.$inferSelect;

const SAMPLE_SIZE = 10;

/** How many leads a rule tree matches (what campaigns and the builder's live count need). */
export async function countSegment(tenant: Tenant, rules: TRuleGroup): Promise<number> {
  const query = tenant.db
    .select({ count: count() })
    .from(leads)
    .where(tenant.where(leads, await compileLeadRules(tenant, rules)));
  await assertQueryCost(tenant.db, query);
  const [total] = await query;
  return total?.count ?? 0;
}

/** How many leads a rule tree matches, and the newest few of them. */
export async function previewSegment(tenant: Tenant, rules: TRuleGroup, path = 'body.rules') {
  const scoped = tenant.where(leads, await compileLeadRules(tenant, rules, path));
  // On the embedded database a query nothing can interrupt: refused (422) when the planner says too heavy.
  const counting = tenant.db.select({ count: count() }).from(leads).where(scoped);
  await assertQueryCost(tenant.db, counting);
  const [total] = await counting;
  const sample = await tenant.db.select().from(leads).where(scoped).orderBy(desc(leads.created_at), desc(leads.id)).limit(SAMPLE_SIZE);
  return { count: total?.count ?? 0, sample };
}

/** The workspace's saved segments, by name. */
export function listSegments(tenant: Tenant): Promise<TSegmentRow[]> {
  return tenant.db.select().from(segments).where(tenant.where(segments)).orderBy(asc(segments.name)).limit(WORKSPACE_LIMITS.segments);
}

/** One saved segment. */
export function getSegment(tenant: Tenant, id: string): Promise<TSegmentRow> {
  return tenant.get(segments, id, 'Segment');
}

/** Saves a named segment after checking that its rules compile. */
export async function createSegment(tenant: Tenant, actor: TAuth, input: TSegmentBody): Promise<TSegmentRow> {
  await compileLeadRules(tenant, input.rules);
  return createWithinWorkspaceLimit(tenant, { table: segments, list: 'segments' }, (tx) =>
    tx.insert(segments, { name: input.name, description: input.description ?? null, rules: input.rules, created_by: actor.user_id }),
  );
}

/** Renames a segment or replaces its rules (checked first). */
export async function updateSegment(tenant: Tenant, id: string, input: TSegmentUpdateBody): Promise<TSegmentRow> {
  await getSegment(tenant, id);
  if (input.rules) await compileLeadRules(tenant, input.rules);
  return tenant.update(segments, id, input, 'Segment');
}

/** Deletes a saved segment; one that a campaign targets is kept (409 `segment_in_use`): the campaign would reach every lead. */
export async function deleteSegment(tenant: Tenant, id: string): Promise<void> {
  try {
    await tenant.delete(segments, id, 'Segment');
  } catch (error) {
    if (pgErrorCode(error) !== '23503') throw error;
    throw new AppError('conflict', 'This segment is the audience of an email campaign: change the campaign first', { reason: 'segment_in_use' });
  }
}
