import fastifyHelmet from '@fastify/helmet';
import helmet from 'helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TConfig } from '../config.js';
import { SESSION_COOKIE_NAMES } from './authenticate.js';

type TDirectives = Record<string, string[] | null>;

/**
 * The admin app (SPA + API): everything from its own origin. Styles allow 'unsafe-inline' because
 * Mantine (Emotion-free, but still CSS variables and <style> tags at runtime) and index.html's boot
 * style inject style elements; scripts stay 'self' only, which is what stops injected markup from running.
 */
export const ADMIN_CSP: TDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
};

/**
 * The public server (published pages, forms, tracking, unsubscribe): its own scripts only; inline styles
 * (page builders write style attributes); images and fonts from any https origin (the media library may
 * live on an S3 bucket, pages may use web fonts); forms post to itself; framed only by itself.
 * A module that needs more (a payment provider's script, an embeddable form) widens it for its routes
 * and says so in SECURITY.md.
 */
export const PUBLIC_CSP: TDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'font-src': ["'self'", 'data:', 'https:'],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
};

function https(url: string): boolean {
  return url.startsWith('https://');
}

/** Helmet on the admin app: CSP above, no framing at all, no referrer (URLs carry reset and invitation tokens). */
export async function registerAdminSecurityHeaders(app: FastifyInstance, config: TConfig): Promise<void> {
  const secure = https(config.appUrl);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // Media library files are served by the public server (its own origin): the builders show them as images.
      directives: { ...ADMIN_CSP, 'img-src': [...ADMIN_CSP['img-src']!, new URL(config.publicUrl).origin], 'upgrade-insecure-requests': secure ? [] : null },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}

/**
 * The public server's headers (`publicSecurityHeaders`, made once and shared with the fast path) on every answer.
 * It also drops the admin session cookie from every request, whatever the deployment, so no code on the
 * public server can ever read it.
 */
export async function registerPublicSecurityHeaders(app: FastifyInstance, securityHeaders: Record<string, string>): Promise<void> {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.cookie;
    if (!header) return;
    const kept = header
      .split(';')
      .filter((pair) => !SESSION_COOKIE_NAMES.includes(pair.split('=', 1)[0]!.trim()))
      .join(';');
    if (kept.trim()) request.headers.cookie = kept;
    else delete request.headers.cookie;
  });
  const headers = Object.entries(securityHeaders);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

/**
 * The security headers of every answer of the public server, made once by helmet: CSP above, framing by itself only,
 * the origin as referrer (tracking links keep working), resources embeddable by other sites (an image in a mail, a
 * form on a customer's site). Made once: they are the same on every request
 * (@fastify/helmet builds its middlewares again on each one, a visible share of a page view's cost in bench:public),
 * and the fast path (public-fast-path.ts) sends the very same ones.
 */
export function publicSecurityHeaders(config: TConfig): Record<string, string> {
  const secure = https(config.publicUrl);
  const applyHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...PUBLIC_CSP, 'upgrade-insecure-requests': secure ? [] : null } },
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: () => undefined,
  };
  let failure: unknown;
  applyHeaders({} as never, collector as never, (error?: unknown) => void (failure = error));
  if (failure) throw failure instanceof Error ? failure : new Error('helmet refused the public headers');
  return headers;
}
