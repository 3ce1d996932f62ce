import type { TAutomationAction, TAutomationStep, TAutomationTrigger } from '../../contracts/crm-automations.js';
import { UNAVAILABLE_ACTION_MESSAGE } from '../../contracts/crm-automations.js';
import type { TAuth } from '../../platform/auth/access.js';
import type { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import { postWebhook } from './automation-webhook.js';
import { addInteraction, addLeadTask, changeLeadTags, getLead, leadWire as wire, updateLead } from '../crm/index.js';

// Runs an automation's actions on one lead, in order, through the same services the API uses
// (so every change is validated and logged on the lead's timeline like a person's change).

export type TActionContext = {
  runtime: Runtime;
  tenant: Tenant;
  automation: { id: string; name: string; trigger: TAutomationTrigger };
  event: { id: string; event_type: string; data: Record<string, unknown>; occurred_at: string };
  leadId: string;
};

/** A failed action: the message (and the webhook's status code) go to the run log. */
class ActionFailure extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null = null,
  ) {
    super(message);
  }
}

/** Runs the actions in order; the first failure stops the run and the remaining actions are logged as skipped. */
export async function runActions(ctx: TActionContext, actions: TAutomationAction[]): Promise<TAutomationStep[]> {
  const steps: TAutomationStep[] = [];
  let failed = false;
  for (const action of actions) {
    if (failed) {
      steps.push({ type: action.type, status: 'skipped', detail: null, status_code: null, error: null });
      continue;
    }
    try {
      const { detail, statusCode } = await runAction(ctx, action);
      steps.push({ type: action.type, status: 'succeeded', detail, status_code: statusCode, error: null });
    } catch (error) {
      failed = true;
      const statusCode = error instanceof ActionFailure ? error.statusCode : null;
      steps.push({ type: action.type, status: 'failed', detail: null, status_code: statusCode, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return steps;
}

type TOutcome = { detail: string | null; statusCode: number | null };

async function runAction(ctx: TActionContext, action: TAutomationAction): Promise<TOutcome> {
  const { tenant, leadId } = ctx;
  // Automations act for the workspace, not for a person: like an API key, no user is the author.
  const actor: TAuth = { via: 'api_key', user_id: null, workspace_id: tenant.workspaceId, role: 'member' };
  const done = (detail: string | null): TOutcome => ({ detail, statusCode: null });
  switch (action.type) {
    case 'set_status':
      await updateLead(tenant, actor, leadId, { status: action.params.status });
      return done(action.params.status);
    case 'add_tag':
      // Merged into the locked row: a tag someone adds at the same time is kept.
      await changeLeadTags(tenant, actor, leadId, { add: [action.params.tag] });
      return done(action.params.tag);
    case 'remove_tag':
      await changeLeadTags(tenant, actor, leadId, { remove: [action.params.tag] });
      return done(action.params.tag);
    case 'assign_owner':
      await updateLead(tenant, actor, leadId, { owner_id: action.params.owner_id });
      return done(action.params.owner_id);
    case 'add_note': {
      const note = await addInteraction(tenant, actor, leadId, {
        interaction_type: 'note',
        subject: action.params.subject ?? null,
        content: action.params.content,
      });
      return done(note.id);
    }
    case 'add_task': {
      const { title, due_in_days: dueInDays, assignee_id: assigneeId } = action.params;
      const dueAt = dueInDays === undefined ? null : new Date(Date.now() + dueInDays * 86_400_000);
      const task = await addLeadTask(tenant.db, { workspaceId: tenant.workspaceId, leadId, title, dueAt, assigneeId: assigneeId ?? null, actorUserId: null });
      return done(task.id);
    }
    case 'call_webhook': {
      const body = {
        automation: { id: ctx.automation.id, name: ctx.automation.name },
        trigger: { ...ctx.automation.trigger, event: ctx.event },
        lead: wire.lead(await getLead(tenant, leadId)),
      };
      const statusCode = await postWebhook(action.params.url, body, { allowPrivateAddresses: ctx.runtime.config.webhookAllowPrivateAddresses });
      if (statusCode < 200 || statusCode >= 300) throw new ActionFailure(`the URL answered HTTP ${statusCode}`, statusCode);
      return { detail: action.params.url, statusCode };
    }
    case 'send_email':
    case 'enroll_in_sequence':
      // Refused when saving; only reachable through rows written before that rule.
      throw new ActionFailure(UNAVAILABLE_ACTION_MESSAGE);
  }
}
