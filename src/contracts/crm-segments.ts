import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';

// Segments: a rule tree over leads. A group is {op, rules}; a condition is {field, operator, value}.
// The server compiles the tree to parameterized SQL (modules/crm/segment-compiler.ts).

export const RULE_OPERATORS = [
  'eq',
  'neq',
  'contains',
  'not_contains',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'is_empty',
  'is_not_empty',
  'within_last_days',
] as const;
export const ZRuleOperator = z.enum(RULE_OPERATORS);
export type TRuleOperator = z.infer<typeof ZRuleOperator>;

/** The lead's own fields a condition can test (besides `custom.<key>` and `events.<type>`). */
export const SEGMENT_LEAD_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'job_title',
  'status',
  'score',
  'source',
  'source_url',
  'estimated_value',
  'tags',
  'notes',
  'owner',
  'created_at',
  'updated_at',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'lost_reason',
  'unsubscribed',
] as const;
export type TSegmentLeadField = (typeof SEGMENT_LEAD_FIELDS)[number];

/**
 * One condition. `field` is a lead field, `custom.<key>` or `events.<event_type>`; for event
 * fields `data` optionally narrows the events (e.g. {"campaign_id": "…"} for "opened campaign X").
 */
export const ZRuleCondition = z.strictObject({
  field: z.string().min(1).max(120),
  operator: ZRuleOperator,
  value: z.unknown().optional(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type TRuleCondition = z.infer<typeof ZRuleCondition>;

export type TRuleGroup = { op: 'and' | 'or'; rules: (TRuleGroup | TRuleCondition)[] };

export const ZRuleGroup: z.ZodType<TRuleGroup> = z.lazy(() =>
  z.strictObject({
    op: z.enum(['and', 'or']),
    rules: z.array(z.union([ZRuleGroup, ZRuleCondition])).max(50),
  }),
);

/** True when a node of the tree is a group (has `op`), false for a condition. */
export function isRuleGroup(node: TRuleGroup | TRuleCondition): node is TRuleGroup {
  return 'op' in node;
}

export const ZSegmentPreviewBody = z.strictObject({ rules: ZRuleGroup });

export const ZSegmentBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).nullable().optional(),
  rules: ZRuleGroup,
});
export type TSegmentBody = z.infer<typeof ZSegmentBody>;

export const ZSegmentUpdateBody = ZSegmentBody.partial();
export type TSegmentUpdateBody = z.infer<typeof ZSegmentUpdateBody>;

export const ZSegment = z.object({
  id: ZId,
  name: z.string(),
  description: z.string().nullable(),
  rules: ZRuleGroup,
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TSegment = z.infer<typeof ZSegment>;
