import { triggerOfEvent } from '../../contracts/lead-events.js';
import type { TAutomationTrigger } from '../../contracts/crm-automations.js';
import { automationTriggerMatcher, type TTriggerEvent } from './automation-registry.js';
import './crm-steps.js';

// Which lead events start which automations: the lead-event registry maps each event type to the trigger it
// can start (contracts/lead-events.ts); the trigger's registered matcher checks its parameters. A trigger
// no module registered yet (email, funnels) matches on the event type alone.

/** True when some automation could start on this event (the others are never dispatched). */
export function canTrigger(event: TTriggerEvent): boolean {
  const type = triggerOfEvent(event.type);
  if (type === null) return false;
  return automationTriggerMatcher(type)?.canStart?.(event) ?? true;
}

/** True when this event starts an automation with this trigger. */
export function triggerMatches(trigger: TAutomationTrigger, event: TTriggerEvent): boolean {
  if (triggerOfEvent(event.type) !== trigger.type) return false;
  return automationTriggerMatcher(trigger.type)?.matches(trigger, event) ?? true;
}
