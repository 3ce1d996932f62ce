import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iso, ZIdParams } from '../../contracts/common.js';
import { ZDomain, ZDomainBody } from '../../contracts/workspaces.js';
import { tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { addDomain, listDomains, removeDomain } from './domains.service.js';

const tags = ['workspace'];
const admin = { role: 'admin' } as const;

function wire(row: { id: string; hostname: string; created_at: Date }) {
  return { id: row.id, hostname: row.hostname, created_at: iso(row.created_at) };
}

/** Custom domains of the public server (Settings > Workspace). */
export function domainsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const reserved = [runtime.config.appUrl, runtime.config.publicUrl].map((url) => new URL(url).hostname.toLowerCase());

  app.get('/api/workspace/domains', { schema: { tags, summary: 'Custom domains of published pages', response: { 200: z.array(ZDomain) } } }, async (req) =>
    (await listDomains(tenantOf(req, runtime))).map(wire),
  );
  app.post(
    '/api/workspace/domains',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Serve published pages on a domain of yours (point its DNS at the public server)',
        body: ZDomainBody,
        response: { 201: ZDomain },
      },
    },
    async (req, reply) => reply.code(201).send(wire(await addDomain(tenantOf(req, runtime), req.body.hostname, reserved))),
  );
  app.delete(
    '/api/workspace/domains/:id',
    {
      config: { access: admin, tenant: { table: 'workspace_domains' } },
      schema: { tags, summary: 'Stop serving on a domain', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeDomain(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
