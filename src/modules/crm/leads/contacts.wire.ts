import { iso } from '../../../contracts/common.js';
import { ZSavedViewConfig, type TSavedView, type TTask, type TTimelineItem, type TWorkspaceInteraction } from '../../../contracts/crm-contacts.js';
import { interaction, leadEvent } from './leads.wire.js';
import type { leadInteractions } from './leads.tables.js';
import type { TTimelineRow } from './lead-timeline.service.js';
import type { TLeadTaskRow } from './lead-tasks.service.js';
import type { TSavedViewRow } from './saved-views.service.js';

// Row -> wire mappers of the Contacts table and the lead page.

export function savedView(row: TSavedViewRow): TSavedView {
  return {
    id: row.id,
    name: row.name,
    // Stored configs were validated on write; parsing again fills defaults of older shapes.
    config: ZSavedViewConfig.parse(row.config),
    created_by: row.created_by,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export function task(row: TLeadTaskRow): TTask {
  return {
    id: row.id,
    lead_id: row.lead_id,
    title: row.title,
    due_at: iso(row.due_at),
    assignee_id: row.assignee_id,
    done: row.done_at !== null,
    done_at: iso(row.done_at),
    created_at: iso(row.created_at),
  };
}

export function workspaceInteraction(row: typeof leadInteractions.$inferSelect & { lead_name: string }): TWorkspaceInteraction {
  return { ...interaction(row), lead_name: row.lead_name };
}

export function timelineItem(row: TTimelineRow): TTimelineItem {
  return row.kind === 'interaction' ? { kind: 'interaction', ...interaction(row) } : { kind: 'event', ...leadEvent(row) };
}
