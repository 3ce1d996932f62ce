import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { eraseLead, exportLeadData } from './lead-privacy.service.js';

const tags = ['crm'];
const leadRoute = { table: 'leads' };

/** GDPR: export everything held on a lead, erase a lead (admins and owners). */
export function leadPrivacyRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/leads/:id/privacy-export',
    {
      config: { access: { role: 'admin' }, tenant: leadRoute },
      schema: {
        tags,
        summary: 'Everything held on one lead, as a JSON download (right of access)',
        params: ZIdParams,
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req, reply) => {
      const data = await exportLeadData(tenantOf(req, runtime), req.params.id);
      void reply.header('content-disposition', `attachment; filename="lead-${req.params.id}.json"`);
      return data;
    },
  );

  app.post(
    '/api/marketing/leads/:id/erase',
    {
      config: { access: { role: 'admin' }, tenant: leadRoute },
      schema: {
        tags,
        summary: 'Erase a lead: personal data removed, email kept only as a hash on the suppression list',
        params: ZIdParams,
        response: { 200: z.object({ erased: z.literal(true), suppressed: z.boolean() }) },
      },
    },
    async (req) => ({ erased: true as const, ...(await eraseLead(tenantOf(req, runtime), req.params.id)) }),
  );
}
