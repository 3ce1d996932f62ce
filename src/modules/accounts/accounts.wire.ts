import type { TMe, TUser } from '../../contracts/accounts.js';
import { iso, type TRole } from '../../contracts/common.js';
import type { TUserRow } from './accounts.service.js';

// Row -> wire mappers; password hashes never leave the service.

export function user(row: TUserRow): TUser {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, created_at: iso(row.created_at) };
}

export function me(caller: {
  user: TUserRow | null;
  workspace: { id: string; name: string; timezone: string; currency: string; legal_name: string; postal_address: string; created_at: Date };
  role: TRole;
  csrf_token?: string;
  workspaces: { id: string; name: string; role: TRole }[];
}): TMe {
  return {
    user: caller.user ? user(caller.user) : null,
    workspace: {
      id: caller.workspace.id,
      name: caller.workspace.name,
      timezone: caller.workspace.timezone,
      currency: caller.workspace.currency,
      legal_name: caller.workspace.legal_name,
      postal_address: caller.workspace.postal_address,
      created_at: iso(caller.workspace.created_at),
    },
    role: caller.role,
    ...(caller.csrf_token ? { csrf_token: caller.csrf_token } : {}),
    workspaces: caller.workspaces,
  };
}
