import { asc, eq } from 'drizzle-orm';
import type { TAutomationRunStatus, TAutomationSkipReason, TAutomationStep } from '../../contracts/crm-automations.js';
import { AUTOMATION_MAX_DEPTH } from '../../contracts/crm-automations.js';
import type { TRuleGroup } from '../../contracts/crm-segments.js';
import { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import { runActions } from './automation-actions.js';
import { automationWebhookSecret } from './automation-secrets.js';
import { triggerMatches } from './automation-triggers.js';
import { automationEventClaims, automationRuns, automations } from './automations.tables.js';
import { collectLeadEvents } from '../crm/index.js';
import { leadEvents, leads } from '../crm/tables.js';
import { compileLeadRules } from '../segments/index.js';

/** The chain of automations that caused an event: none for a person's change or another module's event. */
export type TAutomationCause = { depth: number; chain: string[] };

type TAutomationRow = typeof automations.$inferSelect;
type TEventRow = typeof leadEvents.$inferSelect;
type TErrorParams = Record<string, string | number>;

/**
 * Runs every active automation whose trigger matches the lead event and logs one run for each:
 * succeeded or failed with each action's result, or skipped with the reason (loop, depth, conditions).
 * Safe to run twice, even at once on two processes: an automation claims the event first (claimEvent).
 */
export async function runAutomationsOnEvent(runtime: Runtime, eventId: string, cause: TAutomationCause): Promise<void> {
  // The job carries only ids; the event's workspace scopes everything that follows.
  // eslint-disable-next-line local/tenant-scope -- the job's event id gives the workspace, which scopes everything after
  const [event] = await runtime.db.select().from(leadEvents).where(eq(leadEvents.id, eventId)).limit(1);
  if (!event) return; // the lead was deleted meanwhile, and its events with it
  const tenant = new Tenant(runtime.db, event.workspace_id);
  const candidates = await tenant.db
    .select()
    .from(automations)
    .where(tenant.where(automations, eq(automations.active, true)))
    .orderBy(asc(automations.created_at), asc(automations.id));
  for (const automation of candidates) {
    if (!triggerMatches(automation.trigger, { type: event.event_type, data: event.data })) continue;
    if (!(await claimEvent(tenant, automation.id, event.id))) continue;
    await runOne(runtime, tenant, automation, event, cause);
  }
}

async function runOne(runtime: Runtime, tenant: Tenant, automation: TAutomationRow, event: TEventRow, cause: TAutomationCause): Promise<void> {
  const triggerEvent = { id: event.id, event_type: event.event_type, data: event.data, occurred_at: event.occurred_at.toISOString() };
  // `error` holds a code: a skipped run's reason (TAutomationSkipReason), a failed run's TAutomationErrorCode
  // (parameters in error_params); the wire turns them into skip_reason / error_code and an English sentence.
  const log = async (status: TAutomationRunStatus, steps: TAutomationStep[], error: string | null, errorParams: TErrorParams | null = null): Promise<void> => {
    await tenant.insert(automationRuns, {
      automation_id: automation.id,
      lead_id: event.lead_id,
      status,
      trigger_event: triggerEvent,
      steps,
      depth: cause.depth,
      error,
      error_params: errorParams,
    });
  };

  // Loop guard: an automation never runs on an event its own chain caused, and chains stop at depth 5.
  const guard: TAutomationSkipReason | null = cause.chain.includes(automation.id) ? 'loop' : cause.depth >= AUTOMATION_MAX_DEPTH ? 'depth_limit' : null;
  if (guard) return log('skipped', [], guard);
  if (automation.conditions) {
    let matches: boolean;
    try {
      matches = await leadMatches(tenant, event.lead_id, automation.conditions);
    } catch (error) {
      // E.g. a custom field the conditions test was deleted since the automation was saved.
      return log('failed', [], 'invalid_conditions', { detail: error instanceof Error ? error.message : String(error) });
    }
    if (!matches) return log('skipped', [], 'conditions_not_met');
  }

  const context = {
    runtime,
    tenant,
    automation: { ...automation, webhookSecret: () => automationWebhookSecret(tenant, runtime.secrets, automation.id) },
    event: triggerEvent,
    leadId: event.lead_id,
    actor: { via: 'api_key' as const, user_id: null, workspace_id: tenant.workspaceId, role: 'member' as const },
  };
  // The events the actions write carry this chain into the outbox (the loop guard of the next round).
  const { result: steps } = await collectLeadEvents(() => runActions(context, automation.actions), {
    depth: cause.depth + 1,
    chain: [...cause.chain, automation.id],
  });
  const failure = steps.find((s) => s.status === 'failed');
  // The run keeps its failed step's code; the wire gives the step's English sentence as `error`.
  await log(failure ? 'failed' : 'succeeded', steps, failure?.error_code ?? null, failure?.error_params ?? null);
}

/**
 * Claims (automation, event) before anything runs; false when it was already claimed (jobs are delivered at
 * least once, and two processes may hold the same event): the primary key lets exactly one insert through.
 */
async function claimEvent(tenant: Tenant, automationId: string, eventId: string): Promise<boolean> {
  const claimed = await tenant.db
    .insert(automationEventClaims)
    .values({ workspace_id: tenant.workspaceId, automation_id: automationId, event_id: eventId })
    .onConflictDoNothing()
    .returning({ event_id: automationEventClaims.event_id });
  return claimed.length > 0;
}

/** True when the lead matches the rule tree (the segments' compiler, on this one lead). */
async function leadMatches(tenant: Tenant, leadId: string, rules: TRuleGroup): Promise<boolean> {
  const compiled = await compileLeadRules(tenant, rules, 'conditions');
  const rows = await tenant.db
    .select({ id: leads.id })
    .from(leads)
    .where(tenant.where(leads, eq(leads.id, leadId), compiled))
    .limit(1);
  return rows.length > 0;
}
