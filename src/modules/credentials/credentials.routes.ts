import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CREDENTIAL_PROVIDERS, ZCredential, ZCredentialParams } from '../../contracts/credentials.js';
import { AppError } from '../../platform/errors.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { deleteCredential, listCredentials, readCredential, saveCredential } from './credentials.service.js';
import * as wire from './credentials.wire.js';

const tags = ['workspace'];
const admin = { role: 'admin' } as const;
const notTenantRow = 'the :provider parameter names a provider (smtp, stripe...), not a row id; rows are looked up by workspace';

/** Settings > Connexions: each provider's credentials, encrypted at rest, admins only. */
export function credentialsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/workspace/credentials',
    { config: { access: admin }, schema: { tags, summary: 'Connected providers (secrets masked)', response: { 200: z.array(ZCredential) } } },
    async (req) => (await listCredentials(tenantOf(req, runtime), runtime.secrets)).map((c) => wire.credential(c.row, c.value)),
  );

  app.put(
    '/api/workspace/credentials/:provider',
    {
      config: { access: admin, tenant: { optOut: notTenantRow } },
      schema: {
        tags,
        summary: "Save a provider's credentials (encrypted; a secret field left out keeps its stored value)",
        params: ZCredentialParams,
        body: z.record(z.string(), z.unknown()),
        response: { 200: ZCredential },
      },
    },
    async (req) => {
      const { provider } = req.params;
      const tenant = tenantOf(req, runtime);
      const existing = await readCredential(tenant, runtime.secrets, provider).catch(() => ({}));
      // Validate with the stored secrets filled in, so "keep the stored password" is not a missing field.
      const parsed = CREDENTIAL_PROVIDERS[provider].strict().safeParse({ ...existing, ...req.body });
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));
        throw new AppError('bad_request', 'Invalid credentials', { errors });
      }
      const row = await saveCredential(tenant, runtime.secrets, authOf(req), provider, parsed.data as never);
      return wire.credential(row, parsed.data as Record<string, unknown>);
    },
  );

  app.delete(
    '/api/workspace/credentials/:provider',
    {
      config: { access: admin, tenant: { optOut: notTenantRow } },
      schema: { tags, summary: "Forget a provider's credentials", params: ZCredentialParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteCredential(tenantOf(req, runtime), req.params.provider);
      return reply.code(204).send(null);
    },
  );
}
