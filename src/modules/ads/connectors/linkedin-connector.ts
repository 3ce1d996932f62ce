import { hashEmail } from '../conversions/hash-identifiers.js';
import {
  AdPlatformError,
  type AdConnector,
  type TAdAccount,
  type TAdTokens,
  type TOfflineConversion,
  type TRemoteCampaign,
  type TRemoteDay,
} from './ad-connector.js';
import type { TLinkedInConfig } from './connector-config.js';
import { digitsOf, oauth2Grant, readPlatformJson, sendToPlatform } from './platform-http.js';

// LinkedIn Marketing API (versioned REST, https://learn.microsoft.com/linkedin/marketing/): OAuth 2.0 with a refresh
// token, every call with `LinkedIn-Version: YYYYMM` and `X-Restli-Protocol-Version: 2.0.0`. Rest.li 2.0 writes
// structured query values in its own syntax (`List(...)`, `(start:(year:..))`) with URNs percent-encoded inside them:
// those query strings are built by hand, since URLSearchParams would encode the parentheses the API must see.
// Campaign figures come from `adAnalytics` (pivot CAMPAIGN, DAILY), status changes are PARTIAL_UPDATEs, and offline
// conversions go through the Conversions API (`conversionEvents`) against a conversion rule the connector creates.

const SCOPES = ['r_ads', 'r_ads_reporting', 'rw_ads', 'rw_conversions'];
const PAGE_SIZE = 100;
/** Pages read from a search (10,000 accounts or campaigns). */
const MAX_PAGES = 100;
/** Events per BATCH_CREATE of conversionEvents. */
const UPLOAD_BATCH = 500;
const DEFAULT_RETRY_SECONDS = 60;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ANALYTICS_FIELDS = 'impressions,clicks,costInLocalCurrency,externalWebsiteConversions,conversionValueInLocalCurrency,dateRange,pivotValues';

/** The conversion rules the closed loop creates in the ad account (found again by name). */
export const LINKEDIN_CONVERSION_RULES = {
  deal_won: { name: 'Marketing – affaire gagnée (hors ligne)', type: 'QUALIFIED_LEAD' },
  order_paid: { name: 'Marketing – commande payée (hors ligne)', type: 'PURCHASE' },
} as const;

type TLinkedInDate = { year: number; month: number; day: number };
type TPage<T> = { elements?: T[]; metadata?: { nextPageToken?: string } };

export class LinkedInAdsConnector implements AdConnector {
  readonly network = 'linkedin' as const;
  /** Conversion rule URNs per `account:kind`, and the campaigns already associated with a rule, per process. */
  private readonly rules = new Map<string, string>();
  private readonly associated = new Set<string>();

  constructor(
    private readonly config: TLinkedInConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  authorizeUrl(state: string, redirectUri: string): string {
    const url = new URL(this.config.oauthUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: redirectUri,
      state,
      scope: SCOPES.join(' '),
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string, redirectUri: string): Promise<TAdTokens> {
    return this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, null);
  }

  async refresh(tokens: TAdTokens): Promise<TAdTokens> {
    if (!tokens.refresh_token) throw new AdPlatformError('LinkedIn: no refresh token, reconnect the account', 'auth');
    return this.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, tokens.refresh_token);
  }

  async listAccounts(tokens: TAdTokens): Promise<TAdAccount[]> {
    const accounts = await this.pages<{ id?: number | string; name?: string; currency?: string }>(
      tokens,
      '/adAccounts?q=search&search=(status:(values:List(ACTIVE,DRAFT)))',
    );
    return accounts.filter((a) => a.id !== undefined).map((a) => ({ id: String(a.id), name: a.name ?? null, currency: a.currency ?? null }));
  }

  async listCampaigns(tokens: TAdTokens, accountId: string): Promise<TRemoteCampaign[]> {
    const campaigns = await this.pages<{
      id?: number | string;
      name?: string;
      status?: string;
      dailyBudget?: { currencyCode?: string };
      totalBudget?: { currencyCode?: string };
    }>(tokens, `/adAccounts/${accountOf(accountId)}/adCampaigns?q=search&search=(status:(values:List(ACTIVE,PAUSED,COMPLETED,DRAFT)))`);
    return campaigns
      .filter((c) => c.id !== undefined)
      .map((c) => ({
        id: String(c.id),
        name: c.name ?? String(c.id),
        status: campaignStatus(c.status),
        currency: c.dailyBudget?.currencyCode ?? c.totalBudget?.currencyCode ?? null,
      }));
  }

  async dailyFigures(tokens: TAdTokens, accountId: string, from: string, to: string): Promise<TRemoteDay[]> {
    const start = linkedInDate(from);
    const end = linkedInDate(to);
    const range = `(start:(year:${start.year},month:${start.month},day:${start.day}),end:(year:${end.year},month:${end.month},day:${end.day}))`;
    const account = encodeURIComponent(`urn:li:sponsoredAccount:${accountOf(accountId)}`);
    const page = (await this.call(
      tokens,
      'GET',
      `/adAnalytics?q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&dateRange=${range}&accounts=List(${account})&fields=${ANALYTICS_FIELDS}`,
    )) as TPage<{
      pivotValues?: string[];
      dateRange?: { start?: TLinkedInDate };
      impressions?: number;
      clicks?: number;
      costInLocalCurrency?: string | number;
      externalWebsiteConversions?: number;
      conversionValueInLocalCurrency?: string | number;
    }>;
    return (page.elements ?? [])
      .filter((e) => e.pivotValues?.[0] && e.dateRange?.start)
      .map((e) => ({
        campaign_id: e.pivotValues![0]!.split(':').at(-1)!,
        date: isoDate(e.dateRange!.start!),
        impressions: Number(e.impressions ?? 0),
        clicks: Number(e.clicks ?? 0),
        // Amounts arrive as decimal strings in the account's currency.
        spend: round2(Number(e.costInLocalCurrency ?? 0)),
        conversions: Number(e.externalWebsiteConversions ?? 0),
        conversion_value: round2(Number(e.conversionValueInLocalCurrency ?? 0)),
      }));
  }

  async setCampaignStatus(tokens: TAdTokens, accountId: string, campaignId: string, status: 'active' | 'paused'): Promise<void> {
    await this.call(
      tokens,
      'POST',
      `/adAccounts/${accountOf(accountId)}/adCampaigns/${digitsOf(campaignId)}`,
      { patch: { $set: { status: status === 'active' ? 'ACTIVE' : 'PAUSED' } } },
      { 'x-restli-method': 'PARTIAL_UPDATE' },
    );
  }

  async uploadConversions(tokens: TAdTokens, accountId: string, conversions: TOfflineConversion[]): Promise<Map<string, string | null>> {
    const account = accountOf(accountId);
    const answers = new Map<string, string | null>();
    for (let i = 0; i < conversions.length; i += UPLOAD_BATCH) {
      const batch = conversions.slice(i, i + UPLOAD_BATCH);
      const elements = [];
      for (const conversion of batch) elements.push(await this.conversionEvent(tokens, account, conversion));
      const answer = (await this.call(tokens, 'POST', '/conversionEvents', { elements }, { 'x-restli-method': 'BATCH_CREATE' })) as TPage<{
        status?: number;
        error?: { message?: string };
      }>;
      batch.forEach((conversion, index) => {
        const result = answer.elements?.[index];
        const ok = result === undefined || (typeof result.status === 'number' && result.status < 300);
        answers.set(conversion.event_id, ok ? null : (result.error?.message ?? `HTTP ${result.status ?? '?'}`).slice(0, 500));
      });
    }
    return answers;
  }

  /** One conversion event: the rule, when, the value, the hashed e-mail and the first-party click id when captured. */
  private async conversionEvent(tokens: TAdTokens, account: string, conversion: TOfflineConversion): Promise<Record<string, unknown>> {
    const rule = await this.conversionRule(tokens, account, conversion.kind);
    if (conversion.platform_campaign_id) await this.associate(tokens, rule, conversion.platform_campaign_id);
    const userIds = [{ idType: 'SHA256_EMAIL', idValue: hashEmail(conversion.email) }];
    if (conversion.li_fat_id) userIds.push({ idType: 'LINKEDIN_FIRST_PARTY_ADS_TRACKING_UUID', idValue: conversion.li_fat_id });
    return {
      conversion: rule,
      conversionHappenedAt: conversion.occurred_at.getTime(),
      ...(conversion.value !== null && conversion.currency
        ? { conversionValue: { currencyCode: conversion.currency, amount: conversion.value.toFixed(2) } }
        : {}),
      user: { userIds },
      // LinkedIn deduplicates events of one rule on it.
      eventId: conversion.event_id,
    };
  }

  /** The account's Conversions API rule for this kind, created the first time. */
  private async conversionRule(tokens: TAdTokens, account: string, kind: TOfflineConversion['kind']): Promise<string> {
    const key = `${account}:${kind}`;
    const known = this.rules.get(key);
    if (known) return known;
    const { name, type } = LINKEDIN_CONVERSION_RULES[kind];
    const accountUrn = `urn:li:sponsoredAccount:${account}`;
    const existing = (await this.call(tokens, 'GET', `/conversions?q=account&account=${encodeURIComponent(accountUrn)}&start=0&count=100`)) as TPage<{
      id?: number | string;
      name?: string;
      conversionMethod?: string;
    }>;
    let id = existing.elements?.find((rule) => rule.name === name && rule.conversionMethod === 'CONVERSIONS_API')?.id;
    if (id === undefined) {
      const { json, res } = await this.request(tokens, 'POST', '/conversions', {
        name,
        account: accountUrn,
        conversionMethod: 'CONVERSIONS_API',
        type,
        enabled: true,
        attributionType: 'LAST_TOUCH_BY_CAMPAIGN',
        postClickAttributionWindowSize: 90,
        viewThroughAttributionWindowSize: 7,
      });
      id = res.headers.get('x-restli-id') ?? res.headers.get('x-linkedin-id') ?? (json as { id?: number | string }).id;
      if (id === undefined || id === null) throw new AdPlatformError('LinkedIn: the conversion rule could not be created', 'other');
    }
    const urn = `urn:lla:llaPartnerConversion:${id}`;
    this.rules.set(key, urn);
    return urn;
  }

  /** A rule counts conversions only for the campaigns associated with it (an idempotent PUT). */
  private async associate(tokens: TAdTokens, rule: string, campaignId: string): Promise<void> {
    const campaign = `urn:li:sponsoredCampaign:${digitsOf(campaignId)}`;
    const key = `${rule}|${campaign}`;
    if (this.associated.has(key)) return;
    await this.call(tokens, 'PUT', `/campaignConversions/(campaign:${encodeURIComponent(campaign)},conversion:${encodeURIComponent(rule)})`, {
      campaign,
      conversion: rule,
    });
    this.associated.add(key);
  }

  /** Every element of a cursor-paginated search (pageSize / pageToken), bounded. */
  private async pages<T>(tokens: TAdTokens, path: string): Promise<T[]> {
    const all: T[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const json = (await this.call(tokens, 'GET', `${path}&pageSize=${PAGE_SIZE}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`)) as TPage<T>;
      all.push(...(json.elements ?? []));
      token = json.metadata?.nextPageToken;
      if (!token) break;
    }
    return all;
  }

  private async call(tokens: TAdTokens, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    return (await this.request(tokens, method, path, body, headers)).json;
  }

  private async request(
    tokens: TAdTokens,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<{ res: Response; json: unknown }> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${tokens.access_token}`,
      'linkedin-version': this.config.apiVersion,
      'x-restli-protocol-version': '2.0.0',
      accept: 'application/json',
      ...extra,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.send(`${this.config.apiUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await readPlatformJson(res);
    if (!res.ok) throw apiError(res, json);
    return { res, json };
  }

  private token(grant: Record<string, string>, keptRefreshToken: string | null): Promise<TAdTokens> {
    return oauth2Grant(this.fetchImpl, 'LinkedIn', this.config, grant, keptRefreshToken, (res) => retryAt(res));
  }

  private send(url: string, init: RequestInit): Promise<Response> {
    return sendToPlatform(this.fetchImpl, 'LinkedIn', url, init);
  }
}

/** The sponsored account's number, from `123` or `urn:li:sponsoredAccount:123`. */
function accountOf(accountId: string): string {
  const id = digitsOf(accountId.split(':').at(-1) ?? '');
  if (!id) throw new AdPlatformError(`LinkedIn: bad ad account id ${accountId}`, 'other');
  return id;
}

function campaignStatus(status: string | undefined): TRemoteCampaign['status'] {
  if (status === 'ACTIVE') return 'active';
  if (status === 'PAUSED') return 'paused';
  if (status === 'COMPLETED' || status === 'ARCHIVED' || status === 'CANCELED') return 'completed';
  return 'draft';
}

function linkedInDate(date: string): TLinkedInDate {
  const match = DATE.exec(date);
  if (!match) throw new AdPlatformError(`LinkedIn: bad date ${date}`, 'other');
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function isoDate(d: TLinkedInDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function round2(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/** A failed call as an AdPlatformError: 401 is the token (expired or revoked), 429 a throttle. */
function apiError(res: Response, json: unknown): AdPlatformError {
  const body = json as { message?: string; code?: string };
  const message = `LinkedIn: ${(body.message ?? body.code ?? `HTTP ${res.status}`).slice(0, 500)}`;
  if (res.status === 429) return new AdPlatformError(message, 'rate_limited', retryAt(res));
  if (res.status === 401) return new AdPlatformError(message, 'auth');
  return new AdPlatformError(message, 'other');
}

/** LinkedIn's throttles reset on their own schedule; Retry-After when sent, else a minute. */
function retryAt(res: Response): Date {
  const header = Number(res.headers.get('retry-after'));
  const seconds = Number.isFinite(header) && header > 0 ? header : DEFAULT_RETRY_SECONDS;
  return new Date(Date.now() + seconds * 1000);
}
