import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { LEAD_STATUSES, STATUS_WIN_PROBABILITY, type TLeadStatus } from './crm.js';
import { ZRuleCondition } from './crm-segments.js';
import { SCORABLE_LEAD_EVENT_TYPES, type TLeadEventType } from './lead-events.js';

// Lead scoring rules: engagement (events, decaying) and fit (field conditions), the CRM settings
// that go with them (half-life, round-robin) and the explanation of a lead's score.

export const SCORING_RULE_KINDS = ['event', 'fit'] as const;
export const ZScoringRuleKind = z.enum(SCORING_RULE_KINDS);
export type TScoringRuleKind = z.infer<typeof ZScoringRuleKind>;

/**
 * Events an `event` rule can score: the registry's `scorable` types (contracts/lead-events.ts).
 * `interaction_added` comes from the CRM itself; forms, emails and page visits arrive from other
 * modules through recordLeadEvent.
 */
export const SCORING_EVENT_TYPES = SCORABLE_LEAD_EVENT_TYPES;
export const ZScoringEventType = z.enum(SCORING_EVENT_TYPES);
export type TScoringEventType = z.infer<typeof ZScoringEventType>;

/** The event the scorer records itself when a score changes; it is never scored (no loop). */
export const SCORE_CHANGED_EVENT = 'score_changed' satisfies TLeadEventType;

/** Rule points are whole numbers, negative to penalize. */
export const SCORING_POINTS_MIN = -1000;
export const SCORING_POINTS_MAX = 1000;

/** Narrows which events count, matched against the event's data (e.g. {"interaction_type": "meeting"}). */
export const ZScoringEventData = z
  .record(z.string().min(1).max(60), z.union([z.string().max(200), z.number(), z.boolean()]))
  .refine((data) => Object.keys(data).length <= 10, { error: 'at most 10 keys' });

const ruleFields = {
  name: z.string().trim().min(1).max(120),
  kind: ZScoringRuleKind,
  event_type: ZScoringEventType.nullable().optional(),
  event_data: ZScoringEventData.nullable().optional(),
  condition: ZRuleCondition.nullable().optional(),
  points: z.number().int({ error: 'must be a whole number' }).min(SCORING_POINTS_MIN).max(SCORING_POINTS_MAX),
  active: z.boolean().optional(),
};

/** POST body; which of event_type / condition is required depends on `kind` (checked by the service). */
export const ZScoringRuleCreateBody = z.strictObject(ruleFields);
export type TScoringRuleCreateBody = z.infer<typeof ZScoringRuleCreateBody>;

export const ZScoringRuleUpdateBody = z.strictObject(ruleFields).partial();
export type TScoringRuleUpdateBody = z.infer<typeof ZScoringRuleUpdateBody>;

export const ZScoringRule = z.object({
  id: ZId,
  name: z.string(),
  kind: ZScoringRuleKind,
  event_type: z.string().nullable(),
  event_data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
  condition: ZRuleCondition.nullable(),
  points: z.number().int(),
  active: z.boolean(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TScoringRule = z.infer<typeof ZScoringRule>;

export const SCORE_HALF_LIFE_MIN = 1;
export const SCORE_HALF_LIFE_MAX = 3650;
/** The half-life a workspace has before it changes it (the column's default). */
export const DEFAULT_SCORE_HALF_LIFE_DAYS = 30;

/** Stages a lead is still open in: the ones whose win probability a workspace chooses. */
export const OPEN_LEAD_STATUSES = LEAD_STATUSES.filter((s): s is Exclude<TLeadStatus, 'won' | 'lost'> => s !== 'won' && s !== 'lost');
export type TOpenLeadStatus = (typeof OPEN_LEAD_STATUSES)[number];

/**
 * Win probability per stage in whole percent (0–100), what the weighted pipeline multiplies each open stage's
 * value by. `won` is always 100 and `lost` 0: they are listed so the table reads whole.
 */
export const ZStageProbabilities = z.object(
  Object.fromEntries(LEAD_STATUSES.map((s) => [s, z.number().int().min(0).max(100)])) as Record<TLeadStatus, z.ZodNumber>,
);
export type TStageProbabilities = Record<TLeadStatus, number>;

/** The probabilities a workspace has until it changes them (STATUS_WIN_PROBABILITY in percent). */
export const DEFAULT_STAGE_PROBABILITIES: TStageProbabilities = Object.fromEntries(
  LEAD_STATUSES.map((s) => [s, Math.round(STATUS_WIN_PROBABILITY[s] * 100)]),
) as TStageProbabilities;

const ZPercent = z
  .number({ error: 'must be a percentage' })
  .int({ error: 'must be a whole percentage' })
  .min(0, { error: 'must be 0 % or more' })
  .max(100, { error: 'must be 100 % at most' });

/**
 * PATCH: any open stages (the others keep their value). `won` and `lost` are accepted only at their fixed value,
 * so the settings read by GET can be sent back as they are.
 */
export const ZStageProbabilitiesUpdate = z.strictObject({
  ...(Object.fromEntries(OPEN_LEAD_STATUSES.map((s) => [s, ZPercent.optional()])) as Record<TOpenLeadStatus, z.ZodOptional<typeof ZPercent>>),
  won: z.literal(100, { error: 'a won lead is won: fixed at 100 %' }).optional(),
  lost: z.literal(0, { error: 'a lost lead is lost: fixed at 0 %' }).optional(),
});

export const ZCrmSettings = z.object({
  /** Engagement points lose half their value every this many days. */
  score_half_life_days: z.number().int(),
  round_robin_enabled: z.boolean(),
  /** User ids of the members the rotation goes through, in order. */
  round_robin_member_ids: z.array(ZId),
  /** Win probability per stage in percent, for the weighted pipeline (DEFAULT_STAGE_PROBABILITIES until changed). */
  stage_probabilities: ZStageProbabilities,
});
export type TCrmSettings = z.infer<typeof ZCrmSettings>;

export const ZCrmSettingsUpdateBody = z.strictObject({
  score_half_life_days: z.number().int({ error: 'must be a whole number of days' }).min(SCORE_HALF_LIFE_MIN).max(SCORE_HALF_LIFE_MAX).optional(),
  round_robin_enabled: z.boolean().optional(),
  round_robin_member_ids: z.array(ZId).max(200).optional(),
  stage_probabilities: ZStageProbabilitiesUpdate.optional(),
});
export type TCrmSettingsUpdateBody = z.infer<typeof ZCrmSettingsUpdateBody>;

/** One thing that contributes to a score: a fit rule the lead matches, or one scored event. */
export const ZScoreItem = z.object({
  kind: ZScoringRuleKind,
  rule_id: ZId,
  rule_name: z.string(),
  /** The rule's full points (what the event was worth when it happened). */
  points: z.number().int(),
  /** What it is worth now: `points` for fit rules, decayed points for events (2 decimals). */
  value: z.number(),
  event_id: ZId.nullable(),
  event_type: z.string().nullable(),
  occurred_at: ZTimestamp.nullable(),
  condition: ZRuleCondition.nullable(),
});
export type TScoreItem = z.infer<typeof ZScoreItem>;

/** A rule's share of a score, as stored in lead_score_history.breakdown. */
export const ZScoreBreakdownEntry = z.object({
  rule_id: ZId,
  rule_name: z.string(),
  kind: ZScoringRuleKind,
  points: z.number().int(),
  count: z.number().int(),
  value: z.number(),
});
export type TScoreBreakdownEntry = z.infer<typeof ZScoreBreakdownEntry>;

export const ZScoreHistoryEntry = z.object({
  id: ZId,
  score: z.number().int(),
  previous_score: z.number().int(),
  /** What caused the recalculation: an event type, `rules_changed`, `settings_changed`, `decay`, `import`… */
  cause: z.string(),
  breakdown: z.array(ZScoreBreakdownEntry),
  created_at: ZTimestamp,
});
export type TScoreHistoryEntry = z.infer<typeof ZScoreHistoryEntry>;

/** GET /api/marketing/leads/:id/score: the stored score, what makes it up now, and its recent changes. */
export const ZScoreExplanation = z.object({
  lead_id: ZId,
  /** The stored score (leads.score), updated on each event, rule change and nightly. */
  score: z.number().int(),
  /** round(fit + decayed engagement) computed now; differs from `score` only by decay since the last update. */
  computed_score: z.number().int(),
  fit_points: z.number(),
  engagement_points: z.number(),
  half_life_days: z.number().int(),
  computed_at: ZTimestamp,
  /** Fit items first, then scored events newest first (at most 100). */
  items: z.array(ZScoreItem),
  /** Older scored events beyond the listed ones, summed so the items still add up. */
  other_events: z.object({ count: z.number().int(), value: z.number() }),
  history: z.array(ZScoreHistoryEntry),
});
export type TScoreExplanation = z.infer<typeof ZScoreExplanation>;
