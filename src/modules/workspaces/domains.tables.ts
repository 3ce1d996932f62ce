import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, workspaceId } from '../../platform/db/columns.js';
import { workspaces } from './workspaces.tables.js';

/**
 * A host name of the workspace's own (pages.mon-coaching.fr) pointed at the public server. It serves pages only once
 * the workspace has proved it holds the name: a TXT record `<DOMAIN_TXT_PREFIX>.<hostname>` carrying the token.
 * Several workspaces may claim a name (nobody can squat it by adding it first); one at most proves it.
 */
export const workspaceDomains = pgTable(
  'workspace_domains',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Lower-case, no port, no trailing dot. */
    hostname: text('hostname').notNull(),
    /** The value the TXT record must carry (random, per claim). */
    verification_token: text('verification_token')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    verified_at: timestamp('verified_at', { withTimezone: true }),
    /** The last DNS check and, when it failed, why (a DNS error code, or `txt_missing`). */
    checked_at: timestamp('checked_at', { withTimezone: true }),
    check_error: text('check_error'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('workspace_domains_workspace_hostname_uq').on(t.workspace_id, t.hostname),
    uniqueIndex('workspace_domains_verified_hostname_uq')
      .on(t.hostname)
      .where(sql`${t.verified_at} IS NOT NULL`),
    index('workspace_domains_workspace_idx').on(t.workspace_id),
  ],
);
