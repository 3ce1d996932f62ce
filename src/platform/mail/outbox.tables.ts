import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns.js';

/** `sending`: claimed by one delivery (Mailer.deliver), so a second one at the same time sends nothing. */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'not_sent'] as const;

/**
 * Every mail the product sends is written here first, then a job delivers it.
 * Without SMTP_URL the row stays as `not_sent` and Settings > Outbox shows it.
 * workspace_id is null only for account mail (password reset) that belongs to no workspace.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: id(),
    workspace_id: uuid('workspace_id'),
    category: text('category').notNull(),
    to_address: text('to_address').notNull(),
    from_address: text('from_address').notNull(),
    subject: text('subject').notNull(),
    text_body: text('text_body').notNull(),
    html_body: text('html_body'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    error: text('error'),
    sent_at: timestamp('sent_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index('outbox_messages_workspace_idx').on(t.workspace_id, t.created_at)],
);
