import { z } from 'zod';

// CRM automations: a trigger, optional conditions (a segment rule tree) and ordered actions.

export const AUTOMATION_TRIGGER_TYPES = [
  'lead_created',
  'status_changed',
  'score_crossed',
  'tag_added',
  'form_submitted',
  'email_opened',
  'email_clicked',
] as const;

export const ZAutomationTrigger = z.strictObject({
  type: z.enum(AUTOMATION_TRIGGER_TYPES),
  /** status_changed: only to this status; tag_added: only this tag; score_crossed: the threshold. */
  status: z.string().optional(),
  tag: z.string().optional(),
  threshold: z.number().int().optional(),
});
export type TAutomationTrigger = z.infer<typeof ZAutomationTrigger>;

export const AUTOMATION_ACTION_TYPES = [
  'set_status',
  'add_tag',
  'remove_tag',
  'assign_owner',
  'add_note',
  'add_task',
  'call_webhook',
  'send_email',
  'enroll_in_sequence',
] as const;

export const ZAutomationAction = z.strictObject({
  type: z.enum(AUTOMATION_ACTION_TYPES),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type TAutomationAction = z.infer<typeof ZAutomationAction>;

export const AUTOMATION_RUN_STATUSES = ['succeeded', 'failed', 'skipped'] as const;
