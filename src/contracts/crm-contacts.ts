import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';
import { ZInteraction, ZInteractionType, ZLeadEvent, ZLeadFilter, ZLeadSort, ZLeadStatus } from './crm.js';

// The Contacts table and the lead page: bulk actions, saved views, tasks, the workspace-wide
// interactions list and the lead's merged timeline.

/** Most leads one bulk request may name by id (a filter target has no such limit). */
export const BULK_MAX_IDS = 10_000;

const ZTag = z.string().trim().min(1).max(60);

/** Either the selected rows (ids) or every lead matching the filter ("select all matching"). */
export const ZBulkTarget = z.union([
  z.strictObject({
    ids: z
      .array(z.uuid({ error: 'must be a lead id' }))
      .min(1)
      .max(BULK_MAX_IDS),
  }),
  z.strictObject({ filter: ZLeadFilter }),
]);
export type TBulkTarget = z.infer<typeof ZBulkTarget>;

export const ZLeadBulkBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('set_status'), value: ZLeadStatus, lost_reason: z.string().trim().max(500).optional(), target: ZBulkTarget }),
  z.strictObject({ action: z.literal('add_tag'), value: ZTag, target: ZBulkTarget }),
  z.strictObject({ action: z.literal('remove_tag'), value: ZTag, target: ZBulkTarget }),
  /** value null removes the owner. */
  z.strictObject({ action: z.literal('set_owner'), value: ZId.nullable(), target: ZBulkTarget }),
  z.strictObject({ action: z.literal('delete'), target: ZBulkTarget }),
]);
export type TLeadBulkBody = z.infer<typeof ZLeadBulkBody>;
export type TBulkAction = TLeadBulkBody['action'];

export const ZLeadBulkResult = z.object({ affected: z.number().int() });

export const ZLeadCount = z.object({ count: z.number().int() });

// Saved views of the Contacts table.

/** Columns the Contacts table can show; custom fields are `custom.<key>`. */
export const CONTACT_COLUMNS = [
  'name',
  'email',
  'phone',
  'company',
  'job_title',
  'status',
  'score',
  'owner',
  'tags',
  'estimated_value',
  'source',
  'created_at',
] as const;

export const ZSavedViewConfig = z.strictObject({
  columns: z.array(z.string().min(1).max(80)).max(60),
  filter: ZLeadFilter.default({}),
  sort: ZLeadSort.default('newest'),
});
export type TSavedViewConfig = z.infer<typeof ZSavedViewConfig>;

export const ZSavedViewBody = z.strictObject({ name: z.string().trim().min(1).max(120), config: ZSavedViewConfig });
export const ZSavedViewUpdateBody = ZSavedViewBody.partial();
export type TSavedViewBody = z.infer<typeof ZSavedViewBody>;
export type TSavedViewUpdateBody = z.infer<typeof ZSavedViewUpdateBody>;

export const ZSavedView = z.object({
  id: ZId,
  name: z.string(),
  config: ZSavedViewConfig,
  created_by: ZId.nullable(),
  created_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export type TSavedView = z.infer<typeof ZSavedView>;

// Tasks on a lead.

const ZDueAt = z.iso.datetime({ offset: true }).nullable().optional();

export const ZTaskCreateBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  due_at: ZDueAt,
  assignee_id: ZId.nullable().optional(),
});
export type TTaskCreateBody = z.infer<typeof ZTaskCreateBody>;

export const ZTaskUpdateBody = ZTaskCreateBody.partial().extend({ done: z.boolean().optional() });
export type TTaskUpdateBody = z.infer<typeof ZTaskUpdateBody>;

export const ZTask = z.object({
  id: ZId,
  lead_id: ZId,
  title: z.string(),
  due_at: ZTimestamp.nullable(),
  assignee_id: ZId.nullable(),
  done: z.boolean(),
  done_at: ZTimestamp.nullable(),
  created_at: ZTimestamp,
});
export type TTask = z.infer<typeof ZTask>;

// The workspace's interactions (Interactions tab).

export const ZInteractionListQuery = z.object({
  interaction_type: ZInteractionType.optional(),
  author_id: z.uuid({ error: 'must be a user id' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type TInteractionListQuery = z.infer<typeof ZInteractionListQuery>;

export const ZWorkspaceInteraction = ZInteraction.extend({ lead_name: z.string() });
export type TWorkspaceInteraction = z.infer<typeof ZWorkspaceInteraction>;

export const ZInteractionList = z.object({ items: z.array(ZWorkspaceInteraction), next_cursor: z.string().nullable() });
export type TInteractionList = z.infer<typeof ZInteractionList>;

// A lead's timeline: interactions and events in one list, newest first.

export const ZTimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});

export const ZTimelineItem = z.discriminatedUnion('kind', [
  ZInteraction.extend({ kind: z.literal('interaction') }),
  ZLeadEvent.extend({ kind: z.literal('event') }),
]);
export type TTimelineItem = z.infer<typeof ZTimelineItem>;

export const ZTimeline = z.object({ items: z.array(ZTimelineItem), next_cursor: z.string().nullable() });
export type TTimeline = z.infer<typeof ZTimeline>;
