import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { EMAIL_CAMPAIGN_STATUSES } from '../../contracts/email-campaigns.js';
import type { TRuleGroup } from '../../contracts/crm-segments.js';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/index.js';
import { segments } from '../segments/tables.js';
import { workspaces } from '../workspaces/index.js';

/**
 * An email campaign (spec: EmailCampaign): its content, sender, audience, status and counters. The counters are
 * kept by the sending engine as messages go; the rates are derived from them (unique opens and clicks over delivered).
 */
export const emailCampaigns = pgTable(
  'email_campaigns',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    subject: text('subject').notNull().default(''),
    preheader: text('preheader').notNull().default(''),
    html_content: text('html_content').notNull().default(''),
    text_content: text('text_content').notNull().default(''),
    editor_document: jsonb('editor_document').$type<Record<string, unknown>>(),
    from_name: text('from_name').notNull().default(''),
    from_email: text('from_email').notNull().default(''),
    reply_to: text('reply_to').notNull().default(''),
    status: text('status', { enum: EMAIL_CAMPAIGN_STATUSES }).notNull().default('draft'),
    scheduled_at: timestamp('scheduled_at', { withTimezone: true }),
    sent_at: timestamp('sent_at', { withTimezone: true }),
    canceled_at: timestamp('canceled_at', { withTimezone: true }),
    // A segment used by a campaign cannot be deleted (the campaign would silently target every lead); NO ACTION,
    // not RESTRICT, so that deleting the workspace, which cascades to both, checks only at the end of its statement.
    segment_id: uuid('segment_id').references(() => segments.id, { onDelete: 'no action' }),
    segment_rules: jsonb('segment_rules').$type<TRuleGroup>(),
    total_recipients: integer('total_recipients').notNull().default(0),
    total_sent: integer('total_sent').notNull().default(0),
    total_delivered: integer('total_delivered').notNull().default(0),
    total_opened: integer('total_opened').notNull().default(0),
    total_clicked: integer('total_clicked').notNull().default(0),
    total_bounced: integer('total_bounced').notNull().default(0),
    total_unsubscribed: integer('total_unsubscribed').notNull().default(0),
    total_complained: integer('total_complained').notNull().default(0),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('email_campaigns_workspace_created_idx').on(t.workspace_id, t.created_at, t.id),
    index('email_campaigns_workspace_status_idx').on(t.workspace_id, t.status, t.created_at),
  ],
);
