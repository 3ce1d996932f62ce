import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetaFake } from '../../../../test/meta-fake.js';
import { AdPlatformError, type TAdTokens } from './ad-connector.js';
import { MetaAdsConnector } from './meta-connector.js';

let fake: MetaFake;
let meta: MetaAdsConnector;
let tokens: TAdTokens;

beforeAll(async () => {
  fake = new MetaFake();
  await fake.start();
  meta = new MetaAdsConnector({ appId: fake.appId, appSecret: fake.appSecret, graphUrl: `${fake.url}/v21.0`, oauthUrl: `${fake.url}/dialog/oauth` });
  fake.validCodes.add('code-1');
  tokens = await meta.exchangeCode('code-1', 'https://app.example/cb');
});
afterAll(() => fake.stop());

const hex = (value: string) => createHash('sha256').update(value).digest('hex');

describe('MetaAdsConnector', () => {
  it('trades the code for a long-lived token with its expiry, and refuses an unknown code', async () => {
    expect(tokens.refresh_token).toBeNull();
    expect(tokens.expires_at!.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    await expect(meta.exchangeCode('nope', 'https://app.example/cb')).rejects.toMatchObject({ kind: 'other' });
  });

  it('sends offline conversions to the account pixel with hashed identifiers, as the Conversions API requires', async () => {
    const at = new Date('2025-03-04T10:00:00Z');
    const results = await meta.uploadConversions(tokens, 'act_111', [
      {
        event_id: 'order:1',
        kind: 'order_paid',
        occurred_at: at,
        value: 49.9,
        currency: 'EUR',
        email: '  Alice@Example.COM ',
        phone: '+33 6 12 34 56 78',
        fbclid: 'IwAR1',
        platform_campaign_id: '120001',
      },
      { event_id: 'lead:2', kind: 'deal_won', occurred_at: at, value: null, currency: null, email: 'bob@example.com', platform_campaign_id: null },
    ]);
    expect([...results]).toEqual([
      ['order:1', null],
      ['lead:2', null],
    ]);
    const call = fake.calls.find((c) => c.path === '99001/events')!;
    expect(call.method).toBe('POST');
    expect(JSON.stringify(fake.events)).not.toContain('alice@example.com');
    expect(fake.events).toEqual([
      {
        event_name: 'Purchase',
        event_time: 1741082400,
        event_id: 'order:1',
        action_source: 'system_generated',
        user_data: { em: [hex('alice@example.com')], ph: [hex('33612345678')], fbc: 'fb.1.1741082400000.IwAR1' },
        custom_data: { value: 49.9, currency: 'EUR' },
      },
      {
        event_name: 'Lead',
        event_time: 1741082400,
        event_id: 'lead:2',
        action_source: 'system_generated',
        user_data: { em: [hex('bob@example.com')] },
        custom_data: {},
      },
    ]);
    // An account without a pixel: each conversion says why, nothing is sent.
    fake.pixels = [];
    const none = await meta.uploadConversions(tokens, 'act_111', [
      { event_id: 'x', kind: 'order_paid', occurred_at: at, value: 1, currency: 'EUR', email: 'a@b.c', platform_campaign_id: null },
    ]);
    expect(none.get('x')).toMatch(/no Meta pixel/);
    fake.pixels = [{ id: '99001' }];
  });

  it('reads throttling codes as rate limits with a retry time, 190 as auth, the rest as other', async () => {
    for (const code of [4, 17, 32, 613, 80000, 80004, 80014]) {
      fake.failNext(1, 400, { message: 'slow down', code });
      const err = (await meta.listAccounts(tokens).catch((e: unknown) => e)) as AdPlatformError;
      expect(err, String(code)).toBeInstanceOf(AdPlatformError);
      expect(err.kind, String(code)).toBe('rate_limited');
      expect(err.retryAfter!.getTime()).toBeGreaterThan(Date.now());
    }
    fake.failNext(1, 400, { message: 'Session has expired', code: 190, error_subcode: 463 });
    await expect(meta.listAccounts(tokens)).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('Session has expired') });
    fake.failNext(1, 400, { message: 'Invalid parameter', code: 100 });
    await expect(meta.listAccounts(tokens)).rejects.toMatchObject({ kind: 'other' });
    await expect(meta.listAccounts({ access_token: 'revoked' })).rejects.toMatchObject({ kind: 'auth' });
  });

  it('never follows a paging link to another host with the token', async () => {
    const server = new MetaAdsConnector({ appId: fake.appId, appSecret: fake.appSecret, graphUrl: `${fake.url}/v21.0`, oauthUrl: 'x' }, async (input) => {
      const url = new URL(String(input));
      if (url.hostname !== '127.0.0.1') throw new Error(`called ${url.hostname}`);
      return new Response(JSON.stringify({ data: [{ id: 'act_1', name: 'A', currency: 'EUR' }], paging: { next: 'https://evil.example/next' } }), {
        status: 200,
      });
    });
    expect(await server.listAccounts(tokens)).toEqual([{ id: 'act_1', name: 'A', currency: 'EUR' }]);
  });
});
