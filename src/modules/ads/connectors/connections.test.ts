import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { MetaFake } from '../../../../test/meta-fake.js';
import type { TAdConnection } from '../../../contracts/ads.js';
import { loadConfig } from '../../../platform/config.js';
import { signExpiringToken } from '../../../platform/crypto/expiring-token.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { addDays, todayIn } from '../campaigns/ad-dates.js';
import { adNetworkSetup } from './connector-config.js';
import { adSyncJob, queueDailySyncs } from './ad-sync.jobs.js';
import { setRemoteCampaignStatus } from './remote-status.js';
import { tokenContext } from './connection-tokens.js';
import { rotateAdConnectionTokens } from './token-rotation.js';
import { SecretBox } from '../../../platform/crypto/secret-box.js';

const BASE = '/api/marketing/ad-connections';
let t: TestContext;
let fake: MetaFake;
let owner: SignedUp;
let other: SignedUp;
let codes = 0;

beforeAll(async () => {
  fake = new MetaFake();
  await fake.start();
  t = await startTestApp(fake.env);
  owner = await signUp(t.app);
  other = await signUp(t.app, { workspace_name: 'Workspace B' });
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});
beforeEach(() => {
  fake.calls.length = 0;
});

const query = (text: string, params: unknown[] = []) => t.runtime.database.raw.query<Record<string, unknown>>(text, params);

/** A request with the session and extra cookies (the harness' Client keeps the session cookie only). */
function inject(client: Client, opts: { method?: string; url: string; payload?: unknown }, cookies = '') {
  const method = (opts.method ?? 'GET') as 'GET';
  return t.app.inject({
    method,
    url: opts.url,
    headers: { cookie: `mk_session=${client.cookie}${cookies ? `; ${cookies}` : ''}`, ...(method === 'GET' ? {} : { 'x-csrf-token': client.csrf! }) },
    ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
  });
}

async function authorize(who: SignedUp): Promise<string> {
  const res = await who.client.post(`${BASE}/meta/authorize`);
  expect(res.statusCode, res.body).toBe(200);
  return new URL(res.json<{ url: string }>().url).searchParams.get('state')!;
}

/** The browser's return from Meta's consent dialog. */
async function callback(who: SignedUp, params: Record<string, string>) {
  return inject(who.client, { url: `${BASE}/meta/callback?${new URLSearchParams(params).toString()}` });
}

function newCode(): string {
  codes += 1;
  const code = `good-code-${codes}`;
  fake.validCodes.add(code);
  return code;
}

/** The whole OAuth round trip, then the account choice. */
async function connect(who: SignedUp, accountId = 'act_111'): Promise<{ connection: TAdConnection; status: number }> {
  const state = await authorize(who);
  const back = await callback(who, { code: newCode(), state });
  expect(back.statusCode, back.body).toBe(303);
  const id = new URL(back.headers.location as string, 'http://app').searchParams.get('connect')!;
  const cookie = back.cookies.find((c) => c.name === 'mk_ads_pending')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: BASE });
  const pending = await inject(who.client, { url: `${BASE}/pending/${id}` }, `mk_ads_pending=${cookie.value}`);
  expect(pending.statusCode, pending.body).toBe(200);
  const chosen = await inject(
    who.client,
    { method: 'POST', url: `${BASE}/pending/${id}`, payload: { account_id: accountId } },
    `mk_ads_pending=${cookie.value}`,
  );
  expect([200, 201], chosen.body).toContain(chosen.statusCode);
  return { connection: chosen.json(), status: chosen.statusCode };
}

function expectNoToken(body: string) {
  for (const token of fake.tokens) expect(body).not.toContain(token);
}

describe('ad connections: configuration', () => {
  it('names the variables a network still needs and lists its redirect URI', async () => {
    const bare = loadConfig({ NODE_ENV: 'test' });
    expect(adNetworkSetup(bare, 'meta')).toEqual({ configured: false, missing: ['META_APP_ID', 'META_APP_SECRET'] });
    expect(adNetworkSetup(bare, 'google')).toEqual({
      configured: false,
      missing: ['GOOGLE_ADS_CLIENT_ID', 'GOOGLE_ADS_CLIENT_SECRET', 'GOOGLE_ADS_DEVELOPER_TOKEN'],
    });
    expect(bare.ads.meta.graphUrl).toBe('https://graph.facebook.com/v21.0');
    expect(bare.ads.google.apiUrl).toBe('https://googleads.googleapis.com/v18');
    expect(() => loadConfig({ META_GRAPH_URL: 'ftp://x' })).toThrow(/META_GRAPH_URL/);
    expect(loadConfig({ GOOGLE_ADS_LOGIN_CUSTOMER_ID: '123-456-7890' }).ads.google.loginCustomerId).toBe('1234567890');

    const list = await owner.client.get(BASE);
    expect(list.statusCode, list.body).toBe(200);
    const networks = list.json<{ networks: { network: string; configured: boolean; missing: string[]; redirect_uri: string }[] }>().networks;
    expect(networks.find((n) => n.network === 'meta')).toMatchObject({
      configured: true,
      missing: [],
      redirect_uri: expect.stringMatching(/\/api\/marketing\/ad-connections\/meta\/callback$/),
    });
    expect(networks.find((n) => n.network === 'linkedin')).toMatchObject({ configured: false, missing: ['LINKEDIN_CLIENT_ID', 'LINKEDIN_CLIENT_SECRET'] });
    const refused = await owner.client.post(`${BASE}/linkedin/authorize`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      reason: 'ad_network_not_configured',
      params: { network: 'linkedin', missing: ['LINKEDIN_CLIENT_ID', 'LINKEDIN_CLIENT_SECRET'] },
    });
  });
});

describe('ad connections: OAuth', () => {
  it("sends the admin to Meta's dialog with a signed state, app id, scopes and redirect URI", async () => {
    const res = await owner.client.post(`${BASE}/meta/authorize`);
    const url = new URL(res.json<{ url: string }>().url);
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.url}/dialog/oauth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: fake.appId,
      scope: 'ads_read,ads_management',
      response_type: 'code',
      redirect_uri: `${t.runtime.config.appUrl}/api/marketing/ad-connections/meta/callback`,
    });
  });

  it('refuses forged, expired, other-network and other-workspace states without using the code', async () => {
    const code = newCode();
    const good = await authorize(owner);
    const expired = signExpiringToken(t.runtime.secrets, 'ads-oauth:meta', [owner.workspaceId, owner.userId], 600, Date.now() - 3_600_000);
    const google = signExpiringToken(t.runtime.secrets, 'ads-oauth:google', [owner.workspaceId, owner.userId], 600);
    const othersState = await authorize(other);
    for (const state of [`${good.slice(0, -3)}abc`, expired, google, othersState, '']) {
      const res = await callback(owner, { code, state });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/settings/ads?network=meta&connect_error=state_invalid');
      expect(res.cookies.find((c) => c.name === 'mk_ads_pending')).toBeUndefined();
    }
    expect(fake.calls.filter((c) => c.path === 'oauth/access_token')).toEqual([]);
    expect(fake.validCodes.has(code)).toBe(true);
  });

  it('says when the user declined or Meta refused the code', async () => {
    const denied = await callback(owner, { error: 'access_denied', error_reason: 'user_denied', state: await authorize(owner) });
    expect(denied.headers.location).toBe('/settings/ads?network=meta&connect_error=denied');
    const bad = await callback(owner, { code: 'not-a-code', state: await authorize(owner) });
    expect(bad.headers.location).toBe('/settings/ads?network=meta&connect_error=platform_error');
  });

  it('is for signed-in admins only (no API key, no member)', async () => {
    const key = (await owner.client.post('/api/workspace/api-keys', { name: 'admin key', role: 'admin' })).json<{ key: string }>().key;
    const byKey = await new Client(t.app, { bearer: key }).post(`${BASE}/meta/authorize`);
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json()).toMatchObject({ reason: 'session_only' });
  });

  it('connects the account picked, keeps tokens sealed and never shows them', async () => {
    const state = await authorize(owner);
    const back = await callback(owner, { code: newCode(), state });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toMatch(/^\/settings\/ads\?connect=[0-9a-f-]{36}$/);
    const id = new URL(back.headers.location as string, 'http://app').searchParams.get('connect')!;
    const cookie = `mk_ads_pending=${back.cookies.find((c) => c.name === 'mk_ads_pending')!.value}`;
    expectNoToken(back.body + JSON.stringify(back.headers));
    // The code was exchanged, then the short-lived token traded for a long-lived one.
    expect(fake.calls.filter((c) => c.path === 'oauth/access_token').map((c) => c.query.get('grant_type'))).toEqual([null, 'fb_exchange_token']);

    const pending = await inject(owner.client, { url: `${BASE}/pending/${id}` }, cookie);
    expect(pending.json()).toEqual({
      id,
      network: 'meta',
      accounts: [
        { id: 'act_111', name: 'Boutique Alice', currency: 'EUR', connected: false },
        { id: 'act_222', name: 'Autre compte', currency: 'USD', connected: false },
      ],
    });
    // Another id, no cookie, or the cookie under another session: nothing.
    expect((await inject(owner.client, { url: `${BASE}/pending/${crypto.randomUUID()}` }, cookie)).statusCode).toBe(404);
    expect((await inject(owner.client, { url: `${BASE}/pending/${id}` })).json()).toMatchObject({ reason: 'ad_pending_expired' });
    expect((await inject(other.client, { url: `${BASE}/pending/${id}` }, cookie)).statusCode).toBe(404);
    const unknown = await inject(owner.client, { method: 'POST', url: `${BASE}/pending/${id}`, payload: { account_id: 'act_999' } }, cookie);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ reason: 'ad_account_unknown' });

    const chosen = await inject(owner.client, { method: 'POST', url: `${BASE}/pending/${id}`, payload: { account_id: 'act_222' } }, cookie);
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json()).toMatchObject({ network: 'meta', account_id: 'act_222', account_name: 'Autre compte', status: 'active', last_error: null });
    expect(chosen.cookies.find((c) => c.name === 'mk_ads_pending')?.value).toBe('');
    const list = await owner.client.get(BASE);
    expect(list.json<{ items: TAdConnection[] }>().items.map((c) => c.account_id)).toContain('act_222');
    for (const res of [pending, chosen, list]) expectNoToken(res.body);

    const { rows } = await query('SELECT id, sealed_tokens, token_expires_at FROM ad_connections WHERE workspace_id = $1 AND account_id = $2', [
      owner.workspaceId,
      'act_222',
    ]);
    const row = rows[0] as { id: string; sealed_tokens: string; token_expires_at: Date };
    expect(row.sealed_tokens).toMatch(/^v1\./);
    expectNoToken(row.sealed_tokens);
    const opened = JSON.parse(t.runtime.secrets.decrypt(row.sealed_tokens, tokenContext(owner.workspaceId, row.id))) as { access_token: string };
    expect(fake.tokens.has(opened.access_token)).toBe(true);
    expect(() => t.runtime.secrets.decrypt(row.sealed_tokens, tokenContext(other.workspaceId, row.id))).toThrow();
    expect(row.token_expires_at.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
  });
});

describe('ad connections: campaigns, sync, tokens, errors', () => {
  let connection: TAdConnection;
  let yesterday: string;

  beforeAll(async () => {
    ({ connection } = await connect(owner, 'act_111'));
    yesterday = addDays(todayIn('Europe/Paris'), -1);
  });

  const days = async (campaignId: string) =>
    (
      await query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, impressions::int, clicks::int, spend::float, conversions::float, conversion_value::float, source
           FROM ad_campaign_days WHERE campaign_id = $1 ORDER BY date`,
        [campaignId],
      )
    ).rows;
  const connectionRow = async () => (await query('SELECT * FROM ad_connections WHERE id = $1', [connection.id])).rows[0] as Record<string, unknown>;

  it('lists remote campaigns and links one (creating the local campaign once)', async () => {
    const listed = await owner.client.get(`${BASE}/${connection.id}/campaigns`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([
      { id: '120001', name: 'Soldes été', status: 'active', currency: 'EUR', campaign_id: null, linked: false },
      { id: '120002', name: 'Notoriété', status: 'paused', currency: 'EUR', campaign_id: null, linked: false },
      { id: '120003', name: 'Ancienne', status: 'completed', currency: 'EUR', campaign_id: null, linked: false },
    ]);
    const linked = await owner.client.post(`${BASE}/${connection.id}/campaigns/link`, { platform_campaign_id: '120001' });
    expect(linked.statusCode, linked.body).toBe(200);
    const campaignId = linked.json().campaign_id as string;
    expect(linked.json()).toMatchObject({ id: '120001', linked: true });
    const again = await owner.client.post(`${BASE}/${connection.id}/campaigns/link`, { platform_campaign_id: '120001' });
    expect(again.json().campaign_id).toBe(campaignId);
    const { rows } = await query('SELECT name, platform, status, currency, connection_id, platform_campaign_id FROM ad_campaigns WHERE id = $1', [campaignId]);
    expect(rows[0]).toEqual({
      name: 'Soldes été',
      platform: 'facebook',
      status: 'active',
      currency: 'EUR',
      connection_id: connection.id,
      platform_campaign_id: '120001',
    });
    // A campaign imported earlier (same platform id) is linked, not duplicated.
    const imported = await owner.client.post('/api/marketing/ad-campaigns', {
      name: 'Notoriété (import)',
      platform: 'facebook',
      platform_campaign_id: '120002',
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const linked2 = await owner.client.post(`${BASE}/${connection.id}/campaigns/link`, { platform_campaign_id: '120002' });
    expect(linked2.json().campaign_id).toBe(imported.json().id);
    const unknown = await owner.client.post(`${BASE}/${connection.id}/campaigns/link`, { platform_campaign_id: '999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ reason: 'ad_remote_campaign_unknown' });
  });

  it('syncs yesterday and the 28 days before for linked campaigns, and a re-sync replaces restated days', async () => {
    const campaignId = (await query("SELECT id FROM ad_campaigns WHERE platform_campaign_id = '120001' AND workspace_id = $1", [owner.workspaceId])).rows[0]!
      .id as string;
    const d28 = addDays(yesterday, -28);
    fake.insights.clear();
    fake.setDay('120001', yesterday, { impressions: 1000, clicks: 25, spend: 12.5, purchases: 2, purchaseValue: 80, leads: 1 });
    fake.setDay('120001', addDays(yesterday, -1), { impressions: 800, clicks: 10, spend: 9.99 });
    fake.setDay('120001', d28, { impressions: 5, clicks: 0, spend: 0.2 });
    fake.setDay('120001', addDays(yesterday, -29), { impressions: 999, clicks: 9, spend: 9 }); // outside the window
    fake.setDay('120003', yesterday, { impressions: 7, clicks: 1, spend: 1 }); // not linked
    fake.campaigns[0]!.name = 'Soldes été 2025';
    const queued = await owner.client.post(`${BASE}/${connection.id}/sync`);
    expect(queued.statusCode, queued.body).toBe(202);
    await t.drain();
    const insights = fake.calls.find((c) => c.path === 'act_111/insights')!;
    expect(JSON.parse(insights.query.get('time_range')!)).toEqual({ since: d28, until: yesterday });
    expect(insights.query.get('level')).toBe('campaign');
    expect(insights.query.get('time_increment')).toBe('1');
    expect(fake.calls.filter((c) => c.path === 'act_111/insights').length).toBe(2); // paged
    expect(await days(campaignId)).toEqual([
      { date: d28, impressions: 5, clicks: 0, spend: 0.2, conversions: 0, conversion_value: 0, source: 'sync' },
      { date: addDays(yesterday, -1), impressions: 800, clicks: 10, spend: 9.99, conversions: 0, conversion_value: 0, source: 'sync' },
      // purchase and its pixel duplicate count once, plus the lead.
      { date: yesterday, impressions: 1000, clicks: 25, spend: 12.5, conversions: 3, conversion_value: 80, source: 'sync' },
    ]);
    expect((await query('SELECT name FROM ad_campaigns WHERE id = $1', [campaignId])).rows[0]).toEqual({ name: 'Soldes été 2025' });
    expect((await connectionRow()).last_sync_at).toBeInstanceOf(Date);

    // Meta restates: yesterday's spend changes, the day before disappears.
    fake.setDay('120001', yesterday, { impressions: 1000, clicks: 24, spend: 11.75, purchases: 1, purchaseValue: 40 });
    fake.insights.delete(`120001|${addDays(yesterday, -1)}`);
    await owner.client.post(`${BASE}/${connection.id}/sync`);
    await t.drain();
    expect(await days(campaignId)).toEqual([
      { date: d28, impressions: 5, clicks: 0, spend: 0.2, conversions: 0, conversion_value: 0, source: 'sync' },
      { date: yesterday, impressions: 1000, clicks: 24, spend: 11.75, conversions: 1, conversion_value: 40, source: 'sync' },
    ]);
  });

  it('exchanges the long-lived token again before it expires, and re-seals it', async () => {
    const before = await connectionRow();
    await query("UPDATE ad_connections SET token_expires_at = now() + interval '2 days' WHERE id = $1", [connection.id]);
    const res = await owner.client.get(`${BASE}/${connection.id}/campaigns`);
    expect(res.statusCode, res.body).toBe(200);
    expect(fake.calls.map((c) => c.query.get('grant_type'))).toContain('fb_exchange_token');
    const after = await connectionRow();
    expect(after.sealed_tokens).not.toBe(before.sealed_tokens);
    expect((after.token_expires_at as Date).getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    // Far from expiry: no exchange.
    fake.calls.length = 0;
    await owner.client.get(`${BASE}/${connection.id}/campaigns`);
    expect(fake.calls.map((c) => c.path)).not.toContain('oauth/access_token');
  });

  it('records a rate limit, refuses calls until it passes, then clears the error', async () => {
    fake.failNext(
      1,
      400,
      { message: '(#17) User request limit reached', code: 17, error_subcode: 2446079 },
      {
        'x-business-use-case-usage': JSON.stringify({ '111': [{ type: 'ads_insights', call_count: 100, estimated_time_to_regain_access: 30 }] }),
      },
    );
    await owner.client.post(`${BASE}/${connection.id}/sync`);
    await t.drain();
    const limited = await connectionRow();
    expect(limited.last_error).toMatch(/User request limit reached/);
    const until = (limited.rate_limited_until as Date).getTime();
    expect(until).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(until).toBeLessThan(Date.now() + 31 * 60_000);
    const wire = (await owner.client.get(BASE)).json<{ items: TAdConnection[] }>().items.find((c) => c.id === connection.id)!;
    expect(wire).toMatchObject({ status: 'active', last_error: expect.stringMatching(/limit/) });
    expect(wire.rate_limited_until).not.toBeNull();

    fake.calls.length = 0;
    const refused = await owner.client.get(`${BASE}/${connection.id}/campaigns`);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json()).toMatchObject({ reason: 'ad_platform_rate_limited', params: { network: 'meta' } });
    // The daily fan-out leaves it out; the workspace's other connection (act_222) is queued. On PostgreSQL the
    // database is shared with the other test files, so the check reads this workspace's jobs, not a global count.
    expect(await queueDailySyncs(t.runtime)).toBeGreaterThan(0);
    expect(await waitingSyncs()).toEqual([await connectionId('act_222')]);
    await t.drain();
    expect(fake.calls.filter((c) => c.path.startsWith('act_111'))).toEqual([]);

    await query("UPDATE ad_connections SET rate_limited_until = now() - interval '1 second' WHERE id = $1", [connection.id]);
    expect((await owner.client.get(`${BASE}/${connection.id}/campaigns`)).statusCode).toBe(200);
    expect(await connectionRow()).toMatchObject({ last_error: null, rate_limited_until: null, status: 'active' });
  });

  it('leaves out of the daily sync a network this installation no longer configures, and its queued sync ends quietly', async () => {
    // A LinkedIn connection made while LinkedIn's app was configured; this installation configures Meta only.
    const { rows } = await query(
      `INSERT INTO ad_connections (workspace_id, network, account_id, sealed_tokens)
        VALUES ($1, 'linkedin', 'li_507', 'unreadable') RETURNING id`,
      [owner.workspaceId],
    );
    const linkedinId = rows[0]!.id as string;
    await queueDailySyncs(t.runtime);
    expect(await waitingSyncs()).not.toContain(linkedinId);
    await t.drain();
    await t.runtime.queue.send(adSyncJob, { workspace_id: owner.workspaceId, connection_id: linkedinId });
    await t.drain(); // would throw (and retry in production) if the job tried to build LinkedIn's connector
    expect((await query('SELECT last_sync_at FROM ad_connections WHERE id = $1', [linkedinId])).rows[0]).toEqual({ last_sync_at: null });
    await query('DELETE FROM ad_connections WHERE id = $1', [linkedinId]);
  });

  it('pauses and resumes on Meta, and refuses locally when Meta refuses', async () => {
    const campaignId = (await query("SELECT id FROM ad_campaigns WHERE platform_campaign_id = '120001' AND workspace_id = $1", [owner.workspaceId])).rows[0]!
      .id as string;
    const tenant = new Tenant(t.runtime.db, owner.workspaceId);
    const campaign = { id: campaignId, connection_id: connection.id, platform_campaign_id: '120001' };
    expect(await setRemoteCampaignStatus(t.runtime, tenant, campaign, 'paused')).toBe(true);
    expect(fake.campaigns[0]!.status).toBe('PAUSED');
    expect(fake.calls.find((c) => c.method === 'POST')).toMatchObject({ path: '120001' });
    expect(await setRemoteCampaignStatus(t.runtime, tenant, { ...campaign, connection_id: null }, 'active')).toBe(false);
    await setRemoteCampaignStatus(t.runtime, tenant, campaign, 'active');
    expect(fake.campaigns[0]!.status).toBe('ACTIVE');

    // Through /ads' pause button: Meta refuses, the local status stays.
    await query("UPDATE ad_campaigns SET status = 'active' WHERE id = $1", [campaignId]);
    fake.failNext(1, 400, { message: '(#100) Campaign cannot be paused', code: 100 });
    const refused = await owner.client.post(`/api/marketing/ad-campaigns/${campaignId}/pause`);
    expect(refused.statusCode, refused.body).toBe(502);
    expect(refused.json()).toMatchObject({ reason: 'ad_platform_error', params: { network: 'meta', message: expect.stringMatching(/cannot be paused/) } });
    expect((await query('SELECT status FROM ad_campaigns WHERE id = $1', [campaignId])).rows[0]).toEqual({ status: 'active' });
    expect(fake.campaigns[0]!.status).toBe('ACTIVE');
    const paused = await owner.client.post(`/api/marketing/ad-campaigns/${campaignId}/pause`);
    expect(paused.statusCode, paused.body).toBe(200);
    expect(fake.campaigns[0]!.status).toBe('PAUSED');
    expect((await connectionRow()).last_error).toBeNull();
  });

  it('expires the connection when Meta refuses the token, and a new consent repairs it', async () => {
    fake.failNext(1, 400, { message: 'Error validating access token: The user has not authorized application', code: 190, error_subcode: 458 });
    const res = await owner.client.get(`${BASE}/${connection.id}/campaigns`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ reason: 'ad_connection_expired', params: { network: 'meta' } });
    expect(await connectionRow()).toMatchObject({ status: 'expired', last_error: expect.stringMatching(/not authorized/) });
    fake.calls.length = 0;
    await owner.client.post(`${BASE}/${connection.id}/sync`);
    await t.drain();
    expect(fake.calls).toEqual([]);

    const again = await connect(owner, 'act_111');
    expect(again.status).toBe(200);
    expect(again.connection).toMatchObject({ id: connection.id, status: 'active', last_error: null });
  });

  it("shows workspace B nothing of A's connection", async () => {
    for (const [method, url, payload] of [
      ['GET', `${BASE}/${connection.id}/campaigns`],
      ['POST', `${BASE}/${connection.id}/campaigns/link`, { platform_campaign_id: '120003' }],
      ['POST', `${BASE}/${connection.id}/sync`, {}],
      ['DELETE', `${BASE}/${connection.id}`],
    ] as const) {
      const res = await other.client.request({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = await other.client.get(BASE);
    expect(list.json().items).toEqual([]);
    expect(list.body).not.toContain(connection.id);
  });

  it('removes a connection and keeps its campaigns and figures', async () => {
    const campaignId = (await query("SELECT id FROM ad_campaigns WHERE platform_campaign_id = '120001' AND workspace_id = $1", [owner.workspaceId])).rows[0]!
      .id as string;
    const member = await owner.client.delete(`${BASE}/${connection.id}`);
    expect(member.statusCode).toBe(204);
    expect((await query('SELECT connection_id FROM ad_campaigns WHERE id = $1', [campaignId])).rows[0]).toEqual({ connection_id: null });
    expect((await days(campaignId)).length).toBe(2);
  });
});

describe('ad connections: key rotation', () => {
  it('re-seals every connection under a new APP_SECRET, and back', async () => {
    const old = 'test-only-app-secret-never-used-in-production';
    const next = new SecretBox('a-new-app-secret-of-at-least-32-characters', [old]);
    const { rows } = await query('SELECT count(*)::int AS n FROM ad_connections');
    const n = rows[0]!.n as number;
    expect(n).toBeGreaterThan(0);
    expect(await rotateAdConnectionTokens(t.runtime.db, next)).toEqual({ rewritten: n, unreadable: 0 });
    expect(await rotateAdConnectionTokens(t.runtime.db, next)).toEqual({ rewritten: 0, unreadable: 0 });
    const [row] = (await query('SELECT id, workspace_id, sealed_tokens FROM ad_connections LIMIT 1')).rows as {
      id: string;
      workspace_id: string;
      sealed_tokens: string;
    }[];
    expect(JSON.parse(next.decrypt(row!.sealed_tokens, tokenContext(row!.workspace_id, row!.id)))).toHaveProperty('access_token');
    expect(await rotateAdConnectionTokens(t.runtime.db, new SecretBox(old, ['a-new-app-secret-of-at-least-32-characters']))).toEqual({
      rewritten: n,
      unreadable: 0,
    });
  });
});

/** This workspace's connections with a sync job waiting. */
async function waitingSyncs(): Promise<string[]> {
  const { rows } = await query(
    `SELECT j.singleton_key AS id FROM pgboss.job j JOIN ad_connections c ON c.id::text = j.singleton_key
      WHERE j.name = $1 AND j.state = 'created' AND c.workspace_id = $2`,
    [adSyncJob.name, owner.workspaceId],
  );
  return rows.map((r) => r.id as string);
}

async function connectionId(accountId: string): Promise<string> {
  const { rows } = await query('SELECT id FROM ad_connections WHERE workspace_id = $1 AND account_id = $2', [owner.workspaceId, accountId]);
  return rows[0]!.id as string;
}
