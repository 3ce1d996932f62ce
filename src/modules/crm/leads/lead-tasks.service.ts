import { and, asc, eq, sql } from 'drizzle-orm';
import type { TTaskCreateBody, TTaskUpdateBody } from '../../../contracts/crm-contacts.js';
import type { TAuth } from '../../../platform/auth/access.js';
import type { Db } from '../../../platform/db/database.js';
import { isUuid, Tenant } from '../../../platform/db/tenant.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { roleIn } from '../../workspaces/index.js';
import { leads, leadTasks } from './leads.tables.js';
import { recordLeadEventAndRescore } from './lead-events.service.js';

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
  if (!title) throw new AppError('bad_request', 'A task needs a title', { errors: [{ path: 'body.title', message: 'must not be empty', code: 'required' }] });
  const [lead] = isUuid(input.leadId)
    ? await db
        .select({ id: leads.id })
        .from(leads)
        .where(and(eq(leads.workspace_id, input.workspaceId), eq(leads.id, input.leadId)))
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
    await recordLeadEventAndRescore(new Tenant(tx, input.workspaceId), {
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
  if (!(await roleIn(db, assigneeId, workspaceId))) {
    throw new AppError('bad_request', 'The assignee must be a member of this workspace', {
      errors: [{ path: 'body.assignee_id', message: 'not a member of this workspace', code: 'not_member' }],
    });
  }
}

/** A lead's tasks: open ones first by due date, then the done ones (404 for another workspace's lead). */
export async function listLeadTasks(tenant: Tenant, leadId: string): Promise<TLeadTaskRow[]> {
  await tenant.get(leads, leadId, 'Lead');
  return tenant.db
    .select()
    .from(leadTasks)
    .where(tenant.where(leadTasks, eq(leadTasks.lead_id, leadId)))
    .orderBy(sql`${leadTasks.done_at} is not null`, sql`${leadTasks.due_at} asc nulls last`, asc(leadTasks.created_at))
    .limit(500);
}

/** Adds a task from the HTTP API (the caller is the actor). */
export function createLeadTask(tenant: Tenant, actor: TAuth, leadId: string, body: TTaskCreateBody): Promise<TLeadTaskRow> {
  return addLeadTask(tenant.db, {
    workspaceId: tenant.workspaceId,
    leadId,
    title: body.title,
    dueAt: body.due_at ? new Date(body.due_at) : null,
    assigneeId: body.assignee_id ?? null,
    actorUserId: actor.user_id,
  });
}

/** Edits a task; `done: true` stamps done_at (once), `done: false` clears it. */
export async function updateLeadTask(tenant: Tenant, actor: TAuth, id: string, body: TTaskUpdateBody): Promise<TLeadTaskRow> {
  const before = await tenant.get(leadTasks, id, 'Task');
  if (body.assignee_id) await assertAssigneeIsMember(tenant.db, tenant.workspaceId, body.assignee_id);
  const values: Partial<typeof leadTasks.$inferInsert> = {};
  if (body.title !== undefined) values.title = body.title;
  if (body.due_at !== undefined) values.due_at = body.due_at ? new Date(body.due_at) : null;
  if (body.assignee_id !== undefined) values.assignee_id = body.assignee_id;
  if (body.done !== undefined) values.done_at = body.done ? (before.done_at ?? new Date()) : null;
  if (Object.keys(values).length === 0) return before;
  const completed = body.done === true && before.done_at === null;
  return tenant.db.transaction(async (tx) => {
    const [row] = await tx.update(leadTasks).set(values).where(tenant.byId(leadTasks, id)).returning();
    // Ticking a task off shows on the lead's timeline; un-ticking does not (it is a correction).
    if (completed) {
      await recordLeadEventAndRescore(new Tenant(tx, tenant.workspaceId), {
        leadId: before.lead_id,
        type: 'task_completed',
        data: { task_id: id, title: row!.title },
        actorUserId: actor.user_id,
      });
    }
    return row!;
  });
}

/** Deletes a task. */
export function deleteLeadTask(tenant: Tenant, id: string): Promise<void> {
  return tenant.delete(leadTasks, id, 'Task');
}
