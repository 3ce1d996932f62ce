import type { z } from 'zod';
import { AUTOMATION_ACTIONS, AUTOMATION_TRIGGERS } from '../../contracts/automation-catalog.js';
import type { TAutomationAction, TAutomationActionType, TAutomationTrigger, TAutomationTriggerType } from '../../contracts/crm-automations.js';
import type { TAuth } from '../../platform/auth/access.js';
import type { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';

// How triggers match and actions run, registered by the modules that own them (the CRM's in crm-steps.ts;
// email will add "send email" and "enroll in sequence", funnels "form submitted on page X") without editing
// this module. What they are and their parameters is declared in the contracts' catalog
// (contracts/automation-catalog.ts), which the API validates with; registering checks the two agree.

/** What an action runs with: the workspace, the automation, the event that started it, the lead. */
export type TActionContext = {
  runtime: Runtime;
  tenant: Tenant;
  automation: { id: string; name: string; trigger: TAutomationTrigger; webhookSecret: () => Promise<string> };
  event: { id: string; event_type: string; data: Record<string, unknown>; occurred_at: string };
  leadId: string;
  /** The action's position in the automation (a webhook call's id is per step). */
  stepIndex: number;
  /** Automations act for the workspace, not for a person: like an API key, no user is the author. */
  actor: TAuth;
};

/** What an action did: a short detail for the run log (the new status, the tag…) and an HTTP status if it called one. */
export type TActionOutcome = { detail: string | null; statusCode: number | null };

type TActionOf<K extends TAutomationActionType> = Extract<TAutomationAction, { type: K }>;
type TTriggerOf<K extends TAutomationTriggerType> = Extract<TAutomationTrigger, { type: K }>;

/** An event as triggers see it. */
export type TTriggerEvent = { type: string; data: Record<string, unknown> };

type TActionRegistration = { params: z.ZodType; run: (ctx: TActionContext, params: unknown) => Promise<TActionOutcome> };
type TTriggerRegistration = { matches: (trigger: TAutomationTrigger, event: TTriggerEvent) => boolean; canStart?: (event: TTriggerEvent) => boolean };

const actions = new Map<string, TActionRegistration>();
const triggers = new Map<string, TTriggerRegistration>();

/**
 * Registers how an action of the catalog runs. `params` must be the catalog's schema for that type (so the
 * API and the runner never disagree); the runner gets them parsed again, since a stored automation may
 * predate a change of the schema.
 */
export function registerAutomationAction<K extends TAutomationActionType>(registration: {
  type: K;
  params: z.ZodType<TActionOf<K>['params']>;
  run: (ctx: TActionContext, params: TActionOf<K>['params']) => Promise<TActionOutcome>;
}): void {
  const declared = AUTOMATION_ACTIONS[registration.type] as { params: z.ZodType } | undefined;
  if (!declared || declared.params !== registration.params) {
    throw new Error(`automation action ${registration.type}: declare it, with these params, in the contracts' automation catalog`);
  }
  actions.set(registration.type, registration as unknown as TActionRegistration);
}

/**
 * Registers how a trigger of the catalog matches an event (its parameters narrow the event types the
 * lead-event registry maps to it); `canStart` tells, before any automation is read, whether the event
 * could start one at all (a field change starts tag_added only if it added a tag).
 */
export function registerAutomationTrigger<K extends TAutomationTriggerType>(registration: {
  type: K;
  matches?: (trigger: TTriggerOf<K>, event: TTriggerEvent) => boolean;
  canStart?: (event: TTriggerEvent) => boolean;
}): void {
  if (!Object.hasOwn(AUTOMATION_TRIGGERS, registration.type)) {
    throw new Error(`automation trigger ${registration.type}: declare it in the contracts' automation catalog`);
  }
  triggers.set(registration.type, {
    matches: (registration.matches as TTriggerRegistration['matches'] | undefined) ?? (() => true),
    canStart: registration.canStart,
  });
}

/** The registered runner of an action type, or undefined (its module does not exist yet). */
export function automationActionRunner(type: string): TActionRegistration | undefined {
  return actions.get(type);
}

/** The registered matcher of a trigger type, or undefined. */
export function automationTriggerMatcher(type: string): TTriggerRegistration | undefined {
  return triggers.get(type);
}
