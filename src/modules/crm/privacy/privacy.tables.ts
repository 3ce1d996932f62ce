import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { workspaces } from '../../workspaces/index.js';

/**
 * Erased leads' emails, kept only as SHA-256 hashes of the lower-cased address, so that an
 * import or a form cannot bring an erased person back.
 */
export const leadSuppressions = pgTable(
  'lead_suppressions',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    email_hash: text('email_hash').notNull(),
    reason: text('reason').notNull().default('erased'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('lead_suppressions_workspace_hash_uq').on(t.workspace_id, t.email_hash)],
);
