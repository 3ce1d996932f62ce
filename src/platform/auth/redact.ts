import type { FastifyRequest } from 'fastify';

// Secrets that travel in URLs and mail text (invitation and reset tokens today, unsubscribe and
// tracking tokens on the public server tomorrow) must not reach the logs, which are read by more
// people and kept longer than the database. Tokens are long base64url runs; ids (UUIDs) stay
// readable because they are what an operator needs to follow a request.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_LIKE = /[A-Za-z0-9_-]{20,}/g;
const SECRET_PARAM = /^(token|key|api_key|secret|password|code|signature|sig)$/i;

export const REDACTED = '[redacted]';

/** Replaces every token-like run (20+ base64url characters that are not a UUID) in free text. */
export function redactSecrets(text: string): string {
  return text.replace(TOKEN_LIKE, (run) => (UUID.test(run) ? run : REDACTED));
}

/** A request URL with token-like path segments and secret-named query values redacted. */
export function redactUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const safePath = path
    .split('/')
    .map((segment) => redactSecrets(segment))
    .join('/');
  if (query === undefined) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const [name = '', value] = pair.split('=', 2);
      if (value === undefined) return redactSecrets(pair);
      return `${name}=${SECRET_PARAM.test(name) ? REDACTED : redactSecrets(value)}`;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

/** pino serializers for Fastify's request log: method, redacted URL, host and address; never headers or cookies. */
export const requestLogSerializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  }),
};
