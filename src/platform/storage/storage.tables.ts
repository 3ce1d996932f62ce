import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns.js';

/** Blobs of the database store (the default). Each belongs to the row that names its key (e.g. `files`). */
export const storedBlobs = pgTable('stored_blobs', {
  key: text('key').primaryKey(),
  content_type: text('content_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  data: bytea('data').notNull(),
  created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
