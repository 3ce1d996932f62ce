import { ROLE_NAMES, type TRole } from '../../contracts/common.js';

/** Who is calling: a signed-in user (session cookie) or an API key, always within one workspace. */
export type TAuth = {
  via: 'session' | 'api_key';
  /** Null for API keys: they act for the workspace, not for a person. */
  user_id: string | null;
  workspace_id: string;
  role: TRole;
  session_id?: string;
  csrf_token?: string;
  api_key_id?: string;
};

/**
 * What a route requires, declared in its `config.access`:
 * - 'public': anyone;
 * - 'user': a signed-in person (session cookie), whatever their role: profile, logout...;
 * - { role }: a session or API key whose role is at least this one.
 * Routes that declare nothing get { role: 'viewer' } for reads and { role: 'member' } for writes,
 * which is what makes viewers read-only everywhere.
 */
export type TAccess = 'public' | 'user' | { role: TRole };

const RANK: Record<TRole, number> = Object.fromEntries(ROLE_NAMES.map((r, i) => [r, ROLE_NAMES.length - 1 - i])) as Record<TRole, number>;

/** True when `role` is at least `required` (owner > admin > member > viewer). */
export function roleAtLeast(role: TRole, required: TRole): boolean {
  return RANK[role] >= RANK[required];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for methods that do not change state. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** The access rule in force for a route, applying the read/write default. */
export function effectiveAccess(declared: TAccess | undefined, method: string): TAccess {
  if (declared) return declared;
  return { role: isSafeMethod(method) ? 'viewer' : 'member' };
}

/** Resolves credentials to a TAuth; implemented by the accounts and workspaces modules. */
export type Authenticator = {
  fromSessionToken(token: string, meta: { ip: string; userAgent: string | undefined }): Promise<TAuth | null>;
  fromApiKey(key: string): Promise<TAuth | null>;
};
