import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';
import type { TRouteEntry } from './api-app.js';
import { rateLimitKey, RateWindows, type PublicFastPath } from './public-fast-path.js';

/** Finds the workspace a custom domain (`Host`) belongs to; undefined for the product's own host or unknown ones. */
export type HostResolver = (hostname: string) => Promise<string | undefined>;

/* eslint-disable @typescript-eslint/consistent-type-definitions -- module augmentation needs interfaces */
declare module 'fastify' {
  interface FastifyRequest {
    /** The exact bytes of a JSON body, for routes that check a signature over them (payment webhooks). */
    rawBody?: Buffer;
    /** The workspace whose custom domain this request came to (cached per host for a minute). */
    hostWorkspaceId(): Promise<string | undefined>;
  }
  interface FastifyInstance {
    /** Every route of the public server, for tests that walk them (tenant isolation, limits). */
    publicRouteTable: TRouteEntry[];
    /** Answers from memory in front of Fastify: modules add their responders (public-fast-path.ts). */
    publicFastPath: PublicFastPath;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

const HOST_CACHE_MS = 60_000;

/**
 * What published pages, forms, tracking links and payment webhooks need from the public server: form-encoded
 * bodies (HTML forms post them), cookies (visitor ids; never the admin session, which lives on another host
 * name in production), a per-IP rate limit (strangers reach this server), the raw JSON body for signatures,
 * the workspace of a custom domain, and a recorded route table.
 */
export async function registerPublicPlumbing(app: FastifyInstance, runtime: Runtime, rateWindows: RateWindows, resolveHost?: HostResolver): Promise<void> {
  app.decorate('publicRouteTable', [] as TRouteEntry[]);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') app.publicRouteTable.push({ method, url: route.url });
  });

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: runtime.config.bodyLimitBytes });
  await app.register(rateLimit, {
    global: true,
    max: runtime.config.publicRateLimitPerMinute,
    timeWindow: '1 minute',
    // The fast path counts its answers in the same windows, under the same key (public-fast-path.ts); routes with
    // their own limit (form posts) get their own counters.
    keyGenerator: (request) => rateLimitKey(request.ip),
    store: storeOf(rateWindows),
    // Health checks come from the operator's monitoring, often through one proxy address.
    allowList: (request) => request.url === '/api/health',
    // The plugin sets Retry-After; problemErrorHandler turns the thrown 429 into a problem document.
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests from this address: try again in ${Math.ceil(context.ttl / 1000)} s`), {
        statusCode: 429,
        code: 'rate_limited',
      }),
  });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    if ((body as Buffer).length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch {
      const error = new Error('The body is not valid JSON') as Error & { statusCode: number };
      error.statusCode = 400;
      done(error, undefined);
    }
  });

  const cache = new Map<string, { workspaceId: string | undefined; until: number }>();
  app.decorateRequest('hostWorkspaceId', async function (this: { hostname: string }) {
    if (!resolveHost) return undefined;
    const hostname = this.hostname.toLowerCase().replace(/:\d+$/, '');
    const cached = cache.get(hostname);
    if (cached && cached.until > Date.now()) return cached.workspaceId;
    const workspaceId = await resolveHost(hostname);
    if (cache.size > 10_000) cache.clear();
    cache.set(hostname, { workspaceId, until: Date.now() + HOST_CACHE_MS });
    return workspaceId;
  });
}

type TStoreCallback = (error: Error | null, result: { current: number; ttl: number }) => void;

/** @fastify/rate-limit's store over `windows` (the plugin makes it with `new`); a route's own limit gets its own. */
function storeOf(windows: RateWindows) {
  return class RateWindowsStore {
    private readonly windows: RateWindows;
    constructor(_options?: unknown, own?: RateWindows) {
      this.windows = own ?? windows;
    }
    incr(key: string, callback: TStoreCallback, timeWindow: number): void {
      callback(null, this.windows.hit(key, timeWindow));
    }
    child(): RateWindowsStore {
      return new RateWindowsStore(undefined, new RateWindows());
    }
  };
}
