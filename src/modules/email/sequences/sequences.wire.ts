import { iso } from '../../../contracts/common.js';
import type { TEnrollment, TSequence, TSequenceTotals } from '../../../contracts/email-sequences.js';
import type { TEnrollmentRow } from './sequence-enrollments.service.js';
import type { TSequenceRow } from './sequences.service.js';

const NO_TOTALS: TSequenceTotals = {
  enrolled: 0,
  active: 0,
  completed: 0,
  exited: 0,
  conversions: 0,
  conversion_rate: null,
  revenue: 0,
  orders: { count: 0, revenue: 0, refunded: 0 },
  sent: 0,
  opened: 0,
  clicked: 0,
  unsubscribed: 0,
};

export function sequence(row: TSequenceRow, totals: TSequenceTotals | undefined): TSequence {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    steps: row.steps,
    send_window: row.send_window ?? null,
    entry_segment_id: row.entry_segment_id,
    reentry_after_days: row.reentry_after_days,
    goal_rules: row.goal_rules ?? null,
    activated_at: iso(row.activated_at),
    totals: totals ?? NO_TOTALS,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function enrollment(row: TEnrollmentRow, lead: TEnrollment['lead']): TEnrollment {
  return {
    id: row.id,
    lead_id: row.lead_id,
    lead,
    state: row.state,
    exit_reason: row.exit_reason,
    step_id: row.step_id,
    due_at: iso(row.due_at),
    entered_at: iso(row.entered_at),
    ended_at: iso(row.ended_at),
  };
}
