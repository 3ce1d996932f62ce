import { AdPlatformError, type TAdTokens } from './ad-connector.js';

// What the connectors share of talking HTTP to an ad platform: one timeout and no redirects for every call, a body
// read as JSON whatever the platform sent, and the standard OAuth 2.0 token endpoint (Google and LinkedIn; Meta
// exchanges tokens its own way).

/** Longest wait for one platform call: syncs run in jobs, and a stuck call must not hold one. */
export const PLATFORM_TIMEOUT_MS = 30_000;

/** `fetch` with the timeout and without following redirects; an unreachable platform is an AdPlatformError. */
export async function sendToPlatform(fetchImpl: typeof fetch, platform: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS) });
  } catch (err) {
    throw new AdPlatformError(`${platform} unreachable: ${(err as Error).message}`, 'other');
  }
}

/** The body as JSON; an empty body is `{}`, a text body `{ message }` (cut to 300 characters) for the error path. */
export async function readPlatformJson(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { message: text.slice(0, 300) };
  }
}

export type TOAuthClient = { tokenUrl: string; clientId: string; clientSecret: string };

/**
 * A grant at an OAuth 2.0 token endpoint (authorization_code or refresh_token). A refresh that sends no new refresh
 * token keeps `keptRefreshToken`. 429 is a rate limit (`retryAt` says until when); 400 and 401 mean the grant is
 * refused (a revoked or expired refresh token: the user must connect again).
 */
export async function oauth2Grant(
  fetchImpl: typeof fetch,
  platform: string,
  client: TOAuthClient,
  grant: Record<string, string>,
  keptRefreshToken: string | null,
  retryAt: (res: Response, json: unknown) => Date,
): Promise<TAdTokens> {
  const res = await sendToPlatform(fetchImpl, platform, client.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ ...grant, client_id: client.clientId, client_secret: client.clientSecret }).toString(),
  });
  const json = (await readPlatformJson(res)) as {
    access_token?: string;
    refresh_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  };
  if (!res.ok || !json.access_token) {
    const message = `${platform} OAuth: ${json.error_description ?? json.error ?? `HTTP ${res.status}`}`;
    if (res.status === 429) throw new AdPlatformError(message, 'rate_limited', retryAt(res, json));
    throw new AdPlatformError(message, res.status === 400 || res.status === 401 ? 'auth' : 'other');
  }
  return {
    access_token: json.access_token,
    refresh_token: json.refresh_token ?? keptRefreshToken,
    expires_at: typeof json.expires_in === 'number' ? new Date(Date.now() + json.expires_in * 1000) : null,
  };
}

/** Only the digits of an id (`123-456-7890`, `urn:li:sponsoredCampaign:42`'s last part). */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}
