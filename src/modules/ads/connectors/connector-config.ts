import type { TAdNetwork } from '../../../contracts/ads.js';
import type { TConfig } from '../../../platform/config.js';

// The install-level settings of each ad network's connector: the app credentials the operator created on the
// platform (README, "Connecting ad accounts") and the API addresses (the real ones by default; tests point them at a
// local fake server). Connectors receive their network's entry, credentials present: a network whose credentials are
// missing has no connector, and the settings screen names the variables to set instead of showing a broken button.

export type TMetaConfig = { appId: string; appSecret: string; graphUrl: string; oauthUrl: string };

export type TGoogleConfig = {
  clientId: string;
  clientSecret: string;
  developerToken: string;
  /** Manager account (digits) sent as `login-customer-id`, when the accounts are reached through one. */
  loginCustomerId: string | null;
  /** e.g. https://googleads.googleapis.com/v18 (no trailing slash). */
  apiUrl: string;
  oauthUrl: string;
  tokenUrl: string;
};

export type TLinkedInConfig = {
  clientId: string;
  clientSecret: string;
  /** e.g. https://api.linkedin.com/rest (no trailing slash). */
  apiUrl: string;
  /** `LinkedIn-Version` header, YYYYMM. */
  apiVersion: string;
  oauthUrl: string;
  tokenUrl: string;
};

/** Each network's connector settings (credentials present). */
export type TAdConnectorConfig = { meta: TMetaConfig; google: TGoogleConfig; linkedin: TLinkedInConfig };

/** A network ready to connect, or the environment variables still to set. */
export type TAdNetworkSetup<N extends TAdNetwork = TAdNetwork> = { configured: true; config: TAdConnectorConfig[N] } | { configured: false; missing: string[] };

/** The network's connector settings from the configuration, or which variables are missing. */
export function adNetworkSetup<N extends TAdNetwork>(config: TConfig, network: N): TAdNetworkSetup<N> {
  const env = config.ads;
  const missing = (pairs: [string, string | undefined][]) => pairs.filter(([, v]) => !v).map(([name]) => name);
  if (network === 'meta') {
    const { appId, appSecret, graphUrl, oauthUrl } = env.meta;
    const absent = missing([
      ['META_APP_ID', appId],
      ['META_APP_SECRET', appSecret],
    ]);
    if (absent.length > 0) return { configured: false, missing: absent };
    return { configured: true, config: { appId: appId!, appSecret: appSecret!, graphUrl, oauthUrl } as TAdConnectorConfig[N] };
  }
  if (network === 'google') {
    const g = env.google;
    const absent = missing([
      ['GOOGLE_ADS_CLIENT_ID', g.clientId],
      ['GOOGLE_ADS_CLIENT_SECRET', g.clientSecret],
      ['GOOGLE_ADS_DEVELOPER_TOKEN', g.developerToken],
    ]);
    if (absent.length > 0) return { configured: false, missing: absent };
    const google: TGoogleConfig = {
      clientId: g.clientId!,
      clientSecret: g.clientSecret!,
      developerToken: g.developerToken!,
      loginCustomerId: g.loginCustomerId ?? null,
      apiUrl: g.apiUrl,
      oauthUrl: g.oauthUrl,
      tokenUrl: g.tokenUrl,
    };
    return { configured: true, config: google as TAdConnectorConfig[N] };
  }
  const l = env.linkedin;
  const absent = missing([
    ['LINKEDIN_CLIENT_ID', l.clientId],
    ['LINKEDIN_CLIENT_SECRET', l.clientSecret],
  ]);
  if (absent.length > 0) return { configured: false, missing: absent };
  const linkedin: TLinkedInConfig = {
    clientId: l.clientId!,
    clientSecret: l.clientSecret!,
    apiUrl: l.apiUrl,
    apiVersion: l.apiVersion,
    oauthUrl: l.oauthUrl,
    tokenUrl: l.tokenUrl,
  };
  return { configured: true, config: linkedin as TAdConnectorConfig[N] };
}
