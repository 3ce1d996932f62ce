import { z } from 'zod';
import { ZId } from './common.js';
import { ZLeadStatus } from './crm.js';
import { defineAutomationActions, defineAutomationTriggers } from './lead-event-definitions.js';

// What the CRM adds to the automation catalog (automation-catalog.ts): triggers on its lead events and
// actions on the lead, with their parameters. The automations module registers how each one runs.

const ZTag = z.string().trim().min(1).max(60);
const crm = 'crm';

export const CRM_AUTOMATION_TRIGGERS = defineAutomationTriggers({
  lead_created: { module: crm, params: {} },
  /** Any status change, or only changes to `status`. */
  status_changed: { module: crm, params: { status: ZLeadStatus.optional() } },
  /** The score goes from below `threshold` to `threshold` or more (upward only). */
  score_crossed: { module: crm, params: { threshold: z.number().int().min(-100_000).max(100_000) } },
  /** Any tag added, or only `tag`. */
  tag_added: { module: crm, params: { tag: ZTag.optional() } },
});

/** Webhook targets: absolute http(s) URLs only. */
const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }));

export const CRM_AUTOMATION_ACTIONS = defineAutomationActions({
  set_status: { module: crm, available: true, params: z.strictObject({ status: ZLeadStatus }) },
  add_tag: { module: crm, available: true, params: z.strictObject({ tag: ZTag }) },
  remove_tag: { module: crm, available: true, params: z.strictObject({ tag: ZTag }) },
  /** The owner must be a member of the workspace (checked when saving and when running). */
  assign_owner: { module: crm, available: true, params: z.strictObject({ owner_id: ZId }) },
  /** Logs an interaction of type note. */
  add_note: {
    module: crm,
    available: true,
    params: z.strictObject({ subject: z.string().trim().max(300).optional(), content: z.string().trim().min(1).max(20_000) }),
  },
  /** A task on the lead, due `due_in_days` after the run, optionally assigned to a member. */
  add_task: {
    module: crm,
    available: true,
    params: z.strictObject({
      title: z.string().trim().min(1).max(300),
      due_in_days: z.number().int().min(0).max(365).optional(),
      assignee_id: ZId.optional(),
    }),
  },
  /** POSTs the lead and the trigger as JSON, signed (Standard Webhooks); the response's status code is logged. */
  call_webhook: { module: crm, available: true, params: z.strictObject({ url: ZWebhookUrl }) },
});
