import type { TAdNetwork } from '../../../contracts/ads.js';

// One interface for the three ad networks (ARCHITECTURE.md, "Ads connectors"). Each network's module
// (meta-connector.ts, google-connector.ts, linkedin-connector.ts) implements it against the platform's documented
// HTTP API; base URLs come from the configuration so the tests point them at a local fake server.

/** OAuth tokens of a connection, sealed at rest. */
export type TAdTokens = { access_token: string; refresh_token?: string | null; expires_at?: Date | null };

/** An ad account the user may link after the OAuth consent. */
export type TAdAccount = { id: string; name: string | null; currency: string | null };

/** A campaign on the platform. */
export type TRemoteCampaign = { id: string; name: string; status: 'active' | 'paused' | 'completed' | 'draft'; currency: string | null };

/** One campaign's figures for one day, as the platform reports them. */
export type TRemoteDay = {
  campaign_id: string;
  date: string;
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
  conversion_value: number;
};

/** An offline conversion to send back (identifiers are hashed by the connector as its platform requires). */
export type TOfflineConversion = {
  /** Unique per conversion: platforms deduplicate on it. */
  event_id: string;
  kind: 'deal_won' | 'order_paid';
  occurred_at: Date;
  value: number | null;
  currency: string | null;
  email: string;
  phone?: string | null;
  /** Click ids captured on the landing page, when any. */
  gclid?: string | null;
  fbclid?: string | null;
  li_fat_id?: string | null;
  platform_campaign_id: string | null;
};

/** What a platform answered to a call that failed: shown on the connection. */
export class AdPlatformError extends Error {
  constructor(
    message: string,
    /** `rate_limited`: retry after `retryAfter`; `auth`: the token is refused (reconnect); `other`. */
    readonly kind: 'rate_limited' | 'auth' | 'other',
    readonly retryAfter: Date | null = null,
  ) {
    super(message);
  }
}

export type AdConnector = {
  readonly network: TAdNetwork;
  /** The platform's consent page address for `state`, redirecting to `redirectUri`. */
  authorizeUrl(state: string, redirectUri: string): string;
  /** Trades the consent's code for tokens. */
  exchangeCode(code: string, redirectUri: string): Promise<TAdTokens>;
  /** New tokens from the refresh token (or a long-lived exchange); throws AdPlatformError('auth') when refused. */
  refresh(tokens: TAdTokens): Promise<TAdTokens>;
  listAccounts(tokens: TAdTokens): Promise<TAdAccount[]>;
  listCampaigns(tokens: TAdTokens, accountId: string): Promise<TRemoteCampaign[]>;
  /** Daily figures of the account's campaigns over [from, to] (YYYY-MM-DD, inclusive). */
  dailyFigures(tokens: TAdTokens, accountId: string, from: string, to: string): Promise<TRemoteDay[]>;
  setCampaignStatus(tokens: TAdTokens, accountId: string, campaignId: string, status: 'active' | 'paused'): Promise<void>;
  /** Sends conversions; returns the platform's answer per event_id (null: accepted). */
  uploadConversions(tokens: TAdTokens, accountId: string, conversions: TOfflineConversion[]): Promise<Map<string, string | null>>;
};
