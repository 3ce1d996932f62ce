import { asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Tenant } from '../../../platform/db/tenant.js';
import { leadEvents, leadTasks } from './leads.tables.js';

/** What a pipeline card shows beyond the lead's own fields. */
export type TLeadCardDetails = {
  /** The first open task: earliest due date first, undated ones last, then the oldest. */
  next_task: { id: string; title: string; due_at: Date | null } | null;
  /** When the lead's last status change happened (null: it never changed, so it is its creation). */
  status_changed_at: Date | null;
};

/**
 * The next task and the last status change of a page of leads, in two queries whatever the page size
 * (lead_tasks and lead_events are both indexed by (workspace_id, lead_id, …)).
 */
export async function leadCardDetails(tenant: Tenant, leadIds: string[]): Promise<Map<string, TLeadCardDetails>> {
  const details = new Map<string, TLeadCardDetails>(leadIds.map((id) => [id, { next_task: null, status_changed_at: null }]));
  if (leadIds.length === 0) return details;
  const [tasks, changes] = await Promise.all([
    tenant.db
      .selectDistinctOn([leadTasks.lead_id], { lead_id: leadTasks.lead_id, id: leadTasks.id, title: leadTasks.title, due_at: leadTasks.due_at })
      .from(leadTasks)
      .where(tenant.where(leadTasks, inArray(leadTasks.lead_id, leadIds), isNull(leadTasks.done_at)))
      .orderBy(leadTasks.lead_id, sql`${leadTasks.due_at} asc nulls last`, asc(leadTasks.created_at)),
    tenant.db
      .select({ lead_id: leadEvents.lead_id, at: max(leadEvents.occurred_at) })
      .from(leadEvents)
      .where(tenant.where(leadEvents, inArray(leadEvents.lead_id, leadIds), eq(leadEvents.event_type, 'status_changed')))
      .groupBy(leadEvents.lead_id),
  ]);
  for (const task of tasks) details.get(task.lead_id)!.next_task = { id: task.id, title: task.title, due_at: task.due_at };
  for (const change of changes) details.get(change.lead_id)!.status_changed_at = change.at;
  return details;
}
