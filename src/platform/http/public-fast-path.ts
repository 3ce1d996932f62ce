import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIPv6 } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';
import { Address6 } from 'ip-address';
import type { Log } from '../log.js';
import { redactUrl } from '../auth/redact.js';

/**
 * The public server's fast path: the requests it answers most (a published page, a next-step link, a revalidated
 * script) answered from memory before Fastify builds its request, runs its hooks and routes it. bench:public measured
 * those hooks at two thirds of a page view's cost. A responder answers synchronously from what its module already
 * holds in memory, or returns undefined: Fastify then handles the request in full, as it always did, and fills the
 * caches the next request of the same kind uses here. What every request still gets here, as on Fastify's path:
 * the public server's security headers, its per-address rate limit (the same counters), and a log line.
 */

export type TFastRequest = {
  raw: IncomingMessage;
  /** The path, without the query string. */
  path: string;
  /** The query string without its `?` ('' when none). */
  query: string;
  /** The visitor's address, as Fastify's `request.ip` gives it under TRUST_PROXY. */
  ip: string;
  /** The host name (lowercase, no port, no trailing dot), as Fastify's `request.hostname` gives it. */
  hostname: string;
};

export type TFastAnswer = {
  status: number;
  /** Header names in lowercase. */
  headers: Record<string, string>;
  body?: Buffer;
  /** Runs once the answer is written (an event to count). */
  after?: () => void;
};

/** Answers a GET from memory, or undefined to leave it to Fastify. Must not throw, must not wait. */
export type TFastResponder = (request: TFastRequest) => TFastAnswer | undefined;

/** Per-address request counters in fixed windows, shared by the fast path and @fastify/rate-limit (its `store`). */
export class RateWindows {
  private windowStart = 0;
  private counts = new Map<string, number>();

  /** Addresses counted per window; past it a new address is not remembered (a per-address limit cannot stop a flood from that many anyway). */
  static readonly MAX_ADDRESSES = 200_000;

  /** Counts one request of `key`: its count in the current window and the milliseconds left in it. */
  hit(key: string, windowMs: number, now = Date.now()): { current: number; ttl: number } {
    const start = now - (now % windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts = new Map();
    }
    const current = (this.counts.get(key) ?? 0) + 1;
    if (current > 1 || this.counts.size < RateWindows.MAX_ADDRESSES) this.counts.set(key, current);
    return { current, ttl: start + windowMs - now };
  }
}

/** The rate limit's key of an address: itself, an IPv4-mapped one as IPv4, an IPv6 one as its /64 (one home or server). */
export function rateLimitKey(ip: string): string {
  if (!isIPv6(ip)) return ip.toLowerCase();
  const address = new Address6(ip);
  if (address.isMapped4()) return address.to4().correctForm();
  return new Address6(`${ip}/64`).startAddress().correctForm();
}

type TTrustProxy = boolean | number | string;

/** Fastify's own reading of TRUST_PROXY (fastify/lib/request.js), so both paths see the same address and host. */
function trustFunction(trustProxy: TTrustProxy): ((address: string, hop: number) => boolean) | undefined {
  if (trustProxy === false) return undefined;
  if (trustProxy === true) return () => true;
  // A hop count cannot check the nearest peer: Fastify trusts no forwarded header then.
  if (typeof trustProxy === 'number') return () => false;
  return proxyAddr.compile(trustProxy.split(',').map((value) => value.trim()));
}

export type TFastPathOptions = {
  trustProxy: TTrustProxy;
  /** The security headers every answer of the public server carries (security-headers.ts). */
  securityHeaders: Record<string, string>;
  rateLimit: { windows: RateWindows; max: number; windowMs: number };
  log: Log;
};

export class PublicFastPath {
  private readonly responders: TFastResponder[] = [];
  private readonly trust: ((address: string, hop: number) => boolean) | undefined;
  private readonly securityHeaders: [string, string][];
  private closing = false;
  /** Requests answered here since the start (tests, and the operator's curiosity). */
  answered = 0;

  constructor(private readonly options: TFastPathOptions) {
    this.trust = trustFunction(options.trustProxy);
    this.securityHeaders = Object.entries(options.securityHeaders).map(([name, value]) => [name.toLowerCase(), value]);
  }

  add(responder: TFastResponder): void {
    this.responders.push(responder);
  }

  /** The server is closing: from now on Fastify answers everything (a 503), so no event is counted after the last write. */
  close(): void {
    this.closing = true;
  }

  /** Answers the request and returns true, or returns false (nothing written) for Fastify to handle it. */
  answer(raw: IncomingMessage, response: ServerResponse): boolean {
    if (raw.method !== 'GET' || this.closing || this.responders.length === 0 || !raw.url) return false;
    const started = performance.now();
    const request = this.requestOf(raw);
    if (!request) return false;
    let answer: TFastAnswer | undefined;
    try {
      for (const responder of this.responders) if ((answer = responder(request))) break;
    } catch (err) {
      // A responder's bug must not take the server down (this runs outside Fastify's error handling): Fastify answers.
      this.options.log.error({ err, url: redactUrl(raw.url) }, 'fast path: a responder failed');
      return false;
    }
    if (!answer) return false;
    const { windows, max, windowMs } = this.options.rateLimit;
    const { current, ttl } = windows.hit(rateLimitKey(request.ip), windowMs);
    // Over the limit: Fastify answers the 429 (its problem document and Retry-After).
    if (current > max) return false;
    const headers: string[] = [];
    for (const [name, value] of this.securityHeaders) if (!(name in answer.headers)) headers.push(name, value);
    for (const [name, value] of Object.entries(answer.headers)) headers.push(name, value);
    headers.push(
      'x-ratelimit-limit',
      String(max),
      'x-ratelimit-remaining',
      String(Math.max(0, max - current)),
      'x-ratelimit-reset',
      String(Math.ceil(ttl / 1000)),
    );
    if (answer.body) headers.push('content-length', String(answer.body.length));
    response.writeHead(answer.status, headers);
    response.end(answer.body);
    this.answered++;
    try {
      answer.after?.();
    } catch (err) {
      this.options.log.error({ err, url: redactUrl(raw.url) }, 'fast path: after the answer');
    }
    if (this.options.log.isLevelEnabled('info')) {
      this.options.log.info(
        {
          // Shaped as the public logger's `req` serializer reads a Fastify request (it redacts the URL's secrets).
          req: { method: raw.method, url: raw.url, host: raw.headers.host ?? '', ip: request.ip },
          res: { statusCode: answer.status },
          responseTime: performance.now() - started,
        },
        'request completed',
      );
    }
    return true;
  }

  private requestOf(raw: IncomingMessage): TFastRequest | undefined {
    const url = raw.url!;
    const mark = url.indexOf('?');
    const remote = raw.socket?.remoteAddress;
    if (!remote) return undefined;
    let ip = remote;
    let host = raw.headers.host ?? '';
    if (this.trust) {
      const addresses = proxyAddr.all(raw, this.trust);
      ip = addresses[addresses.length - 1] ?? remote;
      const forwardedHost = raw.headers['x-forwarded-host'];
      if (typeof forwardedHost === 'string' && forwardedHost && this.trust(remote, 0)) host = forwardedHost.slice(forwardedHost.lastIndexOf(',') + 1).trim();
    }
    const hostname = (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':', 1)[0]!).toLowerCase().replace(/\.$/, '');
    return { raw, path: mark === -1 ? url : url.slice(0, mark), query: mark === -1 ? '' : url.slice(mark + 1), ip, hostname };
  }
}
