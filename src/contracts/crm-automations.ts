import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { ZLeadStatus } from './crm.js';
import { ZRuleGroup } from './crm-segments.js';

// CRM automations: a trigger, optional conditions (a segment rule tree) and ordered actions.
// "When <trigger>, if the lead matches <conditions>, do <actions>".

export const AUTOMATION_TRIGGER_TYPES = [
  'lead_created',
  'status_changed',
  'score_crossed',
  'tag_added',
  'form_submitted',
  'email_opened',
  'email_clicked',
] as const;
export type TAutomationTriggerType = (typeof AUTOMATION_TRIGGER_TYPES)[number];

const ZTag = z.string().trim().min(1).max(60);

/** What starts an automation; each trigger type carries its own parameter. */
export const ZAutomationTrigger = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('lead_created') }),
  /** Any status change, or only changes to `status`. */
  z.strictObject({ type: z.literal('status_changed'), status: ZLeadStatus.optional() }),
  /** The score goes from below `threshold` to `threshold` or more (upward only). */
  z.strictObject({ type: z.literal('score_crossed'), threshold: z.number().int().min(-100_000).max(100_000) }),
  /** Any tag added, or only `tag`. */
  z.strictObject({ type: z.literal('tag_added'), tag: ZTag.optional() }),
  // Recorded by the funnels and email modules through recordLeadEvent (form_submitted, email_opened, email_clicked).
  z.strictObject({ type: z.literal('form_submitted') }),
  z.strictObject({ type: z.literal('email_opened') }),
  z.strictObject({ type: z.literal('email_clicked') }),
]);
export type TAutomationTrigger = z.infer<typeof ZAutomationTrigger>;

export const AUTOMATION_ACTION_TYPES = [
  'set_status',
  'add_tag',
  'remove_tag',
  'assign_owner',
  'add_note',
  'add_task',
  'call_webhook',
  'send_email',
  'enroll_in_sequence',
] as const;
export type TAutomationActionType = (typeof AUTOMATION_ACTION_TYPES)[number];

/** Actions that have their place in the contract but need the email module, which does not exist yet. */
export const UNAVAILABLE_ACTION_TYPES = ['send_email', 'enroll_in_sequence'] as const satisfies readonly TAutomationActionType[];
export const UNAVAILABLE_ACTION_MESSAGE = 'available once the email module exists';

/** Webhook targets: absolute http(s) URLs only. */
const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }));

const unavailable = <T extends (typeof UNAVAILABLE_ACTION_TYPES)[number]>(type: T) =>
  z.strictObject({ type: z.literal(type), params: z.record(z.string(), z.unknown()).default({}) }).superRefine((_action, ctx) => {
    ctx.addIssue({ code: 'custom', path: ['type'], message: UNAVAILABLE_ACTION_MESSAGE });
  });

/** One action and its parameters, validated per type (errors name e.g. `body.actions.1.params.url`). */
export const ZAutomationAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('set_status'), params: z.strictObject({ status: ZLeadStatus }) }),
  z.strictObject({ type: z.literal('add_tag'), params: z.strictObject({ tag: ZTag }) }),
  z.strictObject({ type: z.literal('remove_tag'), params: z.strictObject({ tag: ZTag }) }),
  /** The owner must be a member of the workspace (checked when saving and when running). */
  z.strictObject({ type: z.literal('assign_owner'), params: z.strictObject({ owner_id: ZId }) }),
  /** Logs an interaction of type note. */
  z.strictObject({
    type: z.literal('add_note'),
    params: z.strictObject({ subject: z.string().trim().max(300).optional(), content: z.string().trim().min(1).max(20_000) }),
  }),
  /** A task on the lead, due `due_in_days` after the run, optionally assigned to a member. */
  z.strictObject({
    type: z.literal('add_task'),
    params: z.strictObject({
      title: z.string().trim().min(1).max(300),
      due_in_days: z.number().int().min(0).max(365).optional(),
      assignee_id: ZId.optional(),
    }),
  }),
  /** POSTs the lead and the trigger as JSON; the response's status code is logged. */
  z.strictObject({ type: z.literal('call_webhook'), params: z.strictObject({ url: ZWebhookUrl }) }),
  unavailable('send_email'),
  unavailable('enroll_in_sequence'),
]);
export type TAutomationAction = z.infer<typeof ZAutomationAction>;

const automationFields = {
  name: z.string().trim().min(1).max(120),
  active: z.boolean(),
  trigger: ZAutomationTrigger,
  /** Only leads matching this rule tree (the segments' rules) go through the actions; null = every lead. */
  conditions: ZRuleGroup.nullable(),
  actions: z.array(ZAutomationAction).min(1).max(20),
};

export const ZAutomationCreateBody = z.strictObject({
  ...automationFields,
  active: automationFields.active.default(true),
  conditions: automationFields.conditions.optional(),
});
export type TAutomationCreateBody = z.infer<typeof ZAutomationCreateBody>;

/** Any subset of the fields; `{ "active": false }` switches an automation off. */
export const ZAutomationUpdateBody = z.strictObject(automationFields).partial();
export type TAutomationUpdateBody = z.infer<typeof ZAutomationUpdateBody>;

export const AUTOMATION_RUN_STATUSES = ['succeeded', 'failed', 'skipped'] as const;
export type TAutomationRunStatus = (typeof AUTOMATION_RUN_STATUSES)[number];

/**
 * Why a run was skipped: the automation is already in the chain of automations that caused the
 * event (`loop`), the chain is 5 automations deep (`depth_limit`), or the lead does not match the conditions.
 */
export const AUTOMATION_SKIP_REASONS = ['loop', 'depth_limit', 'conditions_not_met'] as const;
export type TAutomationSkipReason = (typeof AUTOMATION_SKIP_REASONS)[number];

/** Chains of automations triggering each other stop at this depth. */
export const AUTOMATION_MAX_DEPTH = 5;

/** What one action did in a run. */
export const ZAutomationStep = z.object({
  type: z.enum(AUTOMATION_ACTION_TYPES),
  /** `skipped`: not run because an earlier action failed. */
  status: z.enum(AUTOMATION_RUN_STATUSES),
  /** What changed, e.g. the new status or the tag. */
  detail: z.string().nullable(),
  /** call_webhook: the HTTP status code the URL answered (null if it did not answer). */
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type TAutomationStep = z.infer<typeof ZAutomationStep>;

export const ZAutomationRunSummary = z.object({ id: ZId, status: z.enum(AUTOMATION_RUN_STATUSES), created_at: ZTimestamp });

export const ZAutomation = z.object({
  id: ZId,
  name: z.string(),
  active: z.boolean(),
  trigger: ZAutomationTrigger,
  conditions: ZRuleGroup.nullable(),
  actions: z.array(ZAutomationAction),
  created_by: ZId.nullable(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
  /** The five most recent runs, newest first. */
  last_runs: z.array(ZAutomationRunSummary),
});
export type TAutomation = z.infer<typeof ZAutomation>;

export const ZAutomationRun = z.object({
  id: ZId,
  automation_id: ZId,
  /** Null when the lead was deleted since. */
  lead_id: ZId.nullable(),
  lead_name: z.string().nullable(),
  status: z.enum(AUTOMATION_RUN_STATUSES),
  skip_reason: z.enum(AUTOMATION_SKIP_REASONS).nullable(),
  /** The lead event that triggered the run. */
  trigger_event: z.object({ id: ZId, event_type: z.string(), data: z.record(z.string(), z.unknown()), occurred_at: ZTimestamp }),
  steps: z.array(ZAutomationStep),
  /** 0 for an event caused by a person or another module, n for one caused by a chain of n automations. */
  depth: z.number().int(),
  error: z.string().nullable(),
  created_at: ZTimestamp,
});
export type TAutomationRun = z.infer<typeof ZAutomationRun>;

export const ZAutomationRunsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** Payload of the `crm.automations.dispatch` job: lead events to match against active automations. */
export const ZAutomationDispatchPayload = z.object({
  event_ids: z.array(z.uuid()).min(1).max(100),
  /** How many automations caused these events (0: a person or another module). */
  depth: z.number().int().min(0).max(AUTOMATION_MAX_DEPTH),
  /** Ids of the automations that caused these events, in order. */
  chain: z.array(z.uuid()).max(AUTOMATION_MAX_DEPTH),
});
export type TAutomationDispatchPayload = z.infer<typeof ZAutomationDispatchPayload>;
