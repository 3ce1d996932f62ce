import { iso } from '../../../contracts/common.js';
import type { TInteraction, TLead } from '../../../contracts/crm.js';
import type { leadEvents, leadInteractions } from './leads.tables.js';
import type { TLeadCardDetails } from './lead-cards.service.js';
import type { TLeadRow } from './leads.service.js';

// Row -> wire mappers: the spec's field names, ISO dates.

export function lead(row: TLeadRow): TLead {
  return {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    job_title: row.job_title,
    status: row.status,
    score: row.score,
    source: row.source,
    source_url: row.source_url,
    estimated_value: row.estimated_value,
    tags: row.tags,
    notes: row.notes,
    custom_fields: row.custom_fields,
    owner_id: row.owner_id,
    utm_source: row.utm_source,
    utm_medium: row.utm_medium,
    utm_campaign: row.utm_campaign,
    utm_term: row.utm_term,
    utm_content: row.utm_content,
    lost_reason: row.lost_reason,
    consent_source: row.consent_source,
    consent_at: iso(row.consent_at),
    consent_ip: row.consent_ip,
    unsubscribed_at: iso(row.unsubscribed_at),
    optin_pending_at: iso(row.optin_pending_at),
    optin_confirmed_at: iso(row.optin_confirmed_at),
    timezone: row.timezone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** A lead as the list sends it: the lead plus what its pipeline card shows (next task, time in its stage). */
export function leadCard(row: TLeadRow, details: TLeadCardDetails | undefined): TLead {
  const task = details?.next_task ?? null;
  return {
    ...lead(row),
    next_task: task ? { id: task.id, title: task.title, due_at: iso(task.due_at) } : null,
    stage_entered_at: iso(details?.status_changed_at ?? row.created_at),
  };
}

export function leadEvent(row: typeof leadEvents.$inferSelect) {
  return {
    id: row.id,
    event_type: row.event_type,
    data: row.data,
    actor_user_id: row.actor_user_id,
    occurred_at: iso(row.occurred_at),
  };
}

export function interaction(row: typeof leadInteractions.$inferSelect): TInteraction {
  return {
    id: row.id,
    lead_id: row.lead_id,
    interaction_type: row.interaction_type,
    subject: row.subject,
    content: row.content,
    metadata: row.metadata,
    author_id: row.author_id,
    occurred_at: iso(row.occurred_at),
    created_at: iso(row.created_at),
  };
}
