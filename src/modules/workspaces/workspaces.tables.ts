import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLE_NAMES } from '../../contracts/common.js';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { users } from '../accounts/tables.js';

const ROLES = ROLE_NAMES;

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('Europe/Paris'),
  currency: text('currency').notNull().default('EUR'),
  /** The sender's legal identity, required in every marketing email (and later on receipts and page footers). */
  legal_name: text('legal_name').notNull().default(''),
  postal_address: text('postal_address').notNull().default(''),
  ...timestamps(),
});

export const workspaceMembers = pgTable(
  'workspace_members',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    user_id: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('workspace_members_workspace_user_uq').on(t.workspace_id, t.user_id), index('workspace_members_user_idx').on(t.user_id)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    token_hash: text('token_hash').notNull(),
    invited_by: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    accepted_at: timestamp('accepted_at', { withTimezone: true }),
    revoked_at: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index('invitations_workspace_idx').on(t.workspace_id), uniqueIndex('invitations_token_hash_uq').on(t.token_hash)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    key_hash: text('key_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    last_used_at: timestamp('last_used_at', { withTimezone: true }),
    revoked_at: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('api_keys_workspace_idx').on(t.workspace_id),
    uniqueIndex('api_keys_key_hash_uq').on(t.key_hash),
    index('api_keys_active_idx')
      .on(t.workspace_id)
      .where(sql`revoked_at IS NULL`),
  ],
);
