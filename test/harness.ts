import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import lightMyRequest from 'light-my-request';
import { buildAdminServer, buildPublicServer, createRuntime } from '../src/boot.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger, type Log } from '../src/platform/log.js';
import type { Runtime } from '../src/platform/runtime.js';
import { openTestDatabase, testDatabaseMode } from './test-database.js';

export type TestContext = {
  runtime: Runtime;
  app: FastifyInstance;
  publicApp: FastifyInstance;
  /** Runs every queued job (and the jobs they queue) to completion. */
  drain(): Promise<number>;
  close(): Promise<void>;
};

/** Boots the real admin and public apps on a test database, with no job worker polling. */
export async function startTestApp(env: Record<string, string> = {}, options: { log?: Log } = {}): Promise<TestContext> {
  // Many sign-ups come from one address in tests; the rate-limit test sets its own low limit.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '100000', DATABASE_URL: testDatabaseMode().url, ...env });
  const database = await openTestDatabase();
  const runtime = await createRuntime(config, { supervise: false, log: options.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), database });
  const app = await buildAdminServer(runtime, { serveWeb: false });
  const publicApp = await buildPublicServer(runtime);
  await app.ready();
  await publicApp.ready();
  throughFastPath(publicApp);
  return {
    runtime,
    app,
    publicApp,
    drain: () => runtime.queue.drain(),
    close: async () => {
      await app.close();
      await publicApp.close();
      await runtime.queue.stop();
      runtime.mailer.close();
      await runtime.database.close();
    },
  };
}

/**
 * Fastify's inject calls its router directly: the public server's injected requests go through the fast path first,
 * as requests on its port do (platform/http/public-fast-path.ts), so every test of a public page covers both ways.
 */
export function throughFastPath(publicApp: FastifyInstance): void {
  const dispatch = (request: Parameters<typeof publicApp.routing>[0], response: Parameters<typeof publicApp.routing>[1]) => {
    if (!publicApp.publicFastPath.answer(request, response)) publicApp.routing(request, response);
  };
  publicApp.inject = ((options: Parameters<typeof lightMyRequest>[1]) => lightMyRequest(dispatch, options)) as typeof publicApp.inject;
}

let counter = 0;

/** A unique email for this test run (tests share PostgreSQL in test:pg). */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${process.pid}-${counter}@example.com`;
}

export const PASSWORD = 'correct horse battery';

type InjectOptions = { method?: string; url: string; payload?: unknown; headers?: Record<string, string> };

/** A browser-like client: keeps the session cookie and sends the CSRF token like the SPA does. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { bearer?: string; remoteAddress?: string } = {},
  ) {}

  /** Sends a request; records Set-Cookie and any csrf_token in the response. */
  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const method = (opts.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...opts.headers };
    if (this.options.bearer) headers.authorization = `Bearer ${this.options.bearer}`;
    if (this.cookie) headers.cookie = `mk_session=${this.cookie}`;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrf;
    const response = await this.app.inject({
      method: method as 'GET',
      url: opts.url,
      headers,
      ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
      ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'mk_session');
    if (setCookie) this.cookie = setCookie.value || undefined;
    if (response.headers['content-type']?.toString().startsWith('application/json')) {
      const body = response.json() as { csrf_token?: unknown };
      if (body && typeof body === 'object' && typeof body.csrf_token === 'string') this.csrf = body.csrf_token;
    }
    return response;
  }

  get = (url: string) => this.request({ url });
  post = (url: string, payload?: unknown) => this.request({ method: 'POST', url, payload: payload ?? {} });
  patch = (url: string, payload: unknown) => this.request({ method: 'PATCH', url, payload });
  put = (url: string, payload: unknown) => this.request({ method: 'PUT', url, payload });
  delete = (url: string) => this.request({ method: 'DELETE', url });
}

export type SignedUp = { client: Client; userId: string; workspaceId: string; email: string };

/** Signs a new user up (with their own workspace) and returns a signed-in client. */
export async function signUp(
  app: FastifyInstance,
  overrides: Partial<{ email: string; name: string; workspace_name: string; remoteAddress: string }> = {},
): Promise<SignedUp> {
  const client = new Client(app, { remoteAddress: overrides.remoteAddress });
  const email = overrides.email ?? uniqueEmail();
  const res = await client.post('/api/auth/signup', {
    email,
    password: PASSWORD,
    name: overrides.name ?? 'Alice Test',
    workspace_name: overrides.workspace_name ?? 'Test workspace',
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { user: { id: string }; workspace: { id: string } };
  return { client, userId: body.user.id, workspaceId: body.workspace.id, email };
}
