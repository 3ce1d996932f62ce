import type { TAutomationTrigger, TAutomationTriggerType } from '../../contracts/crm-automations.js';

// Which lead events start which automations. Pure functions over the event's type and data.

type TEventLike = { type: string; data: Record<string, unknown> };

/** The trigger type each lead event type can start (field_changed only when tags were added). */
const TRIGGER_OF_EVENT: Record<string, TAutomationTriggerType> = {
  created: 'lead_created',
  imported: 'lead_created',
  status_changed: 'status_changed',
  score_changed: 'score_crossed',
  field_changed: 'tag_added',
  tag_added: 'tag_added',
  form_submitted: 'form_submitted',
  email_opened: 'email_opened',
  email_clicked: 'email_clicked',
};

/** True when some automation could start on this event (the others are never dispatched). */
export function canTrigger(event: TEventLike): boolean {
  const type = TRIGGER_OF_EVENT[event.type];
  return type === 'tag_added' ? addedTags(event).length > 0 : type !== undefined;
}

/** True when this event starts an automation with this trigger. */
export function triggerMatches(trigger: TAutomationTrigger, event: TEventLike): boolean {
  if (TRIGGER_OF_EVENT[event.type] !== trigger.type) return false;
  switch (trigger.type) {
    case 'status_changed':
      return trigger.status === undefined || event.data.to === trigger.status;
    case 'score_crossed': {
      const { from, to } = event.data;
      return typeof from === 'number' && typeof to === 'number' && from < trigger.threshold && trigger.threshold <= to;
    }
    case 'tag_added': {
      const added = addedTags(event);
      return trigger.tag === undefined ? added.length > 0 : added.includes(trigger.tag);
    }
    default:
      return true;
  }
}

/**
 * Tags an event added: a `field_changed` of `tags` (tags in `to` not in `from`), or a bulk
 * `tag_added` event carrying `tag` or `tags`.
 */
function addedTags(event: TEventLike): string[] {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  if (event.type === 'field_changed') {
    if (event.data.field !== 'tags') return [];
    const before = new Set(strings(event.data.from));
    return strings(event.data.to).filter((tag) => !before.has(tag));
  }
  if (event.type === 'tag_added') return typeof event.data.tag === 'string' ? [event.data.tag] : strings(event.data.tags);
  return [];
}
