import { iso } from '../../../contracts/common.js';
import type { TScoringRule } from '../../../contracts/crm-scoring.js';
import type { TScoringRuleRow } from './scoring-rules.service.js';

/** A scoring rule on the wire: an event rule's narrowing `data` travels as `event_data`. */
export function scoringRule(row: TScoringRuleRow): TScoringRule {
  const isEvent = row.kind === 'event';
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    event_type: isEvent ? row.event_type : null,
    event_data: isEvent ? (row.condition?.data ?? null) : null,
    condition: isEvent ? null : row.condition,
    points: row.points,
    active: row.active,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}
