import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { ZRuleGroup } from './crm-segments.js';
import { AUTOMATION_ACTIONS, AUTOMATION_TRIGGERS } from './automation-catalog.js';
import type { TAutomationActionDefinition } from './lead-event-definitions.js';

// CRM automations: a trigger, optional conditions (a segment rule tree) and ordered actions.
// "When <trigger>, if the lead matches <conditions>, do <actions>". The triggers and actions, with their
// parameters, come from the catalog each module adds to (automation-catalog.ts).

type TTriggerDefinitions = typeof AUTOMATION_TRIGGERS;
type TActionDefinitions = typeof AUTOMATION_ACTIONS;

/** Every trigger type of the catalog (contracts/automation-catalog.ts), in catalog order. */
export const AUTOMATION_TRIGGER_TYPES = Object.keys(AUTOMATION_TRIGGERS) as [keyof TTriggerDefinitions, ...(keyof TTriggerDefinitions)[]];
export type TAutomationTriggerType = (typeof AUTOMATION_TRIGGER_TYPES)[number];

/** What starts an automation: `{type}` and that trigger's parameters. */
export type TAutomationTrigger = { [K in TAutomationTriggerType]: { type: K } & TTriggerParams<TTriggerDefinitions[K]['params']> }[TAutomationTriggerType];
type TTriggerParams<P> = P extends z.ZodRawShape ? (keyof P extends never ? unknown : z.infer<z.ZodObject<P>>) : never;

/** One strict object per trigger type, built from the catalog (errors name e.g. `body.trigger.threshold`). */
export const ZAutomationTrigger = z.discriminatedUnion(
  'type',
  AUTOMATION_TRIGGER_TYPES.map((type) => z.strictObject({ type: z.literal(type), ...AUTOMATION_TRIGGERS[type].params })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<TAutomationTrigger>;

/** Every action type of the catalog, in catalog order. */
export const AUTOMATION_ACTION_TYPES = Object.keys(AUTOMATION_ACTIONS) as [keyof TActionDefinitions, ...(keyof TActionDefinitions)[]];
export type TAutomationActionType = (typeof AUTOMATION_ACTION_TYPES)[number];

type TUnavailableActionType = { [K in TAutomationActionType]: TActionDefinitions[K]['available'] extends false ? K : never }[TAutomationActionType];

/** Actions that have their place in the contract but whose module does not exist yet (saving them is refused). */
export const UNAVAILABLE_ACTION_TYPES = AUTOMATION_ACTION_TYPES.filter((type) => !AUTOMATION_ACTIONS[type].available) as TUnavailableActionType[];
export const UNAVAILABLE_ACTION_MESSAGE = 'this action is not available yet (its module is not built)';

/** One action and its parameters. */
export type TAutomationAction = {
  [K in TAutomationActionType]: {
    type: K;
    params: TActionDefinitions[K]['available'] extends true ? z.infer<TActionDefinitions[K]['params']> : Record<string, unknown>;
  };
}[TAutomationActionType];

function actionSchema(type: TAutomationActionType) {
  const definition: TAutomationActionDefinition = AUTOMATION_ACTIONS[type];
  if (definition.available) return z.strictObject({ type: z.literal(type), params: definition.params });
  return z.strictObject({ type: z.literal(type), params: z.record(z.string(), z.unknown()).default({}) }).superRefine((_action, ctx) => {
    ctx.addIssue({ code: 'custom', path: ['type'], message: UNAVAILABLE_ACTION_MESSAGE });
  });
}

/** One action and its parameters, validated per type (errors name e.g. `body.actions.1.params.url`). */
export const ZAutomationAction = z.discriminatedUnion(
  'type',
  AUTOMATION_ACTION_TYPES.map(actionSchema) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<TAutomationAction>;

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

/**
 * Why a step or a run failed, as a code (with `error_params`) the web app translates
 * (crmAutomations.runs.errors.<code>); `error` keeps an English sentence for API users.
 */
export const AUTOMATION_ERROR_CODES = [
  'webhook_status',
  'webhook_timeout',
  'webhook_private_address',
  'webhook_unreachable',
  'action_unavailable',
  'invalid_params',
  'lead_not_found',
  'not_member',
  'invalid_conditions',
  'campaign_not_found',
  'campaign_not_ready',
  'email_not_mailable',
  'sequence_not_found',
  'sequence_not_active',
  'unexpected',
] as const;
export type TAutomationErrorCode = (typeof AUTOMATION_ERROR_CODES)[number];
const ZErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));

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
  /** Null for a step that did not fail (and in runs logged before codes existed). */
  error_code: z.enum(AUTOMATION_ERROR_CODES).nullable().default(null),
  error_params: ZErrorParams.nullable().default(null),
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
  /** A failed run's code (its failed step's, or invalid_conditions) and parameters; a skipped run's is its skip_reason. */
  error_code: z.enum([...AUTOMATION_ERROR_CODES, ...AUTOMATION_SKIP_REASONS]).nullable(),
  error_params: ZErrorParams.nullable(),
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

/**
 * The secret an automation's webhook calls are signed with (Standard Webhooks: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature`); admins only.
 */
export const ZAutomationWebhookSecret = z.object({ secret: z.string() });
