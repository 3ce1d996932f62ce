import { iso, type TRole } from '../../contracts/common.js';
import { roleAtLeast } from '../../platform/auth/access.js';
import type { TAutomation, TAutomationRun, TAutomationSkipReason, TAutomationStep } from '../../contracts/crm-automations.js';
import { AUTOMATION_ERROR_CODES, AUTOMATION_SKIP_REASONS, type TAutomationErrorCode } from '../../contracts/crm-automations.js';
import type { TAutomationRunRow, TAutomationWithRuns } from './automations.service.js';

// Row -> wire mappers of automations and their run log.

/** A skipped run keeps its reason code in `error`; the wire gives the code and a sentence. */
const SKIP_SENTENCES: Record<TAutomationSkipReason, string> = {
  loop: 'Not run: this automation is already in the chain of automations that caused this event (loop guard).',
  depth_limit: 'Not run: 5 automations in a row already led to this event (chains stop at depth 5).',
  conditions_not_met: 'Not run: the lead does not match the conditions.',
};

export function automation({ automation: row, lastRuns }: TAutomationWithRuns): TAutomation {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    trigger: row.trigger,
    conditions: row.conditions ?? null,
    actions: row.actions,
    created_by: row.created_by,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    last_runs: lastRuns.map((run) => ({ id: run.id, status: run.status, created_at: iso(run.created_at) })),
  };
}

// Webhook URLs often carry a secret (a Zapier or Make hook id, a ?token=): only admins see them whole.
const WEBHOOK_MASK = '/***';

/** `https://hooks.example.com/***`: the host stays readable, the secret part does not. */
export function maskWebhookUrl(url: string): string {
  return URL.canParse(url) ? `${new URL(url).origin}${WEBHOOK_MASK}` : `https://masked.invalid${WEBHOOK_MASK}`;
}

/** The automation as `role` may see it: webhook URLs masked below admin. */
export function automationFor(role: TRole): (row: TAutomationWithRuns) => TAutomation {
  return (row) => {
    const wire = automation(row);
    if (roleAtLeast(role, 'admin')) return wire;
    return {
      ...wire,
      actions: wire.actions.map((a) => (a.type === 'call_webhook' ? { ...a, params: { ...a.params, url: maskWebhookUrl(a.params.url) } } : a)),
    };
  };
}

/**
 * A member who edits an automation sends back the masked URLs they were shown: each masked URL is
 * replaced by the stored URL it stands for, so saving never breaks a webhook nor reveals it.
 */
export function unmaskWebhookUrls<T extends { type: string; params?: unknown }>(stored: TAutomation['actions'], incoming: T[]): T[] {
  const byMask = new Map<string, string>();
  for (const a of stored) if (a.type === 'call_webhook') byMask.set(maskWebhookUrl(a.params.url), a.params.url);
  return incoming.map((a) => {
    const params = a.params as { url?: unknown } | undefined;
    if (a.type !== 'call_webhook' || typeof params?.url !== 'string' || !byMask.has(params.url)) return a;
    return { ...a, params: { ...params, url: byMask.get(params.url) } };
  });
}

export function automationRun(row: TAutomationRunRow): TAutomationRun {
  const skipReason = row.status === 'skipped' ? (AUTOMATION_SKIP_REASONS.find((reason) => reason === row.error) ?? null) : null;
  const errorCode = row.status === 'failed' ? (AUTOMATION_ERROR_CODES.find((code) => code === row.error) ?? null) : null;
  const name = [row.lead_first_name, row.lead_last_name].filter(Boolean).join(' ') || row.lead_email;
  const trigger = row.trigger_event as TAutomationRun['trigger_event'];
  const steps = (row.steps as Partial<TAutomationStep>[]).map(step);
  return {
    id: row.id,
    automation_id: row.automation_id,
    lead_id: row.lead_id,
    lead_name: row.lead_id ? name || null : null,
    status: row.status,
    skip_reason: skipReason,
    trigger_event: { id: trigger.id, event_type: trigger.event_type, data: trigger.data ?? {}, occurred_at: trigger.occurred_at },
    steps,
    depth: row.depth,
    error: skipReason ? SKIP_SENTENCES[skipReason] : errorCode ? runSentence(errorCode, row.error_params, steps) : row.error,
    error_code: skipReason ?? errorCode,
    error_params: errorCode ? (row.error_params ?? {}) : null,
    created_at: iso(row.created_at),
  };
}

/** A failed run in English for API users: its failed step's sentence, or what was wrong with the conditions. */
function runSentence(code: TAutomationErrorCode, params: Record<string, string | number> | null, steps: TAutomationStep[]): string {
  if (code === 'invalid_conditions') return `conditions: ${params?.detail ?? ''}`;
  return steps.find((s) => s.status === 'failed')?.error ?? code;
}

/** A stored step; steps logged before error codes existed have none. */
function step(stored: Partial<TAutomationStep>): TAutomationStep {
  return { ...(stored as TAutomationStep), error_code: stored.error_code ?? null, error_params: stored.error_params ?? null };
}
