import type { TRuleCondition } from '../../../contracts/crm-segments.js';
import type { TScoreBreakdownEntry, TScoreItem } from '../../../contracts/crm-scoring.js';

// The scoring formula, as plain functions of their inputs (time included), so the stored score,
// the explanation and the tests all use the same arithmetic:
//   score = round( sum(fit points of matched rules) + sum(event points * 0.5 ^ (age_days / half_life)) )

const DAY_MS = 86_400_000;

export type TEventRule = { id: string; name: string; points: number; event_type: string; event_data: Record<string, unknown> | null };
export type TFitRule = { id: string; name: string; points: number; condition: TRuleCondition };
export type TScoredEvent = { id: string; event_type: string; data: Record<string, unknown>; occurred_at: Date };

export type TScoreResult = { score: number; fit: number; engagement: number; items: TScoreItem[] };

/** What one engagement point is worth `ageMs` later (events dated in the future count fully). */
export function decayFactor(ageMs: number, halfLifeDays: number): number {
  return Math.pow(0.5, Math.max(0, ageMs) / DAY_MS / halfLifeDays);
}

/** True when an event counts for a rule: same type, and its data holds every value the rule asks for. */
export function eventMatches(rule: TEventRule, event: TScoredEvent): boolean {
  if (rule.event_type !== event.event_type) return false;
  return Object.entries(rule.event_data ?? {}).every(([key, value]) => event.data[key] === value);
}

/**
 * A lead's score from the fit rules it matches and its events. Every event counts for every
 * event rule it matches (a meeting can earn both "interaction" and "meeting" points).
 */
export function computeScore(input: {
  matchedFitRules: TFitRule[];
  eventRules: TEventRule[];
  events: TScoredEvent[];
  halfLifeDays: number;
  now: Date;
}): TScoreResult {
  const items: TScoreItem[] = input.matchedFitRules.map((rule) => ({
    kind: 'fit',
    rule_id: rule.id,
    rule_name: rule.name,
    points: rule.points,
    value: rule.points,
    event_id: null,
    event_type: null,
    occurred_at: null,
    condition: rule.condition,
  }));
  const fit = items.reduce((sum, item) => sum + item.value, 0);
  let engagement = 0;
  const newestFirst = [...input.events].sort((a, b) => b.occurred_at.getTime() - a.occurred_at.getTime());
  for (const event of newestFirst) {
    for (const rule of input.eventRules) {
      if (!eventMatches(rule, event)) continue;
      const value = rule.points * decayFactor(input.now.getTime() - event.occurred_at.getTime(), input.halfLifeDays);
      engagement += value;
      items.push({
        kind: 'event',
        rule_id: rule.id,
        rule_name: rule.name,
        points: rule.points,
        value,
        event_id: event.id,
        event_type: event.event_type,
        occurred_at: event.occurred_at.toISOString(),
        condition: null,
      });
    }
  }
  return { score: Math.round(fit + engagement), fit, engagement, items };
}

/** Rounds a decayed value for display and storage (the score itself is rounded from exact values). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The items summed per rule: what lead_score_history keeps to explain a past score. */
export function breakdownOf(items: TScoreItem[]): TScoreBreakdownEntry[] {
  const byRule = new Map<string, TScoreBreakdownEntry>();
  for (const item of items) {
    const entry = byRule.get(item.rule_id) ?? { rule_id: item.rule_id, rule_name: item.rule_name, kind: item.kind, points: item.points, count: 0, value: 0 };
    entry.count += 1;
    entry.value += item.value;
    byRule.set(item.rule_id, entry);
  }
  return [...byRule.values()].map((entry) => ({ ...entry, value: round2(entry.value) }));
}
