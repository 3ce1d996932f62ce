import { z } from 'zod';
import { jsonDepth, MAX_JSON_DEPTH, ZId, ZTimestamp, ZTimeZone } from './common.js';
import { ZRuleGroup } from './crm-segments.js';

// Wire shapes of the CRM module (spec "Lead"). Field names are the spec's.

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const ZLeadStatus = z.enum(LEAD_STATUSES);
export type TLeadStatus = z.infer<typeof ZLeadStatus>;

/** Types of the custom fields a workspace defines on its leads. */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'boolean'] as const;
export const ZCustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type TCustomFieldType = z.infer<typeof ZCustomFieldType>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Phone numbers: digits with the usual separators and an optional leading +. */
const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{4,24}$/, { error: 'must be a phone number (digits, spaces, + . - ( ))' })
  .nullable()
  .optional();

const ZLeadEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be a valid email address' }))
  .nullable()
  .optional();

const leadFields = {
  first_name: optionalText(120),
  last_name: optionalText(120),
  email: ZLeadEmail,
  phone: ZPhone,
  company: optionalText(200),
  job_title: optionalText(200),
  status: ZLeadStatus.optional(),
  source: optionalText(120),
  source_url: z.url().max(2000).nullable().optional(),
  estimated_value: z.number().min(0).max(1e12).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  notes: optionalText(20_000),
  owner_id: ZId.nullable().optional(),
  utm_source: optionalText(200),
  utm_medium: optionalText(200),
  utm_campaign: optionalText(200),
  utm_term: optionalText(200),
  utm_content: optionalText(200),
  lost_reason: optionalText(500),
  /** Where and when the person agreed to be contacted (a form, a call, a signed contract…), and from which IP. */
  consent_source: optionalText(200),
  consent_at: z.iso.datetime({ offset: true }).nullable().optional(),
  consent_ip: z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' }).nullable().optional(),
  /** When the person unsubscribed from marketing email; null when subscribed. */
  unsubscribed_at: z.iso.datetime({ offset: true }).nullable().optional(),
  /** The person's IANA time zone (sequences' send windows may follow it); null: the workspace's. */
  timezone: ZTimeZone.nullable().optional(),
  /** Values of the workspace's custom fields by key; null removes a value. Checked against the definitions. */
  custom_fields: z.record(z.string(), z.unknown()).optional(),
};

export const ZLeadCreateBody = z.strictObject(leadFields);
export type TLeadCreateBody = z.infer<typeof ZLeadCreateBody>;

export const ZLeadUpdateBody = z.strictObject(leadFields);
export type TLeadUpdateBody = z.infer<typeof ZLeadUpdateBody>;

/** A lead's first open task, as pipeline cards show it. */
export const ZLeadNextTask = z.object({ id: ZId, title: z.string(), due_at: ZTimestamp.nullable() });

export const ZLead = z.object({
  id: ZId,
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  job_title: z.string().nullable(),
  status: ZLeadStatus,
  score: z.number().int(),
  source: z.string().nullable(),
  source_url: z.string().nullable(),
  estimated_value: z.number().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  custom_fields: z.record(z.string(), z.unknown()),
  owner_id: ZId.nullable(),
  utm_source: z.string().nullable(),
  utm_medium: z.string().nullable(),
  utm_campaign: z.string().nullable(),
  utm_term: z.string().nullable(),
  utm_content: z.string().nullable(),
  lost_reason: z.string().nullable(),
  consent_source: z.string().nullable(),
  consent_at: ZTimestamp.nullable(),
  consent_ip: z.string().nullable(),
  unsubscribed_at: ZTimestamp.nullable(),
  /** Double opt-in: signed up, confirmation link not clicked yet (not mailed until then). */
  optin_pending_at: ZTimestamp.nullable(),
  /** When the address was last confirmed through a double opt-in link. */
  optin_confirmed_at: ZTimestamp.nullable(),
  timezone: z.string().nullable(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
  /** In lists only (what a pipeline card shows): the first open task, earliest due date first; null when none. */
  next_task: ZLeadNextTask.nullable().optional(),
  /** In lists only: when the lead entered its current status (its last status change, else its creation). */
  stage_entered_at: ZTimestamp.optional(),
});
export type TLead = z.infer<typeof ZLead>;

/** Orders of the lead list; each has its own keyset cursor. */
export const LEAD_SORTS = ['newest', 'oldest', 'updated', 'score', 'value', 'name'] as const;
export const ZLeadSort = z.enum(LEAD_SORTS);
export type TLeadSort = z.infer<typeof ZLeadSort>;

/**
 * Which leads: a search, a status, a segment rule tree and/or a saved segment, all combined with AND.
 * Used by the list, the export and bulk actions.
 */
export const ZLeadFilter = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: ZLeadStatus.optional(),
  rules: ZRuleGroup.optional(),
  segment_id: ZId.optional(),
});
export type TLeadFilter = z.infer<typeof ZLeadFilter>;

/** The same filter in a query string: `rules` is the rule tree as a JSON string. */
export const ZLeadFilterQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: ZLeadStatus.optional(),
  rules: z
    .string()
    .max(50_000)
    .transform((text, ctx) => {
      let tree: unknown;
      try {
        tree = JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON rule tree' });
        return z.NEVER;
      }
      // Checked before the recursive schema below, which a deep tree would overflow.
      if (jsonDepth(tree, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        ctx.addIssue({ code: 'custom', message: `must not nest more than ${MAX_JSON_DEPTH} levels` });
        return z.NEVER;
      }
      return tree;
    })
    .pipe(ZRuleGroup)
    .optional()
    .describe('Segment rule tree as JSON, e.g. {"op":"and","rules":[{"field":"score","operator":"gte","value":50}]}'),
  segment_id: ZId.optional(),
});

export const ZLeadListQuery = ZLeadFilterQuery.extend({
  sort: ZLeadSort.default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TLeadListQuery = z.infer<typeof ZLeadListQuery>;

export const ZLeadList = z.object({ items: z.array(ZLead), next_cursor: z.string().nullable() });

/** The board's first screen in one request: every status's first page, in pipeline order. */
export const ZLeadBoardQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
export const ZLeadBoard = z.object({
  columns: z.array(z.object({ status: ZLeadStatus, items: z.array(ZLead), next_cursor: z.string().nullable() })),
});
export type TLeadBoard = z.infer<typeof ZLeadBoard>;

export const ZLeadEvent = z.object({
  id: ZId,
  event_type: z.string(),
  data: z.record(z.string(), z.unknown()),
  actor_user_id: ZId.nullable(),
  occurred_at: ZTimestamp,
});

export const INTERACTION_TYPES = ['email', 'call', 'meeting', 'note'] as const;
export const ZInteractionType = z.enum(INTERACTION_TYPES);

export const ZInteractionCreateBody = z.strictObject({
  interaction_type: ZInteractionType,
  subject: z.string().trim().max(300).nullable().optional(),
  content: z.string().max(50_000).nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
});
export type TInteractionCreateBody = z.infer<typeof ZInteractionCreateBody>;

export const ZInteraction = z.object({
  id: ZId,
  lead_id: ZId,
  interaction_type: ZInteractionType,
  subject: z.string().nullable(),
  content: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  author_id: ZId.nullable(),
  occurred_at: ZTimestamp,
  created_at: ZTimestamp,
});
export type TInteraction = z.infer<typeof ZInteraction>;

/** Default win probability per status, used for the weighted pipeline value. */
export const STATUS_WIN_PROBABILITY: Record<TLeadStatus, number> = {
  new: 0.1,
  contacted: 0.2,
  qualified: 0.4,
  proposal: 0.6,
  negotiation: 0.8,
  won: 1,
  lost: 0,
};

export const ZLeadStats = z.object({
  total_leads: z.number().int(),
  by_status: z.array(z.object({ status: ZLeadStatus, count: z.number().int(), total_value: z.number() })),
  /** Sum of estimated_value over open leads (not won, not lost). */
  pipeline_value: z.number(),
  /** Open leads' estimated_value weighted by STATUS_WIN_PROBABILITY. */
  weighted_pipeline_value: z.number(),
  /** won / (won + lost), null before any lead is closed. */
  conversion_rate: z.number().nullable(),
  /** Days from creation to the change to "won", averaged over won leads. */
  average_days_to_win: z.number().nullable(),
  /** Mean estimated_value over leads that have one. */
  average_lead_value: z.number().nullable(),
});
export type TLeadStats = z.infer<typeof ZLeadStats>;

// Custom fields: definitions per workspace (/api/marketing/custom-fields).

export const ZCustomFieldKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'must start with a letter and use only a-z, 0-9 and _ (40 characters at most)' });

export const ZCustomFieldCreateBody = z.strictObject({
  key: ZCustomFieldKey,
  label: z.string().trim().min(1).max(120),
  field_type: ZCustomFieldType,
  options: z.array(z.string().trim().min(1).max(120)).max(200).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TCustomFieldCreateBody = z.infer<typeof ZCustomFieldCreateBody>;

export const ZCustomFieldUpdateBody = z.strictObject({
  label: z.string().trim().min(1).max(120).optional(),
  options: z.array(z.string().trim().min(1).max(120)).max(200).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TCustomFieldUpdateBody = z.infer<typeof ZCustomFieldUpdateBody>;

export const ZCustomField = z.object({
  id: ZId,
  key: z.string(),
  label: z.string(),
  field_type: ZCustomFieldType,
  options: z.array(z.string()),
  position: z.number().int(),
  created_at: ZTimestamp,
});
export type TCustomField = z.infer<typeof ZCustomField>;

/** POST /api/marketing/segments/preview: how many leads match, and the first few. */
export const ZSegmentPreview = z.object({ count: z.number().int(), sample: z.array(ZLead) });
