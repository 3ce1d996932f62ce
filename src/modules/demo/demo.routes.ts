import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { loadCrmDemo } from '../crm/index.js';

/** "Charger les données de démo": fills a new workspace so its owner can try every screen at once. */
export function demoRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/workspace/demo-data',
    {
      // A whole pipeline of made-up leads: an admin's decision, like an import of that size.
      config: { access: { role: 'admin' } },
      schema: {
        tags: ['workspace'],
        summary: 'Load the demo pipeline (240 French leads with their history, fields, segments, scoring rules) into this workspace; 409 once it has leads',
        response: { 201: z.object({ leads: z.number().int() }) },
      },
    },
    async (req, reply) => {
      // The demo leads belong to the person who loaded them: a person's click, not a script's.
      const owner = req.auth!.user_id;
      if (!owner) throw new AppError('forbidden', 'Load the demo data while signed in, not with an API key', { reason: 'session_only' });
      return reply.code(201).send(await loadCrmDemo(tenantOf(req, runtime), owner));
    },
  );
}
