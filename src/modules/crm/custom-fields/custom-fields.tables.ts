import { sql } from 'drizzle-orm';
import { integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { CUSTOM_FIELD_TYPES } from '../../../contracts/crm.js';
import { id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { workspaces } from '../../workspaces/index.js';

/** A custom field a workspace defines on its leads; values live in `leads.custom_fields[key]`. */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    field_type: text('field_type', { enum: CUSTOM_FIELD_TYPES }).notNull(),
    /** The allowed values of a `select` field. */
    options: text('options')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [uniqueIndex('custom_field_definitions_workspace_key_uq').on(t.workspace_id, t.key)],
);
