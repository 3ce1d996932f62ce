import { asc } from 'drizzle-orm';
import { INTERACTION_TYPES } from '../../../contracts/crm.js';
import type { TScoringRuleCreateBody, TScoringRuleUpdateBody } from '../../../contracts/crm-scoring.js';
import type { TRuleCondition } from '../../../contracts/crm-segments.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError, type TFieldError } from '../../../platform/errors.js';
import type { JobQueue } from '../../../platform/jobs/queue.js';
import { compileFitCondition } from './lead-scoring.service.js';
import { queueScoreRecalculation } from './scoring.jobs.js';
import { scoringRules } from './scoring.tables.js';
import { WORKSPACE_LIMITS } from '../../../contracts/limits.js';
import { createWithinWorkspaceLimit } from '../../../platform/db/workspace-limit.js';

export type TScoringRuleRow = typeof scoringRules.$inferSelect;

/** The workspace's scoring rules, oldest first. */
export function listScoringRules(tenant: Tenant): Promise<TScoringRuleRow[]> {
  return tenant.db
    .select()
    .from(scoringRules)
    .where(tenant.where(scoringRules))
    .orderBy(asc(scoringRules.created_at), asc(scoringRules.id))
    .limit(WORKSPACE_LIMITS.scoringRules);
}

/** Adds a rule and queues the recalculation of every score of the workspace. */
export async function createScoringRule(tenant: Tenant, queue: JobQueue, input: TScoringRuleCreateBody): Promise<TScoringRuleRow> {
  const values = await ruleValues(tenant, input, input);
  const row = await createWithinWorkspaceLimit(tenant, { table: scoringRules, list: 'scoringRules' }, (tx) => tx.insert(scoringRules, values));
  await queueScoreRecalculation(queue, tenant.workspaceId, 'rules_changed');
  return row;
}

/** Changes a rule; scores are recalculated in the background unless only its name changed. */
export async function updateScoringRule(tenant: Tenant, queue: JobQueue, id: string, input: TScoringRuleUpdateBody): Promise<TScoringRuleRow> {
  const before = await tenant.get(scoringRules, id, 'Scoring rule');
  const merged = {
    name: input.name ?? before.name,
    kind: input.kind ?? before.kind,
    event_type: input.event_type === undefined ? before.event_type : input.event_type,
    event_data: input.event_data === undefined ? (before.kind === 'event' ? (before.condition?.data ?? null) : null) : input.event_data,
    condition: input.condition === undefined ? (before.kind === 'fit' ? before.condition : null) : input.condition,
    points: input.points ?? before.points,
    active: input.active ?? before.active,
  };
  const values = await ruleValues(tenant, merged, input);
  const row = await tenant.update(scoringRules, id, values, 'Scoring rule');
  const onlyRenamed = Object.keys(input).every((key) => key === 'name');
  if (!onlyRenamed) await queueScoreRecalculation(queue, tenant.workspaceId, 'rules_changed');
  return row;
}

/** Deletes a rule and queues the recalculation. */
export async function deleteScoringRule(tenant: Tenant, queue: JobQueue, id: string): Promise<void> {
  await tenant.delete(scoringRules, id, 'Scoring rule');
  await queueScoreRecalculation(queue, tenant.workspaceId, 'rules_changed');
}

type TRuleInput = Omit<TScoringRuleCreateBody, 'event_type'> & { event_type?: string | null };

/**
 * Checks a rule as a whole and returns the row values. `sent` is the request body, so an error
 * names a field the caller actually sent when it is the cause (e.g. a condition on an event rule).
 * An event rule's `event_data` is stored as the `data` of an `events.<type>` condition, the segment
 * language's way to say "events of this type with these values".
 */
async function ruleValues(tenant: Tenant, rule: TRuleInput, sent: TScoringRuleUpdateBody) {
  const errors: TFieldError[] = [];
  const base = { name: rule.name, kind: rule.kind, points: rule.points, active: rule.active ?? true };
  if (rule.kind === 'event') {
    if (sent.condition) errors.push({ path: 'body.condition', message: 'only fit rules have a condition', code: 'fit_rule_only' });
    if (!rule.event_type) errors.push({ path: 'body.event_type', message: 'required for event rules', code: 'required' });
    const interactionType = rule.event_data?.interaction_type;
    if (interactionType !== undefined && !(INTERACTION_TYPES as readonly unknown[]).includes(interactionType)) {
      errors.push({ path: 'body.event_data.interaction_type', message: `must be one of ${INTERACTION_TYPES.join(', ')}` });
    }
    throwIfAny(errors);
    const condition: TRuleCondition | null =
      rule.event_data && Object.keys(rule.event_data).length > 0
        ? { field: `events.${rule.event_type}`, operator: 'is_not_empty', data: rule.event_data }
        : null;
    return { ...base, event_type: rule.event_type!, condition };
  }
  if (sent.event_type) errors.push({ path: 'body.event_type', message: 'only event rules have an event type', code: 'event_rule_only' });
  if (sent.event_data) errors.push({ path: 'body.event_data', message: 'only event rules have event data', code: 'event_rule_only' });
  if (!rule.condition) errors.push({ path: 'body.condition', message: 'required for fit rules', code: 'required' });
  throwIfAny(errors);
  const condition = rule.condition!;
  // A fit rule on the score itself would feed on its own output.
  if (condition.field === 'score' || condition.field.startsWith('events.score_changed')) {
    throwIfAny([{ path: 'body.condition.field', message: 'a fit rule cannot depend on the score itself', code: 'fit_rule_on_score' }]);
  }
  // Compiling is the validation: the same compiler as segments names the bad part of the condition.
  // Only a condition sent now is checked, so a rule whose custom field was deleted can still be switched off.
  if (sent.condition) await compileFitCondition(tenant, condition, 'body.condition');
  return { ...base, event_type: null, condition };
}

function throwIfAny(errors: TFieldError[]): void {
  if (errors.length > 0) throw new AppError('bad_request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}
