import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/tables.js';
import { workspaces } from '../workspaces/tables.js';

/** A file of the media library; its bytes are in the blob store under `storage_key`. */
export const files = pgTable(
  'files',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    content_type: text('content_type').notNull(),
    /** Bytes stored: for an image, after resizing and re-encoding (see image-processing.ts). */
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Pixels of a stored image (one frame of an animation); null for a PDF. */
    width: integer('width'),
    height: integer('height'),
    sha256: text('sha256').notNull(),
    storage_key: text('storage_key').notNull(),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    // Millisecond precision: the list cursor (an ISO time) round-trips exactly.
    created_at: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('files_workspace_created_idx').on(t.workspace_id, t.created_at, t.id)],
);
