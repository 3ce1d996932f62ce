import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TAutomationAction, TAutomationCreateBody, TAutomationUpdateBody } from '../../contracts/crm-automations.js';
import type { TAuth } from '../../platform/auth/access.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError, type TFieldError } from '../../platform/errors.js';
import { roleIn } from '../workspaces/index.js';
import { automationRuns, automations } from './automations.tables.js';
import { leads } from '../crm/tables.js';
import { compileLeadRules } from '../segments/index.js';
import { WORKSPACE_LIMITS } from '../../contracts/limits.js';
import { createWithinWorkspaceLimit } from '../../platform/db/workspace-limit.js';

export type TAutomationRow = typeof automations.$inferSelect;
export type TRunSummaryRow = { id: string; status: (typeof automationRuns.$inferSelect)['status']; created_at: Date };
export type TAutomationWithRuns = { automation: TAutomationRow; lastRuns: TRunSummaryRow[] };
export type TAutomationRunRow = typeof automationRuns.$inferSelect & {
  lead_first_name: string | null;
  lead_last_name: string | null;
  lead_email: string | null;
};

/** How many recent runs the list shows per automation. */
const LAST_RUNS = 5;

/** The workspace's automations, oldest first, each with its latest runs. */
export async function listAutomations(tenant: Tenant): Promise<TAutomationWithRuns[]> {
  const rows = await tenant.db
    .select()
    .from(automations)
    .where(tenant.where(automations))
    .orderBy(asc(automations.created_at), asc(automations.id))
    .limit(WORKSPACE_LIMITS.automations);
  const runs = await lastRunsOf(
    tenant,
    rows.map((r) => r.id),
  );
  return rows.map((automation) => ({ automation, lastRuns: runs.get(automation.id) ?? [] }));
}

/** One automation with its latest runs. */
export async function getAutomation(tenant: Tenant, id: string): Promise<TAutomationWithRuns> {
  const automation = await tenant.get(automations, id, 'Automation');
  return { automation, lastRuns: (await lastRunsOf(tenant, [id])).get(id) ?? [] };
}

/** Saves a new automation after checking what the schema cannot: conditions, owners and assignees. */
export async function createAutomation(tenant: Tenant, actor: TAuth, body: TAutomationCreateBody): Promise<TAutomationWithRuns> {
  if (body.conditions) await compileLeadRules(tenant, body.conditions, 'body.conditions');
  await assertMembers(tenant, body.actions);
  const automation = await createWithinWorkspaceLimit(tenant, { table: automations, list: 'automations' }, (tx) =>
    tx.insert(automations, {
      name: body.name,
      active: body.active,
      trigger: body.trigger,
      conditions: body.conditions ?? null,
      actions: body.actions,
      created_by: actor.user_id,
    }),
  );
  return { automation, lastRuns: [] };
}

/** Changes some fields; `{ active }` switches the automation on or off. */
export async function updateAutomation(tenant: Tenant, id: string, body: TAutomationUpdateBody): Promise<TAutomationWithRuns> {
  await tenant.get(automations, id, 'Automation');
  if (body.conditions) await compileLeadRules(tenant, body.conditions, 'body.conditions');
  if (body.actions) await assertMembers(tenant, body.actions);
  await tenant.update(automations, id, body, 'Automation');
  return getAutomation(tenant, id);
}

/** Deletes an automation and its run log. */
export function deleteAutomation(tenant: Tenant, id: string): Promise<void> {
  return tenant.delete(automations, id, 'Automation');
}

/** An automation's runs, newest first, with the lead's name (404 for another workspace's automation). */
export async function listAutomationRuns(tenant: Tenant, id: string, limit: number): Promise<TAutomationRunRow[]> {
  await tenant.get(automations, id, 'Automation');
  const rows = await tenant.db
    .select({ run: automationRuns, first_name: leads.first_name, last_name: leads.last_name, email: leads.email })
    .from(automationRuns)
    .leftJoin(leads, eq(leads.id, automationRuns.lead_id))
    .where(tenant.where(automationRuns, eq(automationRuns.automation_id, id)))
    .orderBy(desc(automationRuns.created_at), desc(automationRuns.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.run, lead_first_name: r.first_name, lead_last_name: r.last_name, lead_email: r.email }));
}

/** 400 naming each action whose owner or assignee is not a member of the workspace. */
async function assertMembers(tenant: Tenant, actions: TAutomationAction[]): Promise<void> {
  const errors: TFieldError[] = [];
  for (const [index, action] of actions.entries()) {
    const member =
      action.type === 'assign_owner' ? ['owner_id', action.params.owner_id] : action.type === 'add_task' ? ['assignee_id', action.params.assignee_id] : null;
    if (!member || !member[1]) continue;
    if (!(await roleIn(tenant.db, member[1], tenant.workspaceId))) {
      errors.push({ path: `body.actions.${index}.params.${member[0]}`, message: 'not a member of this workspace', code: 'not_member' });
    }
  }
  if (errors.length > 0) throw new AppError('bad_request', 'Owners and assignees must be members of this workspace', { errors });
}

/** The latest runs of each automation: one small index scan per automation (LATERAL). */
async function lastRunsOf(tenant: Tenant, ids: string[]): Promise<Map<string, TRunSummaryRow[]>> {
  const byAutomation = new Map<string, TRunSummaryRow[]>();
  if (ids.length === 0) return byAutomation;
  const recent = tenant.db
    .select({ id: automationRuns.id, status: automationRuns.status, created_at: automationRuns.created_at })
    .from(automationRuns)
    .where(and(eq(automationRuns.workspace_id, tenant.workspaceId), eq(automationRuns.automation_id, automations.id)))
    .orderBy(desc(automationRuns.created_at), desc(automationRuns.id))
    .limit(LAST_RUNS)
    .as('recent');
  const rows = await tenant.db
    .select({ automationId: automations.id, id: recent.id, status: recent.status, created_at: recent.created_at })
    .from(automations)
    .innerJoinLateral(recent, sql`true`)
    .where(tenant.where(automations, inArray(automations.id, ids)))
    .orderBy(desc(recent.created_at), desc(recent.id));
  for (const { automationId, ...run } of rows) byAutomation.set(automationId, [...(byAutomation.get(automationId) ?? []), run]);
  return byAutomation;
}
