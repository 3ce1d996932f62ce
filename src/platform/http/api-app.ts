import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { TAccess, TAuth, Authenticator } from '../auth/access.js';
import { requestLogSerializers } from '../auth/redact.js';
import { Tenant } from '../db/tenant.js';
import { AppError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { authenticateRequest } from './authenticate.js';
import { registerHealthRoute } from './health.js';
import { problemErrorHandler, sendProblem } from './problem.js';
import { registerJsonDepthLimit } from './json-depth.js';
import { registerQueryLimits } from './query-limits.js';
import { registerCompression } from './compression.js';
import { registerAdminSecurityHeaders } from './security-headers.js';
import { serveWebApp } from './web-app.js';

/** Declares, on a route, the tenant resource its `:id` refers to; read by the isolation test. */
export type TTenantRoute = { table: string; sampleBody?: unknown } | { optOut: string };

// Declaration merging needs interfaces here.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'fastify' {
  interface FastifyContextConfig {
    access?: TAccess;
    tenant?: TTenantRoute;
  }
  interface FastifyRequest {
    auth: TAuth | null;
  }
  interface FastifyInstance {
    /** Every route registered on this app, for tests that walk the route table. */
    routeTable: TRouteEntry[];
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

export type TRouteEntry = { method: string; url: string; access?: TAccess; tenant?: TTenantRoute };

/** Mounts one module's routes on the admin API. */
export type RouteModule = (app: FastifyInstance, runtime: Runtime) => void | Promise<void>;

export type ApiAppOptions = {
  runtime: Runtime;
  authenticator: Authenticator;
  routes: RouteModule[];
  /** Serve the built SPA from dist/web (off in tests). */
  serveWeb: boolean;
};

/** Builds the admin app: the JSON API under /api, its OpenAPI document and the web UI. */
export async function buildApiApp(options: ApiAppOptions): Promise<FastifyInstance> {
  const { runtime } = options;
  const app = Fastify({
    // Request URLs carry invitation tokens: logged only through the redacting serializer.
    loggerInstance: runtime.log.child({}, { serializers: requestLogSerializers }) as FastifyBaseLogger,
    bodyLimit: runtime.config.bodyLimitBytes,
    trustProxy: runtime.config.trustProxy as FastifyServerOptions['trustProxy'],
    genReqId: (req) => headerRequestId(req.headers['x-request-id']) ?? randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  // The API speaks JSON (and, per route, multipart); anything else is a 415, not a string body.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('auth', null);
  app.decorate('routeTable', [] as TRouteEntry[]);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeTable.push({ method, url: route.url, access: route.config?.access, tenant: route.config?.tenant });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await registerAdminSecurityHeaders(app, runtime.config);
  await registerCompression(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Marketing Platform API',
        version: '1.0.0',
        description:
          'Funnels, email marketing, CRM and ads. Authenticate with `Authorization: Bearer mk_…` (API key) ' +
          'or the session cookie plus the `x-csrf-token` header for requests that change state.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key created in Settings > API keys (mk_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'mk_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    // Decided on the route the router matched, never on the raw URL: `/%61pi/auth/login` routes to
    // `/api/auth/login` but does not start with `/api/`. Unknown routes run no handler (404).
    if (!needsAuthentication(request)) return;
    await authenticateRequest(request, options.authenticator, runtime.config);
  });

  registerQueryLimits(app, runtime);
  registerJsonDepthLimit(app);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  registerHealthRoute(app, runtime);

  for (const mount of options.routes) await mount(app, runtime);

  app.setNotFoundHandler((request, reply) => {
    if (options.serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return sendProblem(reply, { status: 404, code: 'route_not_found', detail: `No route ${request.method} ${request.url.split('?')[0]}` });
  });
  if (options.serveWeb) await serveWebApp(app);
  return app;
}

/** The auth of a request that passed its access check (throws if the route was public). */
export function authOf(request: FastifyRequest): TAuth {
  if (!request.auth) throw new AppError('unauthorized', 'Sign in or send an API key', { reason: 'sign_in_required' });
  return request.auth;
}

/** The tenant scope of the calling workspace. */
export function tenantOf(request: FastifyRequest, runtime: Runtime): Tenant {
  return new Tenant(runtime.db, authOf(request).workspace_id);
}

/**
 * False only for the API reference (/api/docs, public) and the SPA's static files (GET outside /api/).
 * Every other routed request, including a future route outside /api/, goes through authentication.
 */
function needsAuthentication(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route === undefined) return false; // not found: the 404 handler answers, no handler runs
  if (route === '/api/docs' || route.startsWith('/api/docs/')) return false;
  if (!route.startsWith('/api/') && (request.method === 'GET' || request.method === 'HEAD')) return false;
  return true;
}

function headerRequestId(value: string | string[] | undefined): string | undefined {
  const id = Array.isArray(value) ? value[0] : value;
  return id && /^[\w.-]{1,100}$/.test(id) ? id : undefined;
}
