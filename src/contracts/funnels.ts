import { z } from 'zod';
import { defineAutomationTriggers, defineLeadEventTypes } from './lead-event-definitions.js';

// The funnels module's contract. The module is not built yet; what it will add to the lead-event registry
// and the automation catalog is declared here, where it will live. Its events arrive through recordLeadEvent.

const funnels = 'funnels';

export const FUNNEL_LEAD_EVENT_TYPES = defineLeadEventTypes({
  form_submitted: {
    module: funnels,
    scorable: true,
    segmentable: true,
    trigger: 'form_submitted',
    data: z.looseObject({ form_id: z.string().optional(), page_id: z.string().optional() }),
  },
  page_visited: {
    module: funnels,
    scorable: true,
    segmentable: true,
    trigger: null,
    data: z.looseObject({ page_id: z.string().optional(), url: z.string().optional() }),
  },
});

/** "Form submitted" (the module will add its parameter: on which form or page). */
export const FUNNEL_AUTOMATION_TRIGGERS = defineAutomationTriggers({
  form_submitted: { module: funnels, params: {} },
});
