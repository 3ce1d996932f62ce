import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, workspaceId } from '../../platform/db/columns.js';
import { workspaces } from '../workspaces/index.js';

/**
 * The tokens of the provider webhooks a workspace received lately (Mailgun's `signature.token`), so a signed request
 * is acted on once: Mailgun's signature covers its timestamp and token, not the body, so a captured request could
 * otherwise be sent again with another body while its timestamp is recent. A row is written in the transaction that
 * records what the webhook says (a failed attempt leaves the token free for the provider's retry) and removed once
 * its timestamp is too old to be accepted anyway.
 */
export const emailWebhookTokens = pgTable(
  'email_webhook_tokens',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    token: text('token').notNull(),
    received_at: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('email_webhook_tokens_workspace_token_uq').on(t.workspace_id, t.provider, t.token),
    index('email_webhook_tokens_workspace_received_idx').on(t.workspace_id, t.received_at),
  ],
);
