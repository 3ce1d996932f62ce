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
import type { TGoogleConfig } from './connector-config.js';
import { digitsOf, oauth2Grant, readPlatformJson, sendToPlatform } from './platform-http.js';

// Google Ads API (REST, https://developers.google.com/google-ads/api/rest/overview): OAuth 2.0 with an offline refresh
// token, reports in GAQL through `googleAds:searchStream` (one JSON array of result batches), status changes through
// `campaigns:mutate`, and offline conversions through `uploadClickConversions` (by gclid when the landing page
// captured one, else by the hashed e-mail: enhanced conversions for leads). Every call carries the install's
// developer token, and `login-customer-id` when the accounts are reached through a manager account.

const SCOPE = 'https://www.googleapis.com/auth/adwords';
/** Accounts whose names are read after the consent (listAccessibleCustomers has no cap). */
const MAX_ACCOUNTS = 50;
/** Conversions per uploadClickConversions request (Google's limit is 2,000). */
const UPLOAD_BATCH = 2_000;
/** Waiting time when a rate limit answer names none. */
const DEFAULT_RETRY_SECONDS = 60;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The conversion actions the closed loop creates in the account (found again by name). */
export const GOOGLE_CONVERSION_ACTIONS = {
  deal_won: { name: 'Marketing – affaire gagnée (hors ligne)', category: 'CONVERTED_LEAD' },
  order_paid: { name: 'Marketing – commande payée (hors ligne)', category: 'PURCHASE' },
} as const;

type TSearchRow = {
  customer?: { id?: string; descriptiveName?: string; currencyCode?: string };
  campaign?: { id?: string; name?: string; status?: string; servingStatus?: string };
  segments?: { date?: string };
  metrics?: { impressions?: string | number; clicks?: string | number; costMicros?: string | number; conversions?: number; conversionsValue?: number };
  conversionAction?: { resourceName?: string };
};

type TPartialFailure = {
  message?: string;
  details?: { errors?: { message?: string; location?: { fieldPathElements?: { fieldName?: string; index?: number }[] } }[] }[];
};

export class GoogleAdsConnector implements AdConnector {
  readonly network = 'google' as const;
  /** Conversion action resource names per `customer:kind`, found or created once per process. */
  private readonly actions = new Map<string, string>();

  constructor(
    private readonly config: TGoogleConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  authorizeUrl(state: string, redirectUri: string): string {
    const url = new URL(this.config.oauthUrl);
    url.search = new URLSearchParams({
      client_id: this.config.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: SCOPE,
      // A refresh token is only given with offline access, and again on a new consent only with prompt=consent.
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      state,
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string, redirectUri: string): Promise<TAdTokens> {
    return this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, null);
  }

  async refresh(tokens: TAdTokens): Promise<TAdTokens> {
    if (!tokens.refresh_token) throw new AdPlatformError('Google Ads: no refresh token, reconnect the account', 'auth');
    return this.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, tokens.refresh_token);
  }

  async listAccounts(tokens: TAdTokens): Promise<TAdAccount[]> {
    const listed = (await this.call(tokens, 'GET', '/customers:listAccessibleCustomers')) as { resourceNames?: string[] };
    const ids = (listed.resourceNames ?? []).map((name) => name.split('/').at(-1)!).slice(0, MAX_ACCOUNTS);
    const accounts: TAdAccount[] = [];
    for (const id of ids) {
      try {
        const [row] = await this.search(tokens, id, 'SELECT customer.id, customer.descriptive_name, customer.currency_code FROM customer LIMIT 1');
        accounts.push({ id, name: row?.customer?.descriptiveName ?? null, currency: row?.customer?.currencyCode ?? null });
      } catch (err) {
        // A cancelled account or one reached only through a manager refuses the query: still listed, without a name.
        if (err instanceof AdPlatformError && err.kind !== 'other') throw err;
        accounts.push({ id, name: null, currency: null });
      }
    }
    return accounts;
  }

  async listCampaigns(tokens: TAdTokens, accountId: string): Promise<TRemoteCampaign[]> {
    const rows = await this.search(
      tokens,
      accountId,
      "SELECT campaign.id, campaign.name, campaign.status, campaign.serving_status, customer.currency_code FROM campaign WHERE campaign.status != 'REMOVED'",
    );
    return rows
      .filter((row) => row.campaign?.id)
      .map((row) => ({
        id: String(row.campaign!.id),
        name: row.campaign!.name ?? String(row.campaign!.id),
        status: campaignStatus(row.campaign!.status, row.campaign!.servingStatus),
        currency: row.customer?.currencyCode ?? null,
      }));
  }

  async dailyFigures(tokens: TAdTokens, accountId: string, from: string, to: string): Promise<TRemoteDay[]> {
    if (!DATE.test(from) || !DATE.test(to)) throw new AdPlatformError(`Google Ads: bad date range ${from}..${to}`, 'other');
    const rows = await this.search(
      tokens,
      accountId,
      'SELECT campaign.id, campaign.name, campaign.status, segments.date, metrics.impressions, metrics.clicks, metrics.cost_micros, ' +
        `metrics.conversions, metrics.conversions_value FROM campaign WHERE segments.date BETWEEN '${from}' AND '${to}'`,
    );
    return rows
      .filter((row) => row.campaign?.id && row.segments?.date)
      .map((row) => ({
        campaign_id: String(row.campaign!.id),
        date: row.segments!.date!,
        // int64 fields arrive as strings in the JSON mapping of the API.
        impressions: Number(row.metrics?.impressions ?? 0),
        clicks: Number(row.metrics?.clicks ?? 0),
        spend: Math.round(Number(row.metrics?.costMicros ?? 0) / 10_000) / 100,
        conversions: Number(row.metrics?.conversions ?? 0),
        conversion_value: Math.round(Number(row.metrics?.conversionsValue ?? 0) * 100) / 100,
      }));
  }

  async setCampaignStatus(tokens: TAdTokens, accountId: string, campaignId: string, status: 'active' | 'paused'): Promise<void> {
    const customer = customerId(accountId);
    await this.call(tokens, 'POST', `/customers/${customer}/campaigns:mutate`, {
      operations: [
        {
          update: { resourceName: `customers/${customer}/campaigns/${digitsOf(campaignId)}`, status: status === 'active' ? 'ENABLED' : 'PAUSED' },
          updateMask: 'status',
        },
      ],
    });
  }

  async uploadConversions(tokens: TAdTokens, accountId: string, conversions: TOfflineConversion[]): Promise<Map<string, string | null>> {
    const customer = customerId(accountId);
    const answers = new Map<string, string | null>();
    for (let i = 0; i < conversions.length; i += UPLOAD_BATCH) {
      const batch = conversions.slice(i, i + UPLOAD_BATCH);
      const payload = [];
      for (const conversion of batch) payload.push(await this.clickConversion(tokens, customer, conversion));
      const answer = (await this.call(tokens, 'POST', `/customers/${customer}:uploadClickConversions`, {
        conversions: payload,
        // Required for conversion uploads: the valid ones are kept, each invalid one gets its own error.
        partialFailure: true,
      })) as { partialFailureError?: TPartialFailure };
      const failed = partialFailures(answer.partialFailureError);
      batch.forEach((conversion, index) => answers.set(conversion.event_id, failed.get(index) ?? null));
    }
    return answers;
  }

  /** A ClickConversion: by gclid when captured, else by the hashed e-mail (enhanced conversions for leads). */
  private async clickConversion(tokens: TAdTokens, customer: string, conversion: TOfflineConversion): Promise<Record<string, unknown>> {
    return {
      conversionAction: await this.conversionAction(tokens, customer, conversion.kind),
      conversionDateTime: googleDateTime(conversion.occurred_at),
      // Google deduplicates uploads of one conversion action on the order id.
      orderId: conversion.event_id,
      ...(conversion.gclid ? { gclid: conversion.gclid } : { userIdentifiers: [{ hashedEmail: hashEmail(conversion.email) }] }),
      ...(conversion.value !== null ? { conversionValue: conversion.value, currencyCode: conversion.currency ?? undefined } : {}),
    };
  }

  /** The account's conversion action for this kind, created (type UPLOAD_CLICKS) the first time. */
  private async conversionAction(tokens: TAdTokens, customer: string, kind: TOfflineConversion['kind']): Promise<string> {
    const key = `${customer}:${kind}`;
    const known = this.actions.get(key);
    if (known) return known;
    const { name, category } = GOOGLE_CONVERSION_ACTIONS[kind];
    const [found] = await this.search(
      tokens,
      customer,
      `SELECT conversion_action.resource_name FROM conversion_action WHERE conversion_action.name = '${name}' AND conversion_action.status = 'ENABLED' LIMIT 1`,
    );
    let resource = found?.conversionAction?.resourceName;
    if (!resource) {
      const created = (await this.call(tokens, 'POST', `/customers/${customer}/conversionActions:mutate`, {
        operations: [
          { create: { name, type: 'UPLOAD_CLICKS', category, status: 'ENABLED', valueSettings: { defaultValue: 0, alwaysUseDefaultValue: false } } },
        ],
      })) as { results?: { resourceName?: string }[] };
      resource = created.results?.[0]?.resourceName;
      if (!resource) throw new AdPlatformError('Google Ads: the conversion action could not be created', 'other');
    }
    this.actions.set(key, resource);
    return resource;
  }

  /** A GAQL query through searchStream: every batch's rows, in order. */
  private async search(tokens: TAdTokens, accountId: string, query: string): Promise<TSearchRow[]> {
    const batches = (await this.call(tokens, 'POST', `/customers/${customerId(accountId)}/googleAds:searchStream`, { query })) as
      { results?: TSearchRow[] }[] | { results?: TSearchRow[] };
    return (Array.isArray(batches) ? batches : [batches]).flatMap((batch) => batch.results ?? []);
  }

  private async call(tokens: TAdTokens, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${tokens.access_token}`,
      'developer-token': this.config.developerToken,
      accept: 'application/json',
    };
    if (this.config.loginCustomerId) headers['login-customer-id'] = this.config.loginCustomerId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.send(`${this.config.apiUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await readPlatformJson(res);
    if (!res.ok) throw apiError(res, json);
    return json;
  }

  private token(grant: Record<string, string>, keptRefreshToken: string | null): Promise<TAdTokens> {
    return oauth2Grant(this.fetchImpl, 'Google', this.config, grant, keptRefreshToken, retryAt);
  }

  private send(url: string, init: RequestInit): Promise<Response> {
    return sendToPlatform(this.fetchImpl, 'Google Ads', url, init);
  }
}

/** The customer id as the API writes it in paths: 10 digits, no dashes. */
function customerId(accountId: string): string {
  const id = digitsOf(accountId);
  if (!id) throw new AdPlatformError(`Google Ads: bad customer id ${accountId}`, 'other');
  return id;
}

function campaignStatus(status: string | undefined, serving: string | undefined): TRemoteCampaign['status'] {
  if (status === 'REMOVED' || serving === 'ENDED') return 'completed';
  if (status === 'PAUSED') return 'paused';
  if (status === 'ENABLED') return 'active';
  return 'draft';
}

/** "yyyy-mm-dd hh:mm:ss+00:00", the format conversionDateTime requires (in UTC here). */
export function googleDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

/** Per conversion index, the message of each error of a partial failure (location `conversions[index]`). */
function partialFailures(error: TPartialFailure | undefined): Map<number, string> {
  const failed = new Map<number, string>();
  if (!error) return failed;
  for (const detail of error.details ?? []) {
    for (const e of detail.errors ?? []) {
      const index = e.location?.fieldPathElements?.find((p) => p.fieldName === 'conversions')?.index;
      if (typeof index === 'number' && !failed.has(index)) failed.set(index, (e.message ?? error.message ?? 'refused').slice(0, 500));
    }
  }
  return failed;
}

/** A failed call as an AdPlatformError: 401 / UNAUTHENTICATED is the token, 429 / RESOURCE_EXHAUSTED a rate limit. */
function apiError(res: Response, json: unknown): AdPlatformError {
  const error = (json as { error?: { message?: string; status?: string } }).error ?? {};
  // A body that is not JSON (a proxy's page) comes back from readPlatformJson as `{ message }`.
  const message = `Google Ads: ${(error.message ?? (json as { message?: string }).message ?? `HTTP ${res.status}`).slice(0, 500)}`;
  if (res.status === 429 || error.status === 'RESOURCE_EXHAUSTED') return new AdPlatformError(message, 'rate_limited', retryAt(res, json));
  if (res.status === 401 || error.status === 'UNAUTHENTICATED') return new AdPlatformError(message, 'auth');
  return new AdPlatformError(message, 'other');
}

/** When to try again: the error's `retryDelay` ("30s", google.rpc.RetryInfo or quota details), Retry-After, or a minute. */
function retryAt(res: Response, json: unknown): Date {
  const delay = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(JSON.stringify(json))?.[1];
  const header = Number(res.headers.get('retry-after'));
  const seconds = delay ? Number(delay) : Number.isFinite(header) && header > 0 ? header : DEFAULT_RETRY_SECONDS;
  return new Date(Date.now() + Math.ceil(seconds) * 1000);
}
