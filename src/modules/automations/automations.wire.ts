import { iso } from '../../contracts/common.js';
import type { TAutomation, TAutomationRun, TAutomationSkipReason, TAutomationStep } from '../../contracts/crm-automations.js';
import { AUTOMATION_SKIP_REASONS } from '../../contracts/crm-automations.js';
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

export function automationRun(row: TAutomationRunRow): TAutomationRun {
  const skipReason = row.status === 'skipped' ? AUTOMATION_SKIP_REASONS.find((reason) => reason === row.error) ?? null : null;
  const name = [row.lead_first_name, row.lead_last_name].filter(Boolean).join(' ') || row.lead_email;
  const trigger = row.trigger_event as TAutomationRun['trigger_event'];
  return {
    id: row.id,
    automation_id: row.automation_id,
    lead_id: row.lead_id,
    lead_name: row.lead_id ? name || null : null,
    status: row.status,
    skip_reason: skipReason,
    trigger_event: { id: trigger.id, event_type: trigger.event_type, data: trigger.data ?? {}, occurred_at: trigger.occurred_at },
    steps: row.steps as TAutomationStep[],
    depth: row.depth,
    error: skipReason ? SKIP_SENTENCES[skipReason] : row.error,
    created_at: iso(row.created_at),
  };
}
