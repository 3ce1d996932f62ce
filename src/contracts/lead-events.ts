import type { TLeadEventTypeDefinition } from './lead-event-definitions.js';
import { ORDER_LEAD_EVENT_TYPES } from './commerce-orders.js';
import { CRM_LEAD_EVENT_TYPES } from './crm-lead-events.js';
import { EMAIL_LEAD_EVENT_TYPES } from './email.js';
import { FUNNEL_LEAD_EVENT_TYPES } from './funnels.js';

// The one registry of lead event types. Each module declares its own in its contract and adds one line
// here; scoring (which types a rule can count), segments (which `events.<type>` they can test), automations
// (which trigger a type can start), the API's zod enums, OpenAPI and the web's labels all derive from it.

export const LEAD_EVENT_TYPES = {
  ...CRM_LEAD_EVENT_TYPES,
  ...FUNNEL_LEAD_EVENT_TYPES,
  ...EMAIL_LEAD_EVENT_TYPES,
  ...ORDER_LEAD_EVENT_TYPES,
} satisfies Record<string, TLeadEventTypeDefinition>;

type TRegistry = typeof LEAD_EVENT_TYPES;
export type TLeadEventType = keyof TRegistry;
type TTypesWhere<F extends 'scorable' | 'segmentable'> = { [K in TLeadEventType]: TRegistry[K][F] extends true ? K : never }[TLeadEventType];

/** Every registered type, in registry order. */
export const ALL_LEAD_EVENT_TYPES = Object.keys(LEAD_EVENT_TYPES) as [TLeadEventType, ...TLeadEventType[]];

function typesWhere<F extends 'scorable' | 'segmentable'>(flag: F): [TTypesWhere<F>, ...TTypesWhere<F>[]] {
  return ALL_LEAD_EVENT_TYPES.filter((type) => LEAD_EVENT_TYPES[type][flag]) as [TTypesWhere<F>, ...TTypesWhere<F>[]];
}

/** Types an `event` scoring rule can count. */
export const SCORABLE_LEAD_EVENT_TYPES = typesWhere('scorable');
/** Types segments (and fit rules, automation conditions) can test as `events.<type>`. */
export const SEGMENTABLE_LEAD_EVENT_TYPES = typesWhere('segmentable');

/** The registered definition of a type, or undefined for a type no module declared. */
export function leadEventType(type: string): TLeadEventTypeDefinition | undefined {
  return Object.hasOwn(LEAD_EVENT_TYPES, type) ? LEAD_EVENT_TYPES[type as TLeadEventType] : undefined;
}

/** The automation trigger an event type can start, or null. */
export function triggerOfEvent(type: string): string | null {
  return leadEventType(type)?.trigger ?? null;
}
