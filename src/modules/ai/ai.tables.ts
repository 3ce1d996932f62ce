import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AI_GENERATION_KINDS, AI_TONES } from '../../contracts/ai.js';
import { FUNNEL_LANGUAGES } from '../../contracts/funnels.js';
import { id, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/tables.js';
import { files } from '../files/index.js';
import { workspaces } from '../workspaces/tables.js';

/** A workspace's brand kit: used by every generation (name, tone, colours, logo, offer, audience, words to avoid). */
export const aiBrandKits = pgTable('ai_brand_kits', {
  workspace_id: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  brand_name: text('brand_name').notNull().default(''),
  tone: text('tone', { enum: AI_TONES }).notNull().default('professional'),
  primary_color: char('primary_color', { length: 7 }).notNull().default('#1c5fb8'),
  secondary_color: char('secondary_color', { length: 7 }).notNull().default('#f0b429'),
  logo_file_id: uuid('logo_file_id').references(() => files.id, { onDelete: 'set null' }),
  main_offer: text('main_offer').notNull().default(''),
  audience: text('audience').notNull().default(''),
  words_to_avoid: text('words_to_avoid')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  language: text('language', { enum: FUNNEL_LANGUAGES }).notNull().default('fr'),
  updated_at: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A workspace's model usage per calendar month (UTC): what the monthly caps are checked against. Written in the
 * same statement that adds (an upsert), so two generations at once both count.
 */
export const aiUsageMonths = pgTable(
  'ai_usage_months',
  {
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** `YYYY-MM`. */
    month: char('month', { length: 7 }).notNull(),
    requests: integer('requests').notNull().default(0),
    input_tokens: bigint('input_tokens', { mode: 'number' }).notNull().default(0),
    output_tokens: bigint('output_tokens', { mode: 'number' }).notNull().default(0),
    images: integer('images').notNull().default(0),
    /** Millionths of a US dollar. */
    cost_micros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspace_id, t.month] })],
);

/**
 * One generation: its brief and the copy written (to regenerate a page, an email or a variant, and for the ads page's
 * creatives). `target_id` is the funnel, email campaign or ad campaign made (no foreign key: three tables; a deleted
 * target leaves a generation nobody reads, purged with the workspace).
 */
export const aiGenerations = pgTable(
  'ai_generations',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    user_id: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: AI_GENERATION_KINDS }).notNull(),
    writer: text('writer', { enum: ['builtin', 'model'] }).notNull(),
    model: text('model'),
    target_id: uuid('target_id'),
    brief: jsonb('brief').$type<Record<string, unknown>>().notNull(),
    output: jsonb('output').$type<Record<string, unknown>>().notNull(),
    /** Regenerations so far (the built-in generator's seed moves with it). */
    regenerations: integer('regenerations').notNull().default(0),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ai_generations_target_idx').on(t.workspace_id, t.target_id),
    // The per-member and per-workspace hourly limits count recent rows.
    index('ai_generations_recent_idx').on(t.workspace_id, t.created_at),
    check('ai_generations_output_size', sql`pg_column_size(${t.output}) < 2000000`),
  ],
);
