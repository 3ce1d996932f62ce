import { eq } from 'drizzle-orm';
import type { TAdNetwork } from '../../../contracts/ads.js';
import type { SecretBox } from '../../../platform/crypto/secret-box.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { adConnections } from '../ads.tables.js';
import { AdPlatformError, type AdConnector, type TAdTokens } from './ad-connector.js';
import { connectorFor } from './connector-registry.js';

// Every call to an ad platform on behalf of a connection goes through `useConnection`: it opens the sealed tokens,
// refreshes them before they expire, refuses to call while the platform asked us to wait or the consent is gone, and
// writes what the platform answered on the connection (the settings screen shows it).

export type TAdConnectionRow = typeof adConnections.$inferSelect;

/** Tokens with a refresh token are renewed this close to their expiry. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * Tokens without one (Meta's long-lived token) can only be exchanged while they still work, and the daily sync is the
 * only regular caller: renewing them in their last week means a day's missed sync never lets one lapse.
 */
const EXCHANGE_MARGIN_MS = 7 * 86_400_000;

/** The additional authenticated data of a connection's tokens: they open for this workspace and connection only. */
export function tokenContext(workspaceId: string, connectionId: string): string {
  return `${workspaceId}:ads:${connectionId}`;
}

/** The tokens sealed for the table (`{access_token, refresh_token}`; the expiry is its own column). */
export function sealTokens(secrets: SecretBox, workspaceId: string, connectionId: string, tokens: TAdTokens): string {
  return secrets.encrypt(
    JSON.stringify({ access_token: tokens.access_token, refresh_token: tokens.refresh_token ?? null }),
    tokenContext(workspaceId, connectionId),
  );
}

function openTokens(secrets: SecretBox, row: TAdConnectionRow): TAdTokens {
  const value = JSON.parse(secrets.decrypt(row.sealed_tokens, tokenContext(row.workspace_id, row.id))) as {
    access_token: string;
    refresh_token?: string | null;
  };
  return { access_token: value.access_token, refresh_token: value.refresh_token ?? null, expires_at: row.token_expires_at };
}

/** Whether `tokens` must be renewed before use at `now`. */
export function needsRefresh(tokens: TAdTokens, now: number): boolean {
  if (!tokens.expires_at) return false;
  const margin = tokens.refresh_token ? REFRESH_MARGIN_MS : EXCHANGE_MARGIN_MS;
  return tokens.expires_at.getTime() - now < margin;
}

/**
 * Runs `fn` with the connection's connector, fresh tokens and ad account. Throws AdPlatformError without calling the
 * platform while it is rate limited (`rate_limited`) or its consent expired (`auth`); records any AdPlatformError `fn`
 * or the refresh throws on the connection (then rethrows it) and clears the last error on success.
 * Not found when the connection is not the tenant's.
 */
export async function useConnection<T>(
  runtime: Runtime,
  tenant: Tenant,
  connectionId: string,
  fn: (connector: AdConnector, tokens: TAdTokens, accountId: string) => Promise<T>,
): Promise<T> {
  const row = await tenant.get(adConnections, connectionId, 'ad connection');
  const now = Date.now();
  if (row.status === 'expired') throw new AdPlatformError(row.last_error ?? 'The platform refused this connection: connect the account again', 'auth');
  if (row.rate_limited_until && row.rate_limited_until.getTime() > now) {
    throw new AdPlatformError(row.last_error ?? 'The platform asked to slow down', 'rate_limited', row.rate_limited_until);
  }
  const connector = connectorFor(row.network, runtime.config);
  try {
    let tokens = openTokens(runtime.secrets, row);
    if (needsRefresh(tokens, now)) {
      const renewed = await connector.refresh(tokens);
      // A platform that does not rotate the refresh token returns none: keep the one we have.
      tokens = { ...renewed, refresh_token: renewed.refresh_token ?? tokens.refresh_token ?? null };
      await tenant.db
        .update(adConnections)
        .set({
          sealed_tokens: sealTokens(runtime.secrets, row.workspace_id, row.id, tokens),
          token_expires_at: tokens.expires_at ?? null,
          updated_at: new Date(),
        })
        .where(tenant.byId(adConnections, row.id));
    }
    const result = await fn(connector, tokens, row.account_id);
    if (row.status !== 'active' || row.last_error !== null || row.rate_limited_until !== null) {
      await tenant.db
        .update(adConnections)
        .set({ status: 'active', last_error: null, rate_limited_until: null, updated_at: new Date() })
        .where(tenant.byId(adConnections, row.id));
    }
    return result;
  } catch (err) {
    if (err instanceof AdPlatformError) await recordPlatformError(tenant, row.id, err);
    throw err;
  }
}

/** Writes a platform's refusal on the connection: `auth` expires it, `rate_limited` holds calls until it passes. */
export async function recordPlatformError(tenant: Tenant, connectionId: string, err: AdPlatformError): Promise<void> {
  const message = err.message.slice(0, 1_000);
  const values =
    err.kind === 'auth'
      ? { status: 'expired' as const, last_error: message }
      : err.kind === 'rate_limited'
        ? { last_error: message, rate_limited_until: err.retryAfter ?? new Date(Date.now() + 15 * 60_000) }
        : { status: 'error' as const, last_error: message };
  await tenant.db
    .update(adConnections)
    .set({ ...values, updated_at: new Date() })
    .where(tenant.where(adConnections, eq(adConnections.id, connectionId)));
}

/**
 * The HTTP problem for a platform's refusal: 429 while rate limited (with Retry-After), 409 when the account must be
 * connected again, 502 otherwise (the platform's own words in `params.message`).
 */
export function adPlatformProblem(err: AdPlatformError, network: TAdNetwork): AppError {
  if (err.kind === 'rate_limited') {
    const seconds = Math.max(1, Math.ceil(((err.retryAfter?.getTime() ?? Date.now()) - Date.now()) / 1000));
    return new AppError('rate_limited', `${network} asked to slow down: try again later`, {
      reason: 'ad_platform_rate_limited',
      params: { network, until: (err.retryAfter ?? new Date()).toISOString() },
      extra: { retry_after_seconds: seconds },
    });
  }
  if (err.kind === 'auth') {
    return new AppError('conflict', `${network} refused the connection: connect the account again`, {
      reason: 'ad_connection_expired',
      params: { network, message: err.message.slice(0, 500) },
    });
  }
  return new AppError('bad_gateway', `${network} refused the call: ${err.message}`, {
    reason: 'ad_platform_error',
    params: { network, message: err.message.slice(0, 500) },
  });
}

/** `useConnection` for a request: the platform's refusal becomes its HTTP problem (adPlatformProblem). */
export async function callPlatform<T>(
  runtime: Runtime,
  tenant: Tenant,
  connectionId: string,
  fn: (connector: AdConnector, tokens: TAdTokens, accountId: string) => Promise<T>,
): Promise<T> {
  try {
    return await useConnection(runtime, tenant, connectionId, fn);
  } catch (err) {
    if (!(err instanceof AdPlatformError)) throw err;
    const connection = await tenant.get(adConnections, connectionId, 'ad connection');
    throw adPlatformProblem(err, connection.network);
  }
}
