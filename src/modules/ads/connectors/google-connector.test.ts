import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAdApi } from '../conversions/fake-ad-api.js';
import { AdPlatformError, type TOfflineConversion } from './ad-connector.js';
import type { TGoogleConfig } from './connector-config.js';
import { GOOGLE_CONVERSION_ACTIONS, GoogleAdsConnector, googleDateTime } from './google-connector.js';

// The Google Ads connector against a local fake of the REST API, answering with the documented shapes:
// OAuth token endpoint, customers:listAccessibleCustomers, googleAds:searchStream (a JSON array of batches, int64 as
// strings), campaigns:mutate, conversionActions:mutate and uploadClickConversions with partial failures.

let api: FakeAdApi;
let connector: GoogleAdsConnector;
let config: TGoogleConfig;
const tokens = { access_token: 'ya29.access', refresh_token: '1//refresh', expires_at: null };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeEach(async () => {
  api = new FakeAdApi();
  const base = await api.start();
  config = {
    clientId: 'client.apps.googleusercontent.com',
    clientSecret: 'secret',
    developerToken: 'dev-token',
    loginCustomerId: '9990001111',
    apiUrl: `${base}/v18`,
    oauthUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: `${base}/token`,
  };
  connector = new GoogleAdsConnector(config);
});
afterEach(() => api.close());

const stream = (rows: unknown[][]) => ({ body: rows.map((results) => ({ results, fieldMask: 'campaign.id', requestId: 'r1' })) });

async function refusal(promise: Promise<unknown>): Promise<AdPlatformError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AdPlatformError);
  return err as AdPlatformError;
}

describe('Google Ads connector', () => {
  it('builds the consent address with offline access and the adwords scope', () => {
    const url = new URL(connector.authorizeUrl('state-1', 'https://app.example/api/marketing/ad-connections/callback'));
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: config.clientId,
      redirect_uri: 'https://app.example/api/marketing/ad-connections/callback',
      response_type: 'code',
      scope: 'https://www.googleapis.com/auth/adwords',
      access_type: 'offline',
      prompt: 'consent',
      state: 'state-1',
    });
  });

  it('trades the code for tokens and refreshes them, keeping the refresh token Google does not send again', async () => {
    api.on('POST', '/token', (call) =>
      (call.body as Record<string, string>).grant_type === 'authorization_code'
        ? {
            body: {
              access_token: 'ya29.first',
              expires_in: 3599,
              refresh_token: '1//new',
              scope: 'https://www.googleapis.com/auth/adwords',
              token_type: 'Bearer',
            },
          }
        : { body: { access_token: 'ya29.second', expires_in: 3599, token_type: 'Bearer' } },
    );
    const before = Date.now();
    const first = await connector.exchangeCode('4/code', 'https://app.example/cb');
    expect(first).toMatchObject({ access_token: 'ya29.first', refresh_token: '1//new' });
    expect(first.expires_at!.getTime()).toBeGreaterThanOrEqual(before + 3_598_000);
    expect(api.calls[0]!.body).toEqual({
      grant_type: 'authorization_code',
      code: '4/code',
      redirect_uri: 'https://app.example/cb',
      client_id: config.clientId,
      client_secret: 'secret',
    });
    const renewed = await connector.refresh(first);
    expect(renewed).toMatchObject({ access_token: 'ya29.second', refresh_token: '1//new' });
    expect(api.calls[1]!.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: '1//new' });
  });

  it('maps a revoked refresh token (invalid_grant) to an auth refusal', async () => {
    api.on('POST', '/token', { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } });
    const err = await refusal(connector.refresh(tokens));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('expired or revoked');
    expect((await refusal(connector.refresh({ access_token: 'x' }))).kind).toBe('auth');
  });

  it('lists the accessible customers with their names, and sends the developer token and manager id', async () => {
    api.on('GET', '/v18/customers:listAccessibleCustomers', { body: { resourceNames: ['customers/1234567890', 'customers/2223334444'] } });
    api.on(
      'POST',
      '/v18/customers/1234567890/googleAds:searchStream',
      stream([[{ customer: { resourceName: 'customers/1234567890', id: '1234567890', descriptiveName: 'Atelier', currencyCode: 'EUR' } }]]),
    );
    api.on('POST', '/v18/customers/2223334444/googleAds:searchStream', {
      status: 403,
      body: { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } },
    });
    expect(await connector.listAccounts(tokens)).toEqual([
      { id: '1234567890', name: 'Atelier', currency: 'EUR' },
      { id: '2223334444', name: null, currency: null },
    ]);
    const call = api.calls[0]!;
    expect(call.headers).toMatchObject({ authorization: 'Bearer ya29.access', 'developer-token': 'dev-token', 'login-customer-id': '9990001111' });
    expect(api.calls[1]!.body).toEqual({ query: 'SELECT customer.id, customer.descriptive_name, customer.currency_code FROM customer LIMIT 1' });
  });

  it('lists campaigns with their statuses', async () => {
    api.on(
      'POST',
      '/v18/customers/1234567890/googleAds:searchStream',
      stream([
        [
          {
            customer: { currencyCode: 'EUR' },
            campaign: { resourceName: 'customers/1234567890/campaigns/11', id: '11', name: 'Search FR', status: 'ENABLED', servingStatus: 'SERVING' },
          },
          { customer: { currencyCode: 'EUR' }, campaign: { id: '12', name: 'Display', status: 'PAUSED', servingStatus: 'SERVING' } },
        ],
        [{ customer: { currencyCode: 'EUR' }, campaign: { id: '13', name: 'Noël', status: 'ENABLED', servingStatus: 'ENDED' } }],
      ]),
    );
    expect(await connector.listCampaigns(tokens, '123-456-7890')).toEqual([
      { id: '11', name: 'Search FR', status: 'active', currency: 'EUR' },
      { id: '12', name: 'Display', status: 'paused', currency: 'EUR' },
      { id: '13', name: 'Noël', status: 'completed', currency: 'EUR' },
    ]);
    expect((api.calls[0]!.body as { query: string }).query).toContain("WHERE campaign.status != 'REMOVED'");
  });

  it('reads daily figures from every stream batch with GAQL, cost in micros', async () => {
    api.on(
      'POST',
      '/v18/customers/1234567890/googleAds:searchStream',
      stream([
        [
          {
            campaign: { id: '11', name: 'Search FR', status: 'ENABLED' },
            segments: { date: '2025-03-01' },
            metrics: { impressions: '1200', clicks: '34', costMicros: '12345678', conversions: 3, conversionsValue: 240.5 },
          },
        ],
        [
          {
            campaign: { id: '11' },
            segments: { date: '2025-03-02' },
            metrics: { impressions: '800', clicks: '0', costMicros: '0', conversions: 0, conversionsValue: 0 },
          },
        ],
      ]),
    );
    expect(await connector.dailyFigures(tokens, '1234567890', '2025-03-01', '2025-03-02')).toEqual([
      { campaign_id: '11', date: '2025-03-01', impressions: 1200, clicks: 34, spend: 12.35, conversions: 3, conversion_value: 240.5 },
      { campaign_id: '11', date: '2025-03-02', impressions: 800, clicks: 0, spend: 0, conversions: 0, conversion_value: 0 },
    ]);
    const query = (api.calls[0]!.body as { query: string }).query;
    expect(query).toBe(
      'SELECT campaign.id, campaign.name, campaign.status, segments.date, metrics.impressions, metrics.clicks, metrics.cost_micros, ' +
        "metrics.conversions, metrics.conversions_value FROM campaign WHERE segments.date BETWEEN '2025-03-01' AND '2025-03-02'",
    );
    expect((await refusal(connector.dailyFigures(tokens, '1234567890', "2025-03-01' OR 1=1", '2025-03-02'))).kind).toBe('other');
  });

  it('pauses and resumes a campaign with campaigns:mutate on the status field', async () => {
    api.on('POST', '/v18/customers/1234567890/campaigns:mutate', { body: { results: [{ resourceName: 'customers/1234567890/campaigns/11' }] } });
    await connector.setCampaignStatus(tokens, '1234567890', '11', 'paused');
    await connector.setCampaignStatus(tokens, '1234567890', '11', 'active');
    expect(api.calls.map((c) => c.body)).toEqual([
      { operations: [{ update: { resourceName: 'customers/1234567890/campaigns/11', status: 'PAUSED' }, updateMask: 'status' }] },
      { operations: [{ update: { resourceName: 'customers/1234567890/campaigns/11', status: 'ENABLED' }, updateMask: 'status' }] },
    ]);
  });

  it('uploads click conversions by gclid or hashed e-mail, creating the conversion actions once, with partial failures per conversion', async () => {
    // The deal-won action exists; the order-paid one is created.
    api.on('POST', '/v18/customers/1234567890/googleAds:searchStream', (call) =>
      (call.body as { query: string }).query.includes(GOOGLE_CONVERSION_ACTIONS.deal_won.name)
        ? stream([[{ conversionAction: { resourceName: 'customers/1234567890/conversionActions/501' } }]])
        : stream([]),
    );
    api.on('POST', '/v18/customers/1234567890/conversionActions:mutate', {
      body: { results: [{ resourceName: 'customers/1234567890/conversionActions/502' }] },
    });
    api.on('POST', '/v18/customers/1234567890:uploadClickConversions', {
      body: {
        partialFailureError: {
          code: 3,
          message: 'The click identifier could not be decoded., at conversions[2].gclid',
          details: [
            {
              '@type': 'type.googleapis.com/google.ads.googleads.v18.errors.GoogleAdsFailure',
              errors: [
                {
                  errorCode: { conversionUploadError: 'UNPARSEABLE_GCLID' },
                  message: 'The click identifier could not be decoded.',
                  location: { fieldPathElements: [{ fieldName: 'conversions', index: 2 }, { fieldName: 'gclid' }] },
                },
              ],
            },
          ],
        },
        results: [{ gclid: 'Cj0KCQ', conversionAction: 'customers/1234567890/conversionActions/501' }, {}, {}],
      },
    });
    const at = new Date('2025-03-04T10:11:12.345Z');
    const base: Omit<TOfflineConversion, 'event_id' | 'kind'> = {
      occurred_at: at,
      value: 1200,
      currency: 'EUR',
      email: '  Jeanne.Martin@Example.FR ',
      platform_campaign_id: '11',
    };
    const answers = await connector.uploadConversions(tokens, '1234567890', [
      { ...base, event_id: 'lead:a', kind: 'deal_won', gclid: 'Cj0KCQ' },
      { ...base, event_id: 'order:b', kind: 'order_paid', value: 49.9 },
      { ...base, event_id: 'order:c', kind: 'order_paid', gclid: 'bad', value: null, currency: null },
    ]);
    expect([...answers]).toEqual([
      ['lead:a', null],
      ['order:b', null],
      ['order:c', 'The click identifier could not be decoded.'],
    ]);
    expect(api.callsTo('POST', '/v18/customers/1234567890/conversionActions:mutate').map((c) => c.body)).toEqual([
      {
        operations: [
          {
            create: {
              name: GOOGLE_CONVERSION_ACTIONS.order_paid.name,
              type: 'UPLOAD_CLICKS',
              category: 'PURCHASE',
              status: 'ENABLED',
              valueSettings: { defaultValue: 0, alwaysUseDefaultValue: false },
            },
          },
        ],
      },
    ]);
    const [upload] = api.callsTo('POST', '/v18/customers/1234567890:uploadClickConversions');
    expect(upload!.body).toEqual({
      partialFailure: true,
      conversions: [
        {
          conversionAction: 'customers/1234567890/conversionActions/501',
          conversionDateTime: '2025-03-04 10:11:12+00:00',
          orderId: 'lead:a',
          gclid: 'Cj0KCQ',
          conversionValue: 1200,
          currencyCode: 'EUR',
        },
        {
          conversionAction: 'customers/1234567890/conversionActions/502',
          conversionDateTime: '2025-03-04 10:11:12+00:00',
          orderId: 'order:b',
          userIdentifiers: [{ hashedEmail: sha256('jeanne.martin@example.fr') }],
          conversionValue: 49.9,
          currencyCode: 'EUR',
        },
        { conversionAction: 'customers/1234567890/conversionActions/502', conversionDateTime: '2025-03-04 10:11:12+00:00', orderId: 'order:c', gclid: 'bad' },
      ],
    });
    // The actions are remembered: a second upload searches nothing again.
    const searches = api.callsTo('POST', '/v18/customers/1234567890/googleAds:searchStream').length;
    await connector.uploadConversions(tokens, '1234567890', [{ ...base, event_id: 'lead:d', kind: 'deal_won' }]);
    expect(api.callsTo('POST', '/v18/customers/1234567890/googleAds:searchStream')).toHaveLength(searches);
    expect(googleDateTime(new Date('2025-12-31T23:59:59Z'))).toBe('2025-12-31 23:59:59+00:00');
  });

  it('maps RESOURCE_EXHAUSTED to a rate limit with its retry delay, and UNAUTHENTICATED to auth', async () => {
    api.on('POST', '/v18/customers/1234567890/campaigns:mutate', {
      status: 429,
      body: {
        error: {
          code: 429,
          message: 'Resource has been exhausted (e.g. check quota).',
          status: 'RESOURCE_EXHAUSTED',
          details: [
            {
              '@type': 'type.googleapis.com/google.ads.googleads.v18.errors.GoogleAdsFailure',
              errors: [
                {
                  errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
                  message: 'Too many requests. Retry in 120 seconds.',
                  details: { quotaErrorDetails: { rateScope: 'ACCOUNT', rateName: 'Requests per service per method', retryDelay: '120s' } },
                },
              ],
            },
          ],
        },
      },
    });
    const before = Date.now();
    const limited = await refusal(connector.setCampaignStatus(tokens, '1234567890', '11', 'paused'));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.retryAfter!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(limited.retryAfter!.getTime()).toBeLessThan(before + 125_000);

    api.on('GET', '/v18/customers:listAccessibleCustomers', {
      status: 401,
      body: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } },
    });
    const auth = await refusal(connector.listAccounts(tokens));
    expect(auth).toMatchObject({ kind: 'auth', message: 'Google Ads: Request had invalid authentication credentials.' });

    api.on('POST', '/v18/customers/1234567890/googleAds:searchStream', {
      status: 500,
      body: { error: { code: 500, message: 'Internal error', status: 'INTERNAL' } },
    });
    expect((await refusal(connector.listCampaigns(tokens, '1234567890'))).kind).toBe('other');
  });
});
