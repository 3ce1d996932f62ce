import { CRM_AUTOMATION_ACTIONS } from '../../contracts/crm-automation-catalog.js';
import { addInteraction, addLeadTask, changeLeadTags, getLead, leadWire as wire, updateLead } from '../crm/index.js';
import { signedHeaders } from '../webhooks/index.js';
import { registerAutomationAction, registerAutomationTrigger, type TActionOutcome, type TTriggerEvent } from './automation-registry.js';
import { ActionFailure } from './automation-failure.js';
import { postWebhook, WebhookError, WEBHOOK_TIMEOUT_MS } from './automation-webhook.js';

// The CRM's triggers and actions: how they match lead events and what they do to the lead, through the
// same services as the API (so every change is validated and logged on the timeline like a person's).

const done = (detail: string | null): TActionOutcome => ({ detail, statusCode: null });

registerAutomationTrigger({ type: 'lead_created' });
registerAutomationTrigger({ type: 'status_changed', matches: (trigger, event) => trigger.status === undefined || event.data.to === trigger.status });
registerAutomationTrigger({
  type: 'score_crossed',
  // Upward only: from below the threshold to the threshold or more.
  matches: (trigger, event) => {
    const { from, to } = event.data;
    return typeof from === 'number' && typeof to === 'number' && from < trigger.threshold && trigger.threshold <= to;
  },
});
registerAutomationTrigger({
  type: 'tag_added',
  matches: (trigger, event) => {
    const added = addedTags(event);
    return trigger.tag === undefined ? added.length > 0 : added.includes(trigger.tag);
  },
  canStart: (event) => addedTags(event).length > 0,
});

/**
 * Tags an event added: a `field_changed` of `tags` (tags in `to` not in `from`), or a bulk
 * `tag_added` event carrying `tag` or `tags`.
 */
function addedTags(event: TTriggerEvent): string[] {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  if (event.type === 'field_changed') {
    if (event.data.field !== 'tags') return [];
    const before = new Set(strings(event.data.from));
    return strings(event.data.to).filter((tag) => !before.has(tag));
  }
  if (event.type === 'tag_added') return typeof event.data.tag === 'string' ? [event.data.tag] : strings(event.data.tags);
  return [];
}

registerAutomationAction({
  type: 'set_status',
  params: CRM_AUTOMATION_ACTIONS.set_status.params,
  run: async (ctx, params) => {
    await updateLead(ctx.tenant, ctx.actor, ctx.leadId, { status: params.status });
    return done(params.status);
  },
});
registerAutomationAction({
  type: 'add_tag',
  params: CRM_AUTOMATION_ACTIONS.add_tag.params,
  run: async (ctx, params) => {
    // Merged into the locked row: a tag someone adds at the same time is kept.
    await changeLeadTags(ctx.tenant, ctx.actor, ctx.leadId, { add: [params.tag] });
    return done(params.tag);
  },
});
registerAutomationAction({
  type: 'remove_tag',
  params: CRM_AUTOMATION_ACTIONS.remove_tag.params,
  run: async (ctx, params) => {
    await changeLeadTags(ctx.tenant, ctx.actor, ctx.leadId, { remove: [params.tag] });
    return done(params.tag);
  },
});
registerAutomationAction({
  type: 'assign_owner',
  params: CRM_AUTOMATION_ACTIONS.assign_owner.params,
  run: async (ctx, params) => {
    await updateLead(ctx.tenant, ctx.actor, ctx.leadId, { owner_id: params.owner_id });
    return done(params.owner_id);
  },
});
registerAutomationAction({
  type: 'add_note',
  params: CRM_AUTOMATION_ACTIONS.add_note.params,
  run: async (ctx, params) => {
    const note = await addInteraction(ctx.tenant, ctx.actor, ctx.leadId, {
      interaction_type: 'note',
      subject: params.subject ?? null,
      content: params.content,
    });
    return done(note.id);
  },
});
registerAutomationAction({
  type: 'add_task',
  params: CRM_AUTOMATION_ACTIONS.add_task.params,
  run: async (ctx, { title, due_in_days: dueInDays, assignee_id: assigneeId }) => {
    const dueAt = dueInDays === undefined ? null : new Date(Date.now() + dueInDays * 86_400_000);
    const task = await addLeadTask(ctx.tenant.db, {
      workspaceId: ctx.tenant.workspaceId,
      leadId: ctx.leadId,
      title,
      dueAt,
      assigneeId: assigneeId ?? null,
      actorUserId: null,
    });
    return done(task.id);
  },
});
registerAutomationAction({
  type: 'call_webhook',
  params: CRM_AUTOMATION_ACTIONS.call_webhook.params,
  run: async (ctx, params) => {
    const body = JSON.stringify({
      automation: { id: ctx.automation.id, name: ctx.automation.name },
      trigger: { ...ctx.automation.trigger, event: ctx.event },
      lead: wire.lead(await getLead(ctx.tenant, ctx.leadId)),
    });
    // Signed like the workspace's webhooks (Standard Webhooks). The id is the same for a retried run of
    // this step on this event, so a receiver that dedupes by webhook-id sees one call.
    const headers = signedHeaders(await ctx.automation.webhookSecret(), `msg_${ctx.automation.id}_${ctx.event.id}_${ctx.stepIndex}`, body);
    let statusCode: number;
    try {
      statusCode = await postWebhook(params.url, body, { allowPrivateAddresses: ctx.runtime.config.webhookAllowPrivateAddresses, headers });
    } catch (error) {
      throw webhookFailure(error);
    }
    if (statusCode < 200 || statusCode >= 300)
      throw new ActionFailure(`the URL answered HTTP ${statusCode}`, 'webhook_status', { status: statusCode }, statusCode);
    return { detail: params.url, statusCode };
  },
});

/** A webhook that could not be called, as a code the run log translates. */
function webhookFailure(error: unknown): unknown {
  if (!(error instanceof WebhookError)) return error;
  if (error.code === 'private_address') return new ActionFailure(error.message, 'webhook_private_address', {});
  if (error.code === 'timeout') return new ActionFailure(error.message, 'webhook_timeout', { seconds: WEBHOOK_TIMEOUT_MS / 1000 });
  return new ActionFailure(error.message, 'webhook_unreachable', { detail: error.message });
}
