import { z } from 'zod';
import { defineAutomationActions, defineAutomationTriggers, defineLeadEventTypes } from './lead-event-definitions.js';

// What the email module adds to the lead-event registry and the automation catalog. Its events arrive through
// recordLeadEvent with a dedupeKey per message (a repeated open or a replayed report writes nothing): what the
// person did (first open, clicks, unsubscribe, complaint) and what happened to their address (bounce). Sends and
// deliveries stay in the module's own table (email_sends): a newsletter would otherwise write, dispatch and
// rescore 100,000 events that no rule reads.

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
  email_bounced: {
    module: email,
    scorable: true,
    segmentable: true,
    trigger: null,
    data: z.looseObject({ campaign_id: z.string().optional(), message_id: z.string().optional(), bounce_type: z.enum(['hard', 'soft']).optional() }),
  },
  email_complained: {
    module: email,
    scorable: true,
    segmentable: true,
    trigger: null,
    data: z.looseObject({ campaign_id: z.string().optional(), message_id: z.string().optional() }),
  },
  email_unsubscribed: {
    module: email,
    scorable: true,
    segmentable: true,
    trigger: 'email_unsubscribed',
    data: z.looseObject({ campaign_id: z.string().optional(), message_id: z.string().optional() }),
  },
});

export const EMAIL_AUTOMATION_TRIGGERS = defineAutomationTriggers({
  email_opened: { module: email, params: {} },
  email_clicked: { module: email, params: {} },
  email_unsubscribed: { module: email, params: {} },
});

/**
 * "Send an email": the content of a chosen campaign, to the lead, as a one-off message through the sending engine.
 * "Enroll in a sequence": the lead enters a chosen sequence (nothing happens when already in it, or when its
 * re-entry rule says not yet).
 */
export const EMAIL_AUTOMATION_ACTIONS = defineAutomationActions({
  send_email: { module: email, params: z.strictObject({ campaign_id: z.uuid() }), available: true },
  enroll_in_sequence: { module: email, params: z.strictObject({ sequence_id: z.uuid() }), available: true },
});
