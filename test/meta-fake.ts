import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Meta's Graph API (Marketing API v21.0), for tests: an HTTP server on 127.0.0.1 answering the
 * calls MetaAdsConnector makes with the shapes Meta documents: `oauth/access_token` (code exchange, then
 * `fb_exchange_token` for a long-lived token), `me/adaccounts`, `act_<id>` and its `campaigns` and `insights`
 * (string numbers, `actions`/`action_values`, `paging.next` across pages), POST `/<campaign id>` status updates,
 * `adspixels` and the Conversions API `/<pixel>/events`, and error bodies `{ error: { message, type, code,
 * error_subcode, fbtrace_id } }`. Tokens are checked: a call with an unknown or revoked token gets a 190.
 * `calls` records every request; `failNext(n, error)` answers the next n Graph calls (not OAuth) with that error.
 */
export class MetaFake {
  readonly appId = 'meta-app-1';
  readonly appSecret = 'meta-secret-1';
  readonly calls: { method: string; path: string; query: URLSearchParams; body: URLSearchParams }[] = [];
  /** Codes the consent dialog's redirect may carry, and the tokens issued. */
  readonly validCodes = new Set(['good-code']);
  readonly tokens = new Set<string>();
  /** Seconds of life of the long-lived tokens issued (Meta: about 60 days). */
  longLivedSeconds = 60 * 86_400;
  accounts = [
    { id: 'act_111', account_id: '111', name: 'Boutique Alice', currency: 'EUR' },
    { id: 'act_222', account_id: '222', name: 'Autre compte', currency: 'USD' },
  ];
  campaigns: { id: string; name: string; status: string }[] = [
    { id: '120001', name: 'Soldes été', status: 'ACTIVE' },
    { id: '120002', name: 'Notoriété', status: 'PAUSED' },
    { id: '120003', name: 'Ancienne', status: 'ARCHIVED' },
  ];
  /** Insight rows per campaign id and day. */
  insights = new Map<string, { impressions: number; clicks: number; spend: number; purchases: number; purchaseValue: number; leads: number }>();
  /** Rows per insights page (to exercise paging). */
  pageSize = 2;
  pixels = [{ id: '99001' }];
  events: Record<string, unknown>[] = [];
  private failures: { count: number; status: number; error: Record<string, unknown>; headers?: Record<string, string> }[] = [];
  private server: Server | undefined;
  private issued = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The environment that points the product at this fake. */
  get env(): Record<string, string> {
    return { META_APP_ID: this.appId, META_APP_SECRET: this.appSecret, META_GRAPH_URL: `${this.url}/v21.0`, META_OAUTH_URL: `${this.url}/dialog/oauth` };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` Graph calls (OAuth excluded) fail with this error body. */
  failNext(count: number, status: number, error: Record<string, unknown>, headers?: Record<string, string>): void {
    this.failures.push({ count, status, error: { type: 'OAuthException', fbtrace_id: 'AbC123', ...error }, headers });
  }

  setDay(
    campaignId: string,
    date: string,
    figures: { impressions: number; clicks: number; spend: number; purchases?: number; purchaseValue?: number; leads?: number },
  ): void {
    this.insights.set(`${campaignId}|${date}`, { purchases: 0, purchaseValue: 0, leads: 0, ...figures });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const path = url.pathname.replace(/^\/v21\.0\//, '');
    this.calls.push({ method: req.method ?? 'GET', path, query: url.searchParams, body });
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const q = url.searchParams;
    if (path === 'oauth/access_token') {
      if (q.get('client_id') !== this.appId || q.get('client_secret') !== this.appSecret)
        return send(400, { error: { message: 'Error validating client secret.', type: 'OAuthException', code: 1 } });
      if (q.get('grant_type') === 'fb_exchange_token') {
        const old = q.get('fb_exchange_token') ?? '';
        if (!this.tokens.has(old))
          return send(400, { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, error_subcode: 463 } });
        return send(200, { access_token: this.issue('long'), token_type: 'bearer', expires_in: this.longLivedSeconds });
      }
      if (!q.get('redirect_uri')) return send(400, { error: { message: 'Missing redirect_uri', type: 'OAuthException', code: 191 } });
      const code = q.get('code') ?? '';
      if (!this.validCodes.has(code))
        return send(400, { error: { message: 'Invalid verification code format.', type: 'OAuthException', code: 100, error_subcode: 36008 } });
      this.validCodes.delete(code);
      return send(200, { access_token: this.issue('short'), token_type: 'bearer', expires_in: 5_183_944 });
    }
    const failure = this.failures[0];
    if (failure) {
      failure.count -= 1;
      if (failure.count <= 0) this.failures.shift();
      return send(failure.status, { error: failure.error }, failure.headers);
    }
    const token = q.get('access_token') ?? body.get('access_token') ?? '';
    if (!this.tokens.has(token))
      return send(400, { error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 } });

    if (path === 'me/adaccounts') return send(200, { data: this.accounts, paging: { cursors: { before: 'a', after: 'b' } } });
    const account = /^(act_\d+)(?:\/(campaigns|insights|adspixels))?$/.exec(path);
    if (account) {
      const found = this.accounts.find((a) => a.id === account[1]);
      if (!found) return send(400, { error: { message: 'Unsupported get request.', type: 'GraphMethodException', code: 100, error_subcode: 33 } });
      if (!account[2]) return send(200, { id: found.id, currency: found.currency });
      if (account[2] === 'campaigns') return send(200, { data: this.campaigns.map((c) => ({ ...c })), paging: { cursors: { before: 'a', after: 'b' } } });
      if (account[2] === 'adspixels') return send(200, { data: this.pixels });
      return send(200, this.insightsPage(q, found.id));
    }
    if (req.method === 'POST' && /^\d+\/events$/.test(path)) {
      const data = JSON.parse(body.get('data') ?? '[]') as Record<string, unknown>[];
      this.events.push(...data);
      return send(200, { events_received: data.length, messages: [], fbtrace_id: 'AbC123' });
    }
    const campaign = this.campaigns.find((c) => c.id === path);
    if (campaign && req.method === 'POST') {
      const status = body.get('status');
      if (status !== 'ACTIVE' && status !== 'PAUSED') return send(400, { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 } });
      campaign.status = status;
      return send(200, { success: true });
    }
    return send(400, { error: { message: `Unknown path ${path}`, type: 'GraphMethodException', code: 100 } });
  }

  private issue(kind: string): string {
    this.issued += 1;
    const token = `EAA${kind}${this.issued}x${Math.random().toString(36).slice(2)}`;
    this.tokens.add(token);
    return token;
  }

  private insightsPage(q: URLSearchParams, accountId: string): unknown {
    const range = JSON.parse(q.get('time_range') ?? '{}') as { since?: string; until?: string };
    const rows = [...this.insights.entries()]
      .map(([key, f]) => ({ key: key.split('|') as [string, string], f }))
      .filter(({ key: [, date] }) => (!range.since || date >= range.since) && (!range.until || date <= range.until))
      .sort((a, b) => (a.key.join() < b.key.join() ? -1 : 1))
      .map(({ key: [campaign_id, date], f }) => ({
        campaign_id,
        date_start: date,
        date_stop: date,
        impressions: String(f.impressions),
        clicks: String(f.clicks),
        spend: f.spend.toFixed(2),
        actions: [
          ...(f.purchases
            ? [
                { action_type: 'offsite_conversion.fb_pixel_purchase', value: String(f.purchases) },
                { action_type: 'purchase', value: String(f.purchases) },
              ]
            : []),
          ...(f.leads ? [{ action_type: 'lead', value: String(f.leads) }] : []),
          { action_type: 'link_click', value: String(f.clicks) },
        ],
        action_values: f.purchaseValue ? [{ action_type: 'purchase', value: f.purchaseValue.toFixed(2) }] : [],
      }));
    const offset = Number(q.get('after') ?? 0);
    const page = rows.slice(offset, offset + this.pageSize);
    const next = new URL(`${this.url}/v21.0/${accountId}/insights`);
    for (const [key, value] of q) next.searchParams.set(key, value);
    next.searchParams.set('after', String(offset + this.pageSize));
    return { data: page, paging: { cursors: { before: 'x', after: 'y' }, ...(offset + this.pageSize < rows.length ? { next: next.toString() } : {}) } };
  }
}
