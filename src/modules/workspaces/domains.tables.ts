import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, workspaceId } from '../../platform/db/columns.js';
import { workspaces } from './workspaces.tables.js';

/** A host name of the workspace's own (pages.mon-coaching.fr) pointed at the public server. */
export const workspaceDomains = pgTable(
  'workspace_domains',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Lower-case, no port, no trailing dot; one workspace per host name in the whole instance. */
    hostname: text('hostname').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workspace_domains_hostname_uq').on(t.hostname), index('workspace_domains_workspace_idx').on(t.workspace_id)],
);
