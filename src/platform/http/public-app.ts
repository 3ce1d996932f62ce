import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { requestLogSerializers } from '../auth/redact.js';
import type { Runtime } from '../runtime.js';
import type { RouteModule } from './api-app.js';
import { registerHealthRoute } from './health.js';
import { problemErrorHandler, sendProblem } from './problem.js';
import { registerJsonDepthLimit } from './json-depth.js';
import { registerQueryLimits } from './query-limits.js';
import { registerCompression } from './compression.js';
import { registerPublicPlumbing, type HostResolver } from './public-plumbing.js';
import { publicSecurityHeaders, registerPublicSecurityHeaders } from './security-headers.js';
import { PublicFastPath, RateWindows } from './public-fast-path.js';

/**
 * The public server (PUBLIC_PORT): published funnel pages, opt-in forms, tracking links and
 * unsubscribe pages. A separate origin from the admin app: in production on another host name (see
 * SECURITY.md), and in any case it drops the admin session cookie from every request (security-headers.ts).
 */
export async function buildPublicApp(runtime: Runtime, routes: RouteModule[], resolveHost?: HostResolver): Promise<FastifyInstance> {
  const log = runtime.log.child({ server: 'public' }, { serializers: requestLogSerializers });
  const rateWindows = new RateWindows();
  const securityHeaders = publicSecurityHeaders(runtime.config);
  const fastPath = new PublicFastPath({
    trustProxy: runtime.config.trustProxy,
    securityHeaders,
    rateLimit: { windows: rateWindows, max: runtime.config.publicRateLimitPerMinute, windowMs: RATE_WINDOW_MS },
    log,
  });
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: runtime.config.bodyLimitBytes,
    trustProxy: runtime.config.trustProxy as FastifyServerOptions['trustProxy'],
    genReqId: () => randomUUID(),
    // Fastify's own HTTP server settings, with the fast path (public-fast-path.ts) in front of its handler.
    serverFactory: (handler, options) => {
      // Fastify hands its options with its defaults filled in.
      const settings = options as { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number };
      const server = createServer((request, response) => {
        if (!fastPath.answer(request, response)) handler(request, response);
      });
      server.keepAliveTimeout = settings.keepAliveTimeout;
      server.requestTimeout = settings.requestTimeout;
      server.setTimeout(settings.connectionTimeout);
      return server;
    },
  });
  app.decorate('publicFastPath', fastPath);
  // From the start of closing, everything goes through Fastify (which answers 503): nothing is counted after the
  // last write of the buffered events.
  app.addHook('preClose', (done) => {
    fastPath.close();
    done();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  // First: drops the admin session cookie before the cookie parser runs, and sets the headers.
  await registerPublicSecurityHeaders(app, securityHeaders);
  await registerPublicPlumbing(app, runtime, rateWindows, resolveHost);
  await registerCompression(app);
  registerQueryLimits(app, runtime);
  registerJsonDepthLimit(app);
  registerHealthRoute(app, runtime);
  for (const mount of routes) await mount(app, runtime);
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && request.headers.accept?.includes('text/html')) {
      return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
    }
    return sendProblem(reply, { status: 404, code: 'route_not_found', detail: 'Nothing is published at this address' });
  });
  return app;
}

const RATE_WINDOW_MS = 60_000;

const NOT_FOUND_PAGE = `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Page introuvable</title><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Page introuvable</h1><p>Aucune page n'est publiée à cette adresse.</p><p lang="en">Nothing is published at this address.</p></body></html>`;
