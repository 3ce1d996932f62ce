import { z } from 'zod';
import { defineAutomationActions, defineAutomationTriggers, defineLeadEventTypes } from './lead-event-definitions.js';

// The email module's contract. The module is not built yet; what it will add to the lead-event registry
// and the automation catalog is declared here, where it will live, so segments, scoring rules and
// automations can already offer it. Its events arrive through recordLeadEvent (with a dedupeKey per open).

const email = 'email';

export const EMAIL_LEAD_EVENT_TYPES = defineLeadEventTypes({
  email_opened: {
    module: email,
    scorable: true,
    segmentable: true,
    trigger: 'email_opened',
    data: z.looseObject({ campaign_id: z.string().optional(), message_id: z.string().optional() }),
  },
  email_clicked: {
    module: email,
    scorable: true,
    segmentable: true,
    trigger: 'email_clicked',
    data: z.looseObject({ campaign_id: z.string().optional(), message_id: z.string().optional(), url: z.string().optional() }),
  },
});

export const EMAIL_AUTOMATION_TRIGGERS = defineAutomationTriggers({
  email_opened: { module: email, params: {} },
  email_clicked: { module: email, params: {} },
});

/** Saving them is refused until the module exists (then it registers how they run). */
export const EMAIL_AUTOMATION_ACTIONS = defineAutomationActions({
  send_email: { module: email, params: z.looseObject({}), available: false },
  enroll_in_sequence: { module: email, params: z.looseObject({}), available: false },
});
