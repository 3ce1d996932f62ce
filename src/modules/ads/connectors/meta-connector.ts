import { createHash } from 'node:crypto';
import {
  AdPlatformError,
  type AdConnector,
  type TAdAccount,
  type TAdTokens,
  type TOfflineConversion,
  type TRemoteCampaign,
  type TRemoteDay,
} from './ad-connector.js';
import type { TMetaConfig } from './connector-config.js';

// Meta Marketing API (Graph API) for Facebook and Instagram ads. Meta has no refresh token: a long-lived user token
// (about 60 days) is obtained from the consent's short-lived one with `fb_exchange_token`, and "refreshing" is the
// same exchange again while the token still works (connection-tokens.ts does it days before the expiry).

const SCOPES = 'ads_read,ads_management';
/** Longest wait for one Graph call: the sync runs in a job, a stuck call must not hold it. */
const TIMEOUT_MS = 30_000;
/** Pages followed at most per listing (an agency's accounts, a month of insights of hundreds of campaigns). */
const MAX_PAGES = 200;
/** Events per Conversions API request (Meta accepts at most 1,000). */
const CAPI_BATCH = 1_000;
/** Wait assumed when Meta rate-limits without saying how long. */
const DEFAULT_RATE_LIMIT_MS = 15 * 60_000;

/** Error codes Meta documents as throttling (application, account, user, ads-insights and business use case). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
/** Invalid, expired or revoked token (190), or an invalid session (102): the user must reconnect. */
const AUTH_CODES = new Set([102, 190]);

type TGraphPage<T> = { data?: T[]; paging?: { next?: string } };
type TAction = { action_type?: string; value?: string };
type TInsightRow = {
  campaign_id?: string;
  date_start?: string;
  impressions?: string;
  clicks?: string;
  spend?: string;
  actions?: TAction[];
  action_values?: TAction[];
};

// Meta reports the same conversion under several action types (`purchase` includes the pixel's purchases): the first
// one present of each list counts, so a purchase is never counted twice.
const PURCHASE_TYPES = ['omni_purchase', 'purchase', 'offsite_conversion.fb_pixel_purchase'];
const LEAD_TYPES = ['lead', 'onsite_conversion.lead_grouped', 'offsite_conversion.fb_pixel_lead'];

export class MetaAdsConnector implements AdConnector {
  readonly network = 'meta' as const;

  constructor(
    private readonly config: TMetaConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  authorizeUrl(state: string, redirectUri: string): string {
    const url = new URL(this.config.oauthUrl);
    url.search = new URLSearchParams({ client_id: this.config.appId, redirect_uri: redirectUri, state, scope: SCOPES, response_type: 'code' }).toString();
    return url.toString();
  }

  async exchangeCode(code: string, redirectUri: string): Promise<TAdTokens> {
    const short = await this.get<{ access_token?: string }>('oauth/access_token', {
      client_id: this.config.appId,
      client_secret: this.config.appSecret,
      redirect_uri: redirectUri,
      code,
    });
    if (!short.access_token) throw new AdPlatformError('Meta returned no access token', 'auth');
    return this.longLived(short.access_token);
  }

  async refresh(tokens: TAdTokens): Promise<TAdTokens> {
    return this.longLived(tokens.access_token);
  }

  async listAccounts(tokens: TAdTokens): Promise<TAdAccount[]> {
    const rows = await this.pages<{ id?: string; name?: string; currency?: string }>(tokens, 'me/adaccounts', { fields: 'id,name,currency', limit: '100' });
    return rows.filter((r) => typeof r.id === 'string').map((r) => ({ id: r.id!, name: r.name ?? null, currency: r.currency ?? null }));
  }

  async listCampaigns(tokens: TAdTokens, accountId: string): Promise<TRemoteCampaign[]> {
    const account = await this.get<{ currency?: string }>(accountPath(accountId), { fields: 'currency' }, tokens);
    const rows = await this.pages<{ id?: string; name?: string; status?: string }>(tokens, `${accountPath(accountId)}/campaigns`, {
      fields: 'id,name,status',
      limit: '200',
    });
    return rows
      .filter((r) => typeof r.id === 'string')
      .map((r) => ({ id: r.id!, name: r.name ?? r.id!, status: campaignStatus(r.status), currency: account.currency ?? null }));
  }

  async dailyFigures(tokens: TAdTokens, accountId: string, from: string, to: string): Promise<TRemoteDay[]> {
    const rows = await this.pages<TInsightRow>(tokens, `${accountPath(accountId)}/insights`, {
      level: 'campaign',
      time_increment: '1',
      time_range: JSON.stringify({ since: from, until: to }),
      fields: 'campaign_id,impressions,clicks,spend,actions,action_values',
      limit: '500',
    });
    return rows
      .filter((r) => r.campaign_id && r.date_start)
      .map((r) => ({
        campaign_id: r.campaign_id!,
        date: r.date_start!,
        impressions: integer(r.impressions),
        clicks: integer(r.clicks),
        spend: amount(r.spend),
        conversions: firstOf(r.actions, PURCHASE_TYPES) + firstOf(r.actions, LEAD_TYPES),
        conversion_value: amount(String(firstOf(r.action_values, PURCHASE_TYPES))),
      }));
  }

  async setCampaignStatus(tokens: TAdTokens, _accountId: string, campaignId: string, status: 'active' | 'paused'): Promise<void> {
    await this.post(encodeURIComponent(campaignId), tokens, new URLSearchParams({ status: status === 'active' ? 'ACTIVE' : 'PAUSED' }));
  }

  /**
   * Conversions API: sends to the ad account's first pixel (dataset). Identifiers are hashed as Meta requires (SHA-256
   * of the normalised email and phone); `event_id` lets Meta deduplicate a conversion sent twice.
   */
  async uploadConversions(tokens: TAdTokens, accountId: string, conversions: TOfflineConversion[]): Promise<Map<string, string | null>> {
    const results = new Map<string, string | null>();
    if (conversions.length === 0) return results;
    const pixels = await this.get<TGraphPage<{ id?: string }>>(`${accountPath(accountId)}/adspixels`, { fields: 'id', limit: '1' }, tokens);
    const pixel = pixels.data?.[0]?.id;
    if (!pixel) {
      for (const c of conversions) results.set(c.event_id, 'The ad account has no Meta pixel (dataset) to receive conversions');
      return results;
    }
    for (let i = 0; i < conversions.length; i += CAPI_BATCH) {
      const batch = conversions.slice(i, i + CAPI_BATCH);
      const body = new URLSearchParams({ data: JSON.stringify(batch.map(metaEvent)) });
      try {
        await this.post(`${encodeURIComponent(pixel)}/events`, tokens, body);
        for (const c of batch) results.set(c.event_id, null);
      } catch (err) {
        // Meta accepts or refuses a request whole; throttling and refused tokens concern the connection, not the events.
        if (!(err instanceof AdPlatformError) || err.kind !== 'other') throw err;
        for (const c of batch) results.set(c.event_id, err.message);
      }
    }
    return results;
  }

  private async longLived(accessToken: string): Promise<TAdTokens> {
    const answer = await this.get<{ access_token?: string; expires_in?: number }>('oauth/access_token', {
      grant_type: 'fb_exchange_token',
      client_id: this.config.appId,
      client_secret: this.config.appSecret,
      fb_exchange_token: accessToken,
    });
    if (!answer.access_token) throw new AdPlatformError('Meta returned no long-lived token', 'auth');
    const expiresIn = Number(answer.expires_in);
    return {
      access_token: answer.access_token,
      refresh_token: null,
      expires_at: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
    };
  }

  /** Every item of a listing, following `paging.next` (bounded). */
  private async pages<T>(tokens: TAdTokens, path: string, params: Record<string, string>): Promise<T[]> {
    const items: T[] = [];
    let url: string | undefined = this.url(path, params).toString();
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const body: TGraphPage<T> = await this.call<TGraphPage<T>>(withToken(url, tokens), { method: 'GET' });
      items.push(...(body.data ?? []));
      url = body.paging?.next && this.sameOrigin(body.paging.next) ? body.paging.next : undefined;
    }
    return items;
  }

  private get<T>(path: string, params: Record<string, string>, tokens?: TAdTokens): Promise<T> {
    const url = this.url(path, params).toString();
    return this.call<T>(tokens ? withToken(url, tokens) : url, { method: 'GET' });
  }

  private post(path: string, tokens: TAdTokens, body: URLSearchParams): Promise<unknown> {
    body.set('access_token', tokens.access_token);
    return this.call(this.url(path, {}).toString(), { method: 'POST', body });
  }

  private url(path: string, params: Record<string, string>): URL {
    const url = new URL(`${this.config.graphUrl}/${path}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url;
  }

  /** `paging.next` is Meta's own address; the token is never sent anywhere else. */
  private sameOrigin(next: string): boolean {
    try {
      return new URL(next).origin === new URL(this.config.graphUrl).origin;
    } catch {
      return false;
    }
  }

  private async call<T>(url: string, init: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchImpl(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new AdPlatformError(`Meta could not be reached: ${(err as Error).message}`, 'other');
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      throw new AdPlatformError(`Meta answered ${res.status} with a body that is not JSON`, 'other');
    }
    const error = (body as { error?: { message?: string; code?: number; error_subcode?: number } }).error;
    if (!res.ok || error) throw metaError(res, error);
    return body as T;
  }
}

/** The AdPlatformError for a Graph error body (`{ error: { message, type, code, error_subcode } }`). */
function metaError(res: Response, error: { message?: string; code?: number; error_subcode?: number } | undefined): AdPlatformError {
  const code = Number(error?.code);
  const message = `Meta: ${error?.message ?? `HTTP ${res.status}`}${Number.isFinite(code) ? ` (code ${code})` : ''}`;
  if (RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80014) || res.status === 429) {
    return new AdPlatformError(message, 'rate_limited', new Date(Date.now() + regainAccessMs(res)));
  }
  if (AUTH_CODES.has(code) || res.status === 401) return new AdPlatformError(message, 'auth');
  return new AdPlatformError(message, 'other');
}

/**
 * How long Meta asks us to wait: `estimated_time_to_regain_access` (minutes) of the business use case usage header,
 * the largest one given; the default otherwise.
 */
function regainAccessMs(res: Response): number {
  const header = res.headers.get('x-business-use-case-usage');
  if (!header) return DEFAULT_RATE_LIMIT_MS;
  try {
    const usage = JSON.parse(header) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Math.max(0, ...Object.values(usage).flatMap((list) => list.map((u) => Number(u.estimated_time_to_regain_access) || 0)));
    return minutes > 0 ? Math.min(minutes, 24 * 60) * 60_000 : DEFAULT_RATE_LIMIT_MS;
  } catch {
    return DEFAULT_RATE_LIMIT_MS;
  }
}

function withToken(url: string, tokens: TAdTokens): string {
  const parsed = new URL(url);
  parsed.searchParams.set('access_token', tokens.access_token);
  return parsed.toString();
}

/** Meta ad account ids are `act_<digits>`; accept the bare digits too. */
function accountPath(accountId: string): string {
  return encodeURIComponent(accountId.startsWith('act_') ? accountId : `act_${accountId}`);
}

function campaignStatus(status: string | undefined): TRemoteCampaign['status'] {
  if (status === 'ACTIVE') return 'active';
  if (status === 'PAUSED') return 'paused';
  if (status === 'DELETED' || status === 'ARCHIVED') return 'completed';
  return 'draft';
}

function firstOf(actions: TAction[] | undefined, types: string[]): number {
  for (const type of types) {
    const found = actions?.find((a) => a.action_type === type);
    if (found) return Number(found.value) || 0;
  }
  return 0;
}

function integer(value: string | undefined): number {
  const n = Math.round(Number(value));
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function amount(value: string | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.round(n * 100) / 100 : 0;
}

/** Lower-case hex SHA-256, as Meta requires for customer information. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** One Conversions API event (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters). */
export function metaEvent(c: TOfflineConversion): Record<string, unknown> {
  const userData: Record<string, unknown> = { em: [sha256(c.email.trim().toLowerCase())] };
  const phone = c.phone?.replace(/\D/g, '');
  if (phone) userData.ph = [sha256(phone)];
  // fbc: `fb.1.<time of the click, ms>.<fbclid>`; the conversion's time stands in for the unknown click time.
  if (c.fbclid) userData.fbc = `fb.1.${c.occurred_at.getTime()}.${c.fbclid}`;
  return {
    event_name: c.kind === 'order_paid' ? 'Purchase' : 'Lead',
    event_time: Math.floor(c.occurred_at.getTime() / 1000),
    event_id: c.event_id,
    action_source: 'system_generated',
    user_data: userData,
    custom_data: c.value === null ? {} : { value: c.value, currency: c.currency ?? undefined },
  };
}
