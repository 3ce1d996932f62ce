import type { FastifyRequest } from 'fastify';
import { effectiveAccess, roleAtLeast, isSafeMethod, type Authenticator } from '../auth/access.js';
import type { TConfig } from '../config.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'mk_session';

/**
 * The admin session cookie, kept away from the public server:
 * - under https it is `__Host-mk_session`: Secure, no Domain, Path=/, so the browser sends it only to
 *   APP_URL's exact host; with PUBLIC_URL on another host name (the documented deployment) the public
 *   server never receives it;
 * - under http (local use) it is `mk_session` with Path=/api: cookies ignore ports, so this is what keeps it
 *   off the public server's pages on the same host (the SPA's static files need no cookie, only /api does).
 * The public server strips both names from every request anyway (public-app.ts).
 */
export function sessionCookie(config: Pick<TConfig, 'appUrl'>): { name: string; path: string; secure: boolean } {
  const secure = config.appUrl.startsWith('https://');
  return secure ? { name: `__Host-${SESSION_COOKIE}`, path: '/', secure } : { name: SESSION_COOKIE, path: '/api', secure };
}

/** Every name the admin session cookie may have (for the public server to drop). */
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE, `__Host-${SESSION_COOKIE}`];
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Resolves the caller (API key or session cookie) and enforces the route's `config.access`.
 * Runs in onRequest, before the body is parsed, so anonymous callers get 401, not 400.
 */
export async function authenticateRequest(request: FastifyRequest, authenticator: Authenticator, config: TConfig): Promise<void> {
  if (!request.routeOptions.url) return; // no such route: the not-found handler answers 404
  const access = effectiveAccess(request.routeOptions.config?.access, request.method);
  const bearer = bearerToken(request.headers.authorization);
  const cookieToken = request.cookies[sessionCookie(config).name];

  if (bearer !== undefined) {
    request.auth = await authenticator.fromApiKey(bearer);
    if (!request.auth) throw new AppError('unauthorized', 'Invalid or revoked API key', { reason: 'api_key_invalid' });
  } else if (cookieToken) {
    request.auth = await authenticator.fromSessionToken(cookieToken, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
  }

  // Every cookie-carrying request that changes state must come from our own origin,
  // even public ones (login CSRF); bearer requests carry no ambient credential.
  if (bearer === undefined && !isSafeMethod(request.method)) checkOrigin(request, config);

  if (access === 'public') return;
  if (!request.auth) throw new AppError('unauthorized', 'Sign in or send an API key', { reason: 'sign_in_required' });
  if (access === 'user' && request.auth.via !== 'session') {
    throw new AppError('forbidden', 'This endpoint is for signed-in users, not API keys', { reason: 'session_only' });
  }
  if (typeof access === 'object' && !roleAtLeast(request.auth.role, access.role)) {
    throw new AppError('forbidden', `This action needs the ${access.role} role or higher`, { reason: 'role_required', params: { role: access.role } });
  }
  if (request.auth.via === 'session' && !isSafeMethod(request.method)) {
    // Synchronizer token: the SPA got it from /api/auth/me and echoes it in a header
    // that a cross-site form or image cannot set.
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sent !== request.auth.csrf_token) {
      throw new AppError('forbidden', 'Missing or invalid CSRF token (x-csrf-token header)', { reason: 'csrf' });
    }
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthorized', 'Authorization header must be "Bearer <api key>"');
  return match[1];
}

function checkOrigin(request: FastifyRequest, config: TConfig): void {
  const origin = request.headers.origin;
  if (origin === undefined) return; // non-browser clients; browsers always send Origin on unsafe requests
  // Only APP_URL: the request's own Host header is chosen by whoever sends it, so it proves nothing.
  if (origin !== new URL(config.appUrl).origin) throw new AppError('forbidden', `Cross-origin request from ${origin} refused`, { reason: 'csrf' });
}
