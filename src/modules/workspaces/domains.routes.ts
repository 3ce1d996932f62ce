import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iso, ZIdParams } from '../../contracts/common.js';
import { ZDomain, ZDomainBody } from '../../contracts/workspaces.js';
import { tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { addDomain, domainTxtName, domainTxtValue, listDomains, removeDomain, verifiedDomainOf, verifyDomain, type TDomainRow } from './domains.service.js';

const tags = ['workspace'];
const admin = { role: 'admin' } as const;

function wire(row: TDomainRow, cnameTarget: string) {
  return {
    id: row.id,
    hostname: row.hostname,
    status: row.verified_at ? ('verified' as const) : ('pending' as const),
    txt_name: domainTxtName(row.hostname),
    txt_value: domainTxtValue(row.verification_token),
    cname_target: cnameTarget,
    verified_at: row.verified_at ? iso(row.verified_at) : null,
    checked_at: row.checked_at ? iso(row.checked_at) : null,
    check_error: row.check_error,
    created_at: iso(row.created_at),
  };
}

/** Custom domains of the public server (Settings > Workspace). */
export function domainsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const reserved = [runtime.config.appUrl, runtime.config.publicUrl].map((url) => new URL(url).hostname.toLowerCase());
  const cnameTarget = new URL(runtime.config.publicUrl).hostname;

  app.get('/api/workspace/domains', { schema: { tags, summary: 'Custom domains of published pages', response: { 200: z.array(ZDomain) } } }, async (req) =>
    (await listDomains(tenantOf(req, runtime))).map((row) => wire(row, cnameTarget)),
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
    async (req, reply) => reply.code(201).send(wire(await addDomain(tenantOf(req, runtime), req.body.hostname, reserved), cnameTarget)),
  );
  app.post(
    '/api/workspace/domains/:id/verify',
    {
      config: { access: admin, tenant: { table: 'workspace_domains' } },
      schema: {
        tags,
        summary: 'Look for the TXT record now: a domain serves pages once it is verified',
        description: 'Answers the domain with its status; a failed check says why in check_error (txt_missing or a DNS error code).',
        params: ZIdParams,
        response: { 200: ZDomain },
      },
    },
    async (req) => wire(await verifyDomain(tenantOf(req, runtime), req.params.id, runtime.config.dnsServers), cnameTarget),
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

/**
 * For a TLS-terminating proxy that gets certificates on demand (Caddy's `on_demand_tls { ask … }`): 200 when the host
 * name is a proved domain, 404 otherwise, so certificates are only requested for names a workspace has proved.
 */
export function domainsPublicRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/p/domain-check', { schema: { hide: true, querystring: z.object({ domain: z.string().max(253) }) } }, async (req, reply) =>
    reply.code((await verifiedDomainOf(runtime.db, req.query.domain)) ? 200 : 404).send(),
  );
}
