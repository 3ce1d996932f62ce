import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { IMPORT_STATUSES, ON_DUPLICATE, type TImportReason } from '../../../contracts/crm-imports.js';
import { bytea, id, timestamps, workspaceId } from '../../../platform/db/columns.js';
import { users } from '../../accounts/index.js';
import { workspaces } from '../../workspaces/index.js';

/** One CSV import of leads: its options, progress and final counts. */
export const leadImports = pgTable(
  'lead_imports',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('queued'),
    file_name: text('file_name').notNull(),
    file_size: integer('file_size').notNull().default(0),
    /** CSV column header -> lead field (`email`, `custom.<key>`…); unmapped columns are ignored. */
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    on_duplicate: text('on_duplicate', { enum: ON_DUPLICATE }).notNull(),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    processed_rows: integer('processed_rows').notNull().default(0),
    /** Bytes of the file the job has read so far: with file_size, the progress bar. */
    bytes_read: integer('bytes_read').notNull().default(0),
    created_count: integer('created_count').notNull().default(0),
    updated_count: integer('updated_count').notNull().default(0),
    skipped_count: integer('skipped_count').notNull().default(0),
    failed_count: integer('failed_count').notNull().default(0),
    error: text('error'),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    started_at: timestamp('started_at', { withTimezone: true }),
    finished_at: timestamp('finished_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index('lead_imports_workspace_idx').on(t.workspace_id, t.created_at)],
);

/**
 * The uploaded file, in chunks of about 1 MiB, so the upload streams in and the job streams it
 * out without the file ever being whole in memory, and API and worker need no shared disk.
 * Deleted once the import ends.
 */
export const leadImportChunks = pgTable(
  'lead_import_chunks',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    import_id: uuid('import_id')
      .notNull()
      .references(() => leadImports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [index('lead_import_chunks_import_seq_idx').on(t.import_id, t.seq)],
);

/** A row that could not be imported, with the reason (the downloadable report). */
export const leadImportFailures = pgTable(
  'lead_import_failures',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    import_id: uuid('import_id')
      .notNull()
      .references(() => leadImports.id, { onDelete: 'cascade' }),
    row_number: integer('row_number').notNull(),
    /** In English (API users; the only text of rows stored before `reasons`). */
    reason: text('reason').notNull(),
    /** The same as codes, fields and params, translated by the web app and the report; null on older rows. */
    reasons: jsonb('reasons').$type<TImportReason[]>(),
    raw: jsonb('raw').$type<Record<string, string>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [index('lead_import_failures_import_idx').on(t.import_id, t.row_number)],
);
