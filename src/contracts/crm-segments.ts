import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { SEGMENTABLE_LEAD_EVENT_TYPES } from './lead-events.js';

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

/** How a field's values compare: decides the operators it accepts and how its value is read. */
export type TSegmentFieldKind = 'text' | 'number' | 'date' | 'status' | 'tags' | 'owner' | 'boolean' | 'select';

/** The operators each kind of field accepts. */
export const SEGMENT_OPERATORS_BY_KIND: Record<TSegmentFieldKind, readonly TRuleOperator[]> = {
  text: ['eq', 'neq', 'contains', 'not_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  select: ['eq', 'neq', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'within_last_days', 'is_empty', 'is_not_empty'],
  status: ['eq', 'neq', 'in', 'not_in'],
  tags: ['eq', 'neq', 'contains', 'not_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  owner: ['eq', 'neq', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  boolean: ['eq', 'neq', 'is_empty', 'is_not_empty'],
};

/**
 * Operators of `events.<type>` conditions: has one (is_not_empty), has none (is_empty), has one in
 * the last N days (within_last_days), or how many (eq, gt, gte, lt, lte with a count).
 */
export const SEGMENT_EVENT_OPERATORS: readonly TRuleOperator[] = ['is_not_empty', 'is_empty', 'within_last_days', 'eq', 'gt', 'gte', 'lt', 'lte'];

/** The lead's own fields a condition can test (besides `custom.<key>` and `events.<type>`), with their kind. */
export const SEGMENT_LEAD_FIELDS = {
  first_name: 'text',
  last_name: 'text',
  email: 'text',
  phone: 'text',
  company: 'text',
  job_title: 'text',
  status: 'status',
  score: 'number',
  source: 'text',
  source_url: 'text',
  estimated_value: 'number',
  tags: 'tags',
  notes: 'text',
  owner: 'owner',
  created_at: 'date',
  updated_at: 'date',
  utm_source: 'text',
  utm_medium: 'text',
  utm_campaign: 'text',
  utm_term: 'text',
  utm_content: 'text',
  lost_reason: 'text',
  unsubscribed: 'boolean',
} as const satisfies Record<string, TSegmentFieldKind>;
export type TSegmentLeadField = keyof typeof SEGMENT_LEAD_FIELDS;

/** Lead events a segment can test: the registry's `segmentable` types (contracts/lead-events.ts). */
export const SEGMENT_EVENT_TYPES = SEGMENTABLE_LEAD_EVENT_TYPES;

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
