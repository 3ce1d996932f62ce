import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TDnsRecordCheck } from '../../contracts/email-domains.js';
import { id, timestamps, workspaceId } from '../../platform/db/columns.js';
import { workspaces } from '../workspaces/index.js';

/**
 * A domain a workspace sends from, with the DKIM key the product generated for it (RSA 2048; the private key
 * sealed with APP_SECRET, bound to the workspace and domain) and the outcome of the last DNS check of the records
 * it must publish. Messages from an address on it are DKIM-signed with this key.
 */
export const emailDomains = pgTable(
  'email_domains',
  {
    id: id(),
    workspace_id: workspaceId().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Lower case, without a trailing dot. */
    domain: text('domain').notNull(),
    dkim_selector: text('dkim_selector').notNull(),
    dkim_private_key_sealed: text('dkim_private_key_sealed').notNull(),
    /** The public key as DNS publishes it (base64 of the DER SubjectPublicKeyInfo). */
    dkim_public_key: text('dkim_public_key').notNull(),
    /** `pending` until DKIM is found in DNS, then `verified`; `failing` when a later check no longer finds it. */
    status: text('status', { enum: ['pending', 'verified', 'failing'] })
      .notNull()
      .default('pending'),
    checks: jsonb('checks').$type<TDnsRecordCheck[]>(),
    checked_at: timestamp('checked_at', { withTimezone: true }),
    verified_at: timestamp('verified_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('email_domains_workspace_domain_uq').on(t.workspace_id, sql`lower(${t.domain})`)],
);
