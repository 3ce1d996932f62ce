import { z } from 'zod';

// How a module declares what it adds to the lead-event registry (lead-events.ts) and the automation
// catalog (automation-catalog.ts): its event types, automation triggers and actions, each with its zod
// schema. Declarations only, no imports of module contracts, so every module's contract can use them.

/** One lead event type: what the rest of the product may do with it. */
export type TLeadEventTypeDefinition = {
  /** The module that records it (crm, email, funnels…). */
  module: string;
  /** An `event` scoring rule can count it. */
  scorable: boolean;
  /** Segments, fit rules and automation conditions can test `events.<type>`. */
  segmentable: boolean;
  /** The automation trigger it can start (the trigger's parameters narrow it further), or null. */
  trigger: string | null;
  /** The shape of its data; loose, so a writer may add keys (an import adds import_id). */
  data: z.ZodType<Record<string, unknown>>;
};

/** Declares a module's lead event types, keeping their names as literal types. */
export function defineLeadEventTypes<const T extends Record<string, TLeadEventTypeDefinition>>(types: T): T {
  return types;
}

/** One automation trigger: the shape of its parameters (besides `type`). */
export type TAutomationTriggerDefinition = { module: string; params: z.ZodRawShape };

/** Declares a module's automation triggers. */
export function defineAutomationTriggers<const T extends Record<string, TAutomationTriggerDefinition>>(triggers: T): T {
  return triggers;
}

/**
 * One automation action: its parameters' schema; `available: false` keeps its place in the contract
 * (and the editor) while saving it is refused, until the module that runs it exists.
 */
export type TAutomationActionDefinition = { module: string; params: z.ZodObject; available: boolean };

/** Declares a module's automation actions. */
export function defineAutomationActions<const T extends Record<string, TAutomationActionDefinition>>(actions: T): T {
  return actions;
}

/** Event data without a fixed shape beyond being an object. */
export const ZAnyEventData = z.looseObject({});
