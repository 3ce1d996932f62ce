import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iso, ZIdParams } from '../../contracts/common.js';
import { ZSegment, ZSegmentBody, ZSegmentUpdateBody, type TSegment } from '../../contracts/crm-segments.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment, type TSegmentRow } from './segments.service.js';

const tags = ['crm'];
const segmentRoute = { table: 'segments' };
const sampleRules = { op: 'and', rules: [{ field: 'status', operator: 'eq', value: 'won' }] };

/** Saved segments: /api/marketing/segments (rule trees over leads). The live preview, which answers leads, is a CRM route. */
export function segmentRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/marketing/segments', { schema: { tags, summary: 'Saved segments', response: { 200: z.array(ZSegment) } } }, async (req) =>
    (await listSegments(tenantOf(req, runtime))).map(toWire),
  );

  app.post(
    '/api/marketing/segments',
    { schema: { tags, summary: 'Save a named segment', body: ZSegmentBody, response: { 201: ZSegment } } },
    async (req, reply) => reply.code(201).send(toWire(await createSegment(tenantOf(req, runtime), authOf(req), req.body))),
  );

  app.get(
    '/api/marketing/segments/:id',
    { config: { tenant: segmentRoute }, schema: { tags, summary: 'One saved segment', params: ZIdParams, response: { 200: ZSegment } } },
    async (req) => toWire(await getSegment(tenantOf(req, runtime), req.params.id)),
  );

  app.patch(
    '/api/marketing/segments/:id',
    {
      config: { tenant: { ...segmentRoute, sampleBody: { name: 'Renamed', rules: sampleRules } } },
      schema: { tags, summary: 'Rename a segment or replace its rules', params: ZIdParams, body: ZSegmentUpdateBody, response: { 200: ZSegment } },
    },
    async (req) => toWire(await updateSegment(tenantOf(req, runtime), req.params.id, req.body)),
  );

  app.delete(
    '/api/marketing/segments/:id',
    { config: { tenant: segmentRoute }, schema: { tags, summary: 'Delete a saved segment', params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteSegment(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );
}

function toWire(row: TSegmentRow): TSegment {
  return { id: row.id, name: row.name, description: row.description, rules: row.rules, created_at: iso(row.created_at), updated_at: iso(row.updated_at) };
}
