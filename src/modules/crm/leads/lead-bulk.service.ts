import { arrayContains, isNotNull, ne, not, or, sql, type SQL } from 'drizzle-orm';
import type { TBulkTarget, TLeadBulkBody } from '../../../contracts/crm-contacts.js';
import type { TAuth } from '../../../platform/auth/access.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import type { JobQueue } from '../../../platform/jobs/queue.js';
import { AppError } from '../../../platform/errors.js';
import { roleIn } from '../../workspaces/index.js';
import { leadEvents, leads } from './leads.tables.js';
import { recordLeadEventRows } from './lead-event-log.js';
import { assertFilterCost, leadFilterSql } from './lead-filter.js';
import { queueScoreRecalculation } from '../scoring/scoring.jobs.js';
import { analyzeTables } from '../../../platform/db/statistics.js';

// Bulk actions of the Contacts table: one transaction over the selected rows or over every lead
// matching a filter. Only leads the action really changes are counted and logged (a lead that
// already has the tag gets no event), and their events are written in batches.

type TEventRow = typeof leadEvents.$inferInsert;

/**
 * From this many changed leads, the action refreshes the planner statistics of leads and their events
 * at once: the embedded database has no autovacuum, and a plan made for yesterday's row counts can turn
 * the next segment preview into a scan per lead. Below it, the periodic `db.analyze` job is enough.
 */
export const BULK_ANALYZE_MIN_ROWS = 500;

/**
 * Applies one action to the target leads; returns how many leads it changed (or deleted). Scores
 * are then recalculated in the background (one job for the workspace rather than one per lead).
 */
export async function bulkLeads(tenant: Tenant, queue: JobQueue, actor: TAuth, body: TLeadBulkBody): Promise<{ affected: number }> {
  const result = await applyBulk(tenant, actor, body);
  if (result.affected >= BULK_ANALYZE_MIN_ROWS) await analyzeTables(tenant.db, ['leads', 'lead_events']);
  if (result.affected > 0 && body.action !== 'delete') await queueScoreRecalculation(queue, tenant.workspaceId, 'bulk_action');
  return result;
}

async function applyBulk(tenant: Tenant, actor: TAuth, body: TLeadBulkBody): Promise<{ affected: number }> {
  if (body.action === 'set_owner' && body.value && !(await roleIn(tenant.db, body.value, tenant.workspaceId))) {
    throw new AppError('bad_request', 'The owner must be a member of this workspace', {
      errors: [{ path: 'body.value', message: 'not a member of this workspace', code: 'not_member' }],
    });
  }
  if (body.action === 'set_status' && body.lost_reason && body.value !== 'lost') {
    throw new AppError('bad_request', 'A lost reason only goes with the status "lost"', {
      errors: [{ path: 'body.lost_reason', message: 'only for status lost', code: 'lost_reason_needs_lost' }],
    });
  }
  const target = await targetCondition(tenant, body.target);
  const event = (leadId: string, type: string, data: Record<string, unknown>): TEventRow => ({
    workspace_id: tenant.workspaceId,
    lead_id: leadId,
    event_type: type,
    data,
    actor_user_id: actor.user_id,
  });

  return tenant.db.transaction(async (tx) => {
    // Locks the rows the action will change, so the update and its events describe the same leads.
    const lock = (changes: SQL) =>
      tx
        .select({ id: leads.id, status: leads.status, owner_id: leads.owner_id })
        .from(leads)
        .where(tenant.where(leads, target, changes))
        .for('update');
    const update = (ids: string[], values: Partial<typeof leads.$inferInsert> | Record<string, SQL>) =>
      tx
        .update(leads)
        .set(values)
        .where(tenant.where(leads, idIn(ids)));

    switch (body.action) {
      case 'delete': {
        const rows = await tx.delete(leads).where(tenant.where(leads, target)).returning({ id: leads.id });
        return { affected: rows.length };
      }
      case 'set_status': {
        const rows = await lock(ne(leads.status, body.value));
        const lostReason = body.value === 'lost' && body.lost_reason ? body.lost_reason : undefined;
        if (rows.length > 0)
          await update(
            rows.map((r) => r.id),
            { status: body.value, ...(lostReason ? { lost_reason: lostReason } : {}) },
          );
        await recordLeadEventRows(
          tx,
          rows.map((r) =>
            event(r.id, 'status_changed', { field: 'status', from: r.status, to: body.value, ...(lostReason ? { lost_reason: lostReason } : {}) }),
          ),
        );
        return { affected: rows.length };
      }
      case 'add_tag': {
        const rows = await lock(not(arrayContains(leads.tags, [body.value])));
        if (rows.length > 0)
          await update(
            rows.map((r) => r.id),
            { tags: sql`array_append(${leads.tags}, ${body.value}::text)` },
          );
        await recordLeadEventRows(
          tx,
          rows.map((r) => event(r.id, 'tag_added', { tag: body.value })),
        );
        return { affected: rows.length };
      }
      case 'remove_tag': {
        const rows = await lock(arrayContains(leads.tags, [body.value]));
        if (rows.length > 0)
          await update(
            rows.map((r) => r.id),
            { tags: sql`array_remove(${leads.tags}, ${body.value}::text)` },
          );
        await recordLeadEventRows(
          tx,
          rows.map((r) => event(r.id, 'tag_removed', { tag: body.value })),
        );
        return { affected: rows.length };
      }
      case 'set_owner': {
        const owner = body.value;
        const rows = await lock(owner ? or(sql`${leads.owner_id} is null`, ne(leads.owner_id, owner))! : isNotNull(leads.owner_id));
        if (rows.length > 0)
          await update(
            rows.map((r) => r.id),
            { owner_id: owner },
          );
        await recordLeadEventRows(
          tx,
          rows.map((r) => event(r.id, 'field_changed', { field: 'owner_id', from: r.owner_id, to: owner })),
        );
        return { affected: rows.length };
      }
    }
  });
}

/** The target as a condition on `leads`: the listed ids, or the list filter's condition (undefined: every lead). */
async function targetCondition(tenant: Tenant, target: TBulkTarget): Promise<SQL | undefined> {
  if ('ids' in target) return idIn(target.ids);
  const condition = await leadFilterSql(tenant, target.filter, 'body.target.filter');
  await assertFilterCost(tenant, condition);
  return condition;
}

/** `id = any($1::uuid[])`: one array parameter however many ids (validated UUIDs). */
function idIn(ids: string[]): SQL {
  return sql`${leads.id} = any(${`{${ids.join(',')}}`}::uuid[])`;
}
