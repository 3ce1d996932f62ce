import { z } from 'zod';
import { defineLeadEventTypes } from './lead-event-definitions.js';

// What the CRM adds to the lead-event registry (lead-events.ts): the events its leads, imports, tasks,
// interactions and scoring record. Never imports crm.ts (crm.ts -> crm-segments.ts -> the registry).

const change = z.looseObject({ field: z.string(), from: z.unknown(), to: z.unknown() });
const task = z.looseObject({ task_id: z.string(), title: z.string() });
const crm = 'crm';

export const CRM_LEAD_EVENT_TYPES = defineLeadEventTypes({
  created: { module: crm, scorable: false, segmentable: true, trigger: 'lead_created', data: z.looseObject({}) },
  imported: { module: crm, scorable: false, segmentable: true, trigger: 'lead_created', data: z.looseObject({ import_id: z.string() }) },
  /** `{field: 'status', from, to, lost_reason?}`. */
  status_changed: { module: crm, scorable: false, segmentable: true, trigger: 'status_changed', data: change },
  /** One changed field (`custom.<key>` for custom fields); a change of `tags` can start tag_added. */
  field_changed: { module: crm, scorable: false, segmentable: true, trigger: 'tag_added', data: change },
  /** A bulk action's tag: `{tag}` (or `{tags}`). */
  tag_added: {
    module: crm,
    scorable: false,
    segmentable: true,
    trigger: 'tag_added',
    data: z.looseObject({ tag: z.string().optional(), tags: z.array(z.string()).optional() }),
  },
  tag_removed: { module: crm, scorable: false, segmentable: true, trigger: null, data: z.looseObject({ tag: z.string() }) },
  interaction_added: {
    module: crm,
    scorable: true,
    segmentable: true,
    trigger: null,
    data: z.looseObject({ interaction_id: z.string(), interaction_type: z.string(), subject: z.string().nullable() }),
  },
  task_added: { module: crm, scorable: false, segmentable: true, trigger: null, data: task },
  task_completed: { module: crm, scorable: false, segmentable: true, trigger: null, data: task },
  /** Written by the scorer itself; never scored (no loop). */
  score_changed: {
    module: crm,
    scorable: false,
    segmentable: true,
    trigger: 'score_crossed',
    data: z.looseObject({ from: z.number(), to: z.number(), cause: z.string() }),
  },
});
