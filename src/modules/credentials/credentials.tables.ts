import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/tables.js';
import { workspaces } from '../workspaces/tables.js';

/** One provider's credentials per workspace, sealed with the SecretBox (never stored in clear). */
export const workspaceCredentials = pgTable(
  'workspace_credentials',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    /** `v1.<key id>.<nonce>.<ciphertext>`: the JSON of the provider's fields, bound to workspace and provider. */
    sealed: text('sealed').notNull(),
    updated_by: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('workspace_credentials_workspace_provider_uq').on(t.workspace_id, t.provider)],
);
