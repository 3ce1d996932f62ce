import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAdApi } from '../conversions/fake-ad-api.js';
import { AdPlatformError, type TOfflineConversion } from './ad-connector.js';
import type { TLinkedInConfig } from './connector-config.js';
import { LINKEDIN_CONVERSION_RULES, LinkedInAdsConnector } from './linkedin-connector.js';

// The LinkedIn connector against a local fake of the versioned Marketing API, answering with the documented shapes:
// OAuth accessToken, adAccounts and adCampaigns searches (cursor paging), adAnalytics (pivot CAMPAIGN, DAILY),
// PARTIAL_UPDATE of a campaign, conversion rules, campaignConversions and conversionEvents (BATCH_CREATE).

let api: FakeAdApi;
let connector: LinkedInAdsConnector;
let config: TLinkedInConfig;
const tokens = { access_token: 'AQV-access', refresh_token: 'AQX-refresh', expires_at: null };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeEach(async () => {
  api = new FakeAdApi();
  const base = await api.start();
  config = {
    clientId: '77abc',
    clientSecret: 'secret',
    apiUrl: `${base}/rest`,
    apiVersion: '202411',
    oauthUrl: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenUrl: `${base}/oauth/v2/accessToken`,
  };
  connector = new LinkedInAdsConnector(config);
});
afterEach(() => api.close());

async function refusal(promise: Promise<unknown>): Promise<AdPlatformError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AdPlatformError);
  return err as AdPlatformError;
}

describe('LinkedIn Ads connector', () => {
  it('builds the consent address with the ads and conversions scopes', () => {
    const url = new URL(connector.authorizeUrl('s-2', 'https://app.example/cb'));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/oauth/v2/authorization');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: '77abc',
      redirect_uri: 'https://app.example/cb',
      state: 's-2',
      scope: 'r_ads r_ads_reporting rw_ads rw_conversions',
    });
  });

  it('trades the code for tokens, refreshes them, and maps a refused refresh to auth', async () => {
    api.on('POST', '/oauth/v2/accessToken', (call) =>
      (call.body as Record<string, string>).grant_type === 'authorization_code'
        ? { body: { access_token: 'AQV-1', expires_in: 5183999, refresh_token: 'AQX-1', refresh_token_expires_in: 31535999, scope: 'r_ads' } }
        : { body: { access_token: 'AQV-2', expires_in: 5183999, refresh_token: 'AQX-2', refresh_token_expires_in: 31000000 } },
    );
    const first = await connector.exchangeCode('code-1', 'https://app.example/cb');
    expect(first).toMatchObject({ access_token: 'AQV-1', refresh_token: 'AQX-1' });
    expect(api.calls[0]!.body).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'https://app.example/cb',
      client_id: '77abc',
      client_secret: 'secret',
    });
    expect(await connector.refresh(first)).toMatchObject({ access_token: 'AQV-2', refresh_token: 'AQX-2' });
    expect(api.calls[1]!.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'AQX-1' });

    api.on('POST', '/oauth/v2/accessToken', { status: 400, body: { error: 'invalid_request', error_description: 'The provided refresh token is invalid' } });
    expect(await refusal(connector.refresh(first))).toMatchObject({ kind: 'auth', message: 'LinkedIn OAuth: The provided refresh token is invalid' });
  });

  it('lists ad accounts across pages, with the version headers', async () => {
    api.on('GET', '/rest/adAccounts', (call) =>
      call.query.includes('pageToken=')
        ? { body: { elements: [{ id: 502, name: 'Conseil', currency: 'USD', status: 'ACTIVE' }], metadata: {} } }
        : {
            body: {
              elements: [{ id: 501, name: 'Atelier', currency: 'EUR', status: 'ACTIVE', reference: 'urn:li:organization:1' }],
              metadata: { nextPageToken: 'tok+2' },
            },
          },
    );
    expect(await connector.listAccounts(tokens)).toEqual([
      { id: '501', name: 'Atelier', currency: 'EUR' },
      { id: '502', name: 'Conseil', currency: 'USD' },
    ]);
    const [first, second] = api.calls;
    expect(first!.headers).toMatchObject({ authorization: 'Bearer AQV-access', 'linkedin-version': '202411', 'x-restli-protocol-version': '2.0.0' });
    expect(first!.query).toBe('q=search&search=(status:(values:List(ACTIVE,DRAFT)))&pageSize=100');
    expect(second!.query).toBe('q=search&search=(status:(values:List(ACTIVE,DRAFT)))&pageSize=100&pageToken=tok%2B2');
  });

  it('lists campaigns with their statuses', async () => {
    api.on('GET', '/rest/adAccounts/501/adCampaigns', {
      body: {
        elements: [
          { id: 9001, name: 'Leads DAF', status: 'ACTIVE', dailyBudget: { currencyCode: 'EUR', amount: '50' }, account: 'urn:li:sponsoredAccount:501' },
          { id: 9002, name: 'Retarget', status: 'PAUSED' },
          { id: 9003, name: 'Salon', status: 'COMPLETED', totalBudget: { currencyCode: 'EUR', amount: '900' } },
          { id: 9004, name: 'Brouillon', status: 'DRAFT' },
        ],
        metadata: {},
      },
    });
    expect(await connector.listCampaigns(tokens, 'urn:li:sponsoredAccount:501')).toEqual([
      { id: '9001', name: 'Leads DAF', status: 'active', currency: 'EUR' },
      { id: '9002', name: 'Retarget', status: 'paused', currency: null },
      { id: '9003', name: 'Salon', status: 'completed', currency: 'EUR' },
      { id: '9004', name: 'Brouillon', status: 'draft', currency: null },
    ]);
  });

  it('reads daily figures from adAnalytics in Rest.li syntax, amounts from decimal strings', async () => {
    api.on('GET', '/rest/adAnalytics', {
      body: {
        elements: [
          {
            pivotValues: ['urn:li:sponsoredCampaign:9001'],
            dateRange: { start: { year: 2025, month: 3, day: 1 }, end: { year: 2025, month: 3, day: 1 } },
            impressions: 5400,
            clicks: 61,
            costInLocalCurrency: '183.4567',
            externalWebsiteConversions: 4,
            conversionValueInLocalCurrency: '1200.0',
          },
          {
            pivotValues: ['urn:li:sponsoredCampaign:9002'],
            dateRange: { start: { year: 2025, month: 3, day: 2 }, end: { year: 2025, month: 3, day: 2 } },
            impressions: 0,
            clicks: 0,
            costInLocalCurrency: '0.0',
            externalWebsiteConversions: 0,
            conversionValueInLocalCurrency: '0.0',
          },
        ],
        paging: { start: 0, count: 10, links: [] },
      },
    });
    expect(await connector.dailyFigures(tokens, '501', '2025-03-01', '2025-03-02')).toEqual([
      { campaign_id: '9001', date: '2025-03-01', impressions: 5400, clicks: 61, spend: 183.46, conversions: 4, conversion_value: 1200 },
      { campaign_id: '9002', date: '2025-03-02', impressions: 0, clicks: 0, spend: 0, conversions: 0, conversion_value: 0 },
    ]);
    expect(api.calls[0]!.query).toBe(
      'q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&dateRange=(start:(year:2025,month:3,day:1),end:(year:2025,month:3,day:2))' +
        '&accounts=List(urn%3Ali%3AsponsoredAccount%3A501)' +
        '&fields=impressions,clicks,costInLocalCurrency,externalWebsiteConversions,conversionValueInLocalCurrency,dateRange,pivotValues',
    );
    expect((await refusal(connector.dailyFigures(tokens, '501', '2025/03/01', '2025-03-02'))).kind).toBe('other');
  });

  it('pauses a campaign with a PARTIAL_UPDATE', async () => {
    api.on('POST', '/rest/adAccounts/501/adCampaigns/9001', { status: 204 });
    await connector.setCampaignStatus(tokens, '501', '9001', 'paused');
    await connector.setCampaignStatus(tokens, '501', '9001', 'active');
    expect(api.calls.map((c) => [c.headers['x-restli-method'], c.body])).toEqual([
      ['PARTIAL_UPDATE', { patch: { $set: { status: 'PAUSED' } } }],
      ['PARTIAL_UPDATE', { patch: { $set: { status: 'ACTIVE' } } }],
    ]);
  });

  it('sends conversion events with hashed e-mails and li_fat_id, creating the rule and linking the campaign once', async () => {
    api.on('GET', '/rest/conversions', {
      body: {
        elements: [{ id: 104, name: LINKEDIN_CONVERSION_RULES.deal_won.name, conversionMethod: 'CONVERSIONS_API', account: 'urn:li:sponsoredAccount:501' }],
      },
    });
    api.on('POST', '/rest/conversions', { status: 201, headers: { 'x-restli-id': '105' } });
    api.on('PUT', /^\/rest\/campaignConversions\//, { status: 204 });
    api.on('POST', '/rest/conversionEvents', {
      body: { elements: [{ status: 201 }, { status: 201 }, { status: 400, error: { message: 'conversionHappenedAt is too old' } }] },
    });
    const at = new Date('2025-03-04T10:11:12.345Z');
    const base: Omit<TOfflineConversion, 'event_id' | 'kind'> = {
      occurred_at: at,
      value: 1200,
      currency: 'EUR',
      email: ' Paul@Exemple.FR',
      platform_campaign_id: '9001',
    };
    const answers = await connector.uploadConversions(tokens, '501', [
      { ...base, event_id: 'lead:a', kind: 'deal_won', li_fat_id: 'df7f1fa4-2e7a-4b1e-9b8a-3c8f2d9e1a11' },
      { ...base, event_id: 'order:b', kind: 'order_paid', value: 49.9 },
      { ...base, event_id: 'order:c', kind: 'order_paid', value: null, currency: null },
    ]);
    expect([...answers]).toEqual([
      ['lead:a', null],
      ['order:b', null],
      ['order:c', 'conversionHappenedAt is too old'],
    ]);
    expect(api.callsTo('GET', '/rest/conversions')[0]!.query).toContain('q=account&account=urn%3Ali%3AsponsoredAccount%3A501');
    expect(api.callsTo('POST', '/rest/conversions').map((c) => c.body)).toEqual([
      {
        name: LINKEDIN_CONVERSION_RULES.order_paid.name,
        account: 'urn:li:sponsoredAccount:501',
        conversionMethod: 'CONVERSIONS_API',
        type: 'PURCHASE',
        enabled: true,
        attributionType: 'LAST_TOUCH_BY_CAMPAIGN',
        postClickAttributionWindowSize: 90,
        viewThroughAttributionWindowSize: 7,
      },
    ]);
    expect(api.callsTo('PUT', /campaignConversions/).map((c) => decodeURIComponent(c.path))).toEqual([
      '/rest/campaignConversions/(campaign:urn:li:sponsoredCampaign:9001,conversion:urn:lla:llaPartnerConversion:104)',
      '/rest/campaignConversions/(campaign:urn:li:sponsoredCampaign:9001,conversion:urn:lla:llaPartnerConversion:105)',
    ]);
    const [events] = api.callsTo('POST', '/rest/conversionEvents');
    expect(events!.headers['x-restli-method']).toBe('BATCH_CREATE');
    const hashed = { idType: 'SHA256_EMAIL', idValue: sha256('paul@exemple.fr') };
    expect(events!.body).toEqual({
      elements: [
        {
          conversion: 'urn:lla:llaPartnerConversion:104',
          conversionHappenedAt: at.getTime(),
          conversionValue: { currencyCode: 'EUR', amount: '1200.00' },
          user: { userIds: [hashed, { idType: 'LINKEDIN_FIRST_PARTY_ADS_TRACKING_UUID', idValue: 'df7f1fa4-2e7a-4b1e-9b8a-3c8f2d9e1a11' }] },
          eventId: 'lead:a',
        },
        {
          conversion: 'urn:lla:llaPartnerConversion:105',
          conversionHappenedAt: at.getTime(),
          conversionValue: { currencyCode: 'EUR', amount: '49.90' },
          user: { userIds: [hashed] },
          eventId: 'order:b',
        },
        { conversion: 'urn:lla:llaPartnerConversion:105', conversionHappenedAt: at.getTime(), user: { userIds: [hashed] }, eventId: 'order:c' },
      ],
    });
  });

  it('maps 429 to a rate limit (Retry-After) and 401 to auth', async () => {
    api.on('GET', '/rest/adAccounts/501/adCampaigns', {
      status: 429,
      headers: { 'retry-after': '300' },
      body: { status: 429, message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' },
    });
    const before = Date.now();
    const limited = await refusal(connector.listCampaigns(tokens, '501'));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAfter!.getTime()).toBeGreaterThanOrEqual(before + 300_000);
    api.on('GET', '/rest/adAccounts', {
      status: 401,
      body: { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' },
    });
    expect(await refusal(connector.listAccounts(tokens))).toMatchObject({ kind: 'auth', message: 'LinkedIn: Invalid access token' });
    api.on('POST', '/rest/adAccounts/501/adCampaigns/9001', { status: 403, body: { status: 403, message: 'Not enough permissions to access: partialUpdate' } });
    expect((await refusal(connector.setCampaignStatus(tokens, '501', '9001', 'paused'))).kind).toBe('other');
  });
});
