import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/tenant.js';
import { AppError, notFound } from '../../platform/errors.js';
import { roleIn } from '../workspaces/index.js';
import { leads, leadTasks } from './crm.tables.js';
import { recordLeadEvent } from './lead-events.service.js';

export type TLeadTaskRow = typeof leadTasks.$inferSelect;

export type TAddLeadTaskInput = {
  workspaceId: string;
  leadId: string;
  title: string;
  dueAt?: Date | null;
  assigneeId?: string | null;
  /** Who added it: a person, or null for an automation or an API key. */
  actorUserId?: string | null;
};

/**
 * Adds a task to a lead and logs `task_added` on its timeline. Takes a plain Db (or a
 * transaction) so the automations engine can call it outside an HTTP request.
 */
export async function addLeadTask(db: Db, input: TAddLeadTaskInput): Promise<TLeadTaskRow> {
  const title = input.title.trim();
  if (!title) throw new AppError('bad_request', 'A task needs a title', { errors: [{ path: 'body.title', message: 'must not be empty' }] });
  const [lead] = isUuid(input.leadId)
    ? await db.select({ id: leads.id }).from(leads).where(and(eq(leads.workspace_id, input.workspaceId), eq(leads.id, input.leadId)))
    : [];
  if (!lead) throw notFound('Lead');
  await assertAssigneeIsMember(db, input.workspaceId, input.assigneeId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leadTasks)
      .values({
        workspace_id: input.workspaceId,
        lead_id: input.leadId,
        title,
        due_at: input.dueAt ?? null,
        assignee_id: input.assigneeId ?? null,
      })
      .returning();
    await recordLeadEvent(tx, {
      workspaceId: input.workspaceId,
      leadId: input.leadId,
      type: 'task_added',
      data: { task_id: row!.id, title },
      actorUserId: input.actorUserId ?? null,
    });
    return row!;
  });
}

/** 400 naming `body.assignee_id` when the assignee is not a member of the workspace. */
export async function assertAssigneeIsMember(db: Db, workspaceId: string, assigneeId: string | null | undefined): Promise<void> {
  if (!assigneeId) return;
  if (!(await roleIn(db, assigneeId, workspaceId).catch(() => null))) {
    throw new AppError('bad_request', 'The assignee must be a member of this workspace', {
      errors: [{ path: 'body.assignee_id', message: 'not a member of this workspace' }],
    });
  }
}
