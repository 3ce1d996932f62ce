import { iso, type TRole } from '../../contracts/common.js';
import type { TApiKey, TInvitation, TMember, TOutboxMessage } from '../../contracts/workspaces.js';
import type { outboxMessages } from '../../platform/mail/outbox.tables.js';

// Row -> wire mappers: dates become ISO strings, secrets and internal columns stay behind.

export function workspace(row: { id: string; name: string; timezone: string; currency: string; legal_name: string; postal_address: string; created_at: Date }) {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    currency: row.currency,
    legal_name: row.legal_name,
    postal_address: row.postal_address,
    created_at: iso(row.created_at),
  };
}

export function member(row: { id: string; user_id: string; name: string; email: string; role: TRole; created_at: Date }): TMember {
  return { ...row, created_at: iso(row.created_at) };
}

export function invitation(row: { id: string; email: string; role: TRole; invited_by_name: string | null; expires_at: Date; created_at: Date }): TInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invited_by_name: row.invited_by_name,
    expires_at: iso(row.expires_at),
    created_at: iso(row.created_at),
  };
}

export function apiKey(row: {
  id: string;
  name: string;
  prefix: string;
  role: TRole;
  created_at: Date;
  last_used_at: Date | null;
  created_by: string | null;
  created_by_name: string | null;
}): TApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    created_by: row.created_by,
    created_by_name: row.created_by_name,
    created_at: iso(row.created_at),
    last_used_at: iso(row.last_used_at),
  };
}

export function outboxMessage(row: typeof outboxMessages.$inferSelect): TOutboxMessage {
  return {
    id: row.id,
    category: row.category,
    to_address: row.to_address,
    from_address: row.from_address,
    subject: row.subject,
    text_body: row.text_body,
    html_body: row.html_body,
    status: row.status,
    error: row.error,
    created_at: iso(row.created_at),
    sent_at: iso(row.sent_at),
  };
}
