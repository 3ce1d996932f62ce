import Fastify, { type FastifyServerOptions } from 'fastify';
import lightMyRequest from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createLogger } from '../log.js';
import { requestLogSerializers } from '../auth/redact.js';
import { PublicFastPath, RateWindows, rateLimitKey } from './public-fast-path.js';

// The fast path must see a request as Fastify does: the same visitor address and host under every TRUST_PROXY
// setting (they feed the visitor id, the rate limit and the custom-domain lookup), and the same rate-limit counters.

const requests = [
  { remoteAddress: '203.0.113.9', headers: {} },
  { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.7, 10.0.0.2', 'x-forwarded-host': 'pages.example.com, www.Client.FR' } },
  { remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '198.51.100.7', host: 'tunnel.example.org:8443' } },
  { remoteAddress: '::ffff:127.0.0.1', headers: { 'x-forwarded-for': '2001:db8::1', host: '[2001:db8::5]:3001' } },
];

describe('the public fast path', () => {
  for (const trustProxy of [false, true, '127.0.0.1, 10.0.0.0/8', 1] as const) {
    it(`sees the address and host Fastify sees with TRUST_PROXY=${String(trustProxy)}`, async () => {
      const app = Fastify({ trustProxy: trustProxy as FastifyServerOptions['trustProxy'] });
      app.get('/seen', async (request) => ({ ip: request.ip, hostname: request.hostname.toLowerCase() }));
      await app.ready();
      const fastPath = new PublicFastPath({
        trustProxy,
        securityHeaders: { 'x-frame-options': 'SAMEORIGIN' },
        rateLimit: { windows: new RateWindows(), max: 100, windowMs: 60_000 },
        log: createLogger('silent'),
      });
      fastPath.add((request) => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify({ ip: request.ip, hostname: request.hostname })),
      }));
      for (const { remoteAddress, headers } of requests) {
        const options = { method: 'GET' as const, url: '/seen', remoteAddress, headers: { host: 'public.example.net', ...headers } };
        const fast = await lightMyRequest((req, res) => fastPath.answer(req, res), options);
        const routed = await lightMyRequest(app.routing.bind(app), options);
        expect(fast.json(), JSON.stringify(options)).toEqual(routed.json());
        expect(fast.headers['x-frame-options']).toBe('SAMEORIGIN');
      }
      await app.close();
    });
  }

  it('counts per address in fixed windows, an IPv6 address as its /64, and says how long the window lasts', () => {
    const windows = new RateWindows();
    const start = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
    expect(windows.hit('a', 60_000, start + 1_000)).toEqual({ current: 1, ttl: 59_000 });
    expect(windows.hit('a', 60_000, start + 2_000)).toEqual({ current: 2, ttl: 58_000 });
    expect(windows.hit('b', 60_000, start + 2_000).current).toBe(1);
    expect(windows.hit('a', 60_000, start + 60_000)).toEqual({ current: 1, ttl: 60_000 });
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe(rateLimitKey('2001:db8:1:2:bbbb::9'));
    expect(rateLimitKey('2001:db8:1:3::1')).not.toBe(rateLimitKey('2001:db8:1:2::1'));
    expect(rateLimitKey('::ffff:192.0.2.4')).toBe('192.0.2.4');
  });

  it('leaves a request to Fastify when no responder answers or one fails, when it is not a GET, or past the rate limit', async () => {
    const fastPath = new PublicFastPath({
      trustProxy: false,
      securityHeaders: {},
      rateLimit: { windows: new RateWindows(), max: 2, windowMs: 60_000 },
      log: createLogger('silent'),
    });
    fastPath.add((request) => {
      if (request.path === '/broken') throw new Error('a responder bug');
      return request.path === '/known' ? { status: 204, headers: {} } : undefined;
    });
    const answered: boolean[] = [];
    const send = (method: 'GET' | 'POST', url: string) =>
      lightMyRequest(
        (req, res) => {
          const fast = fastPath.answer(req, res);
          answered.push(fast);
          if (!fast) res.writeHead(418).end();
        },
        { method, url },
      );
    await send('GET', '/unknown');
    await send('GET', '/broken');
    await send('POST', '/known');
    await send('GET', '/known?x=1');
    const second = await send('GET', '/known');
    await send('GET', '/known');
    expect(answered).toEqual([false, false, false, true, true, false]);
    expect(second.headers).toMatchObject({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '0' });
    expect(fastPath.answered).toBe(2);
  });

  it("logs a fast answer as Fastify logs a request, through the public logger's redaction", async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }).child({ server: 'public' }, { serializers: requestLogSerializers });
    const fastPath = new PublicFastPath({ trustProxy: false, securityHeaders: {}, rateLimit: { windows: new RateWindows(), max: 10, windowMs: 60_000 }, log });
    fastPath.add(() => ({ status: 204, headers: {} }));
    const token = 'Zx9-secret-token-abcdefghijklmnop';
    await lightMyRequest((req, res) => fastPath.answer(req, res), { method: 'GET', url: `/p/x?token=${token}`, remoteAddress: '198.51.100.4' });
    const line = JSON.parse(lines.at(-1)!) as { msg: string; req: { url: string; remoteAddress: string }; res: { statusCode: number } };
    expect(line).toMatchObject({ msg: 'request completed', req: { remoteAddress: '198.51.100.4' }, res: { statusCode: 204 } });
    expect(lines.join('')).not.toContain(token);
  });
});
