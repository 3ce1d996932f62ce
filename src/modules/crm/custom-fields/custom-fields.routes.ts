import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iso, ZIdParams } from '../../../contracts/common.js';
import { ZCustomField, ZCustomFieldCreateBody, ZCustomFieldUpdateBody, type TCustomField } from '../../../contracts/crm.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { createCustomField, deleteCustomField, listCustomFields, updateCustomField, type TCustomFieldRow } from './custom-fields.service.js';

const tags = ['crm'];
const fieldRoute = { table: 'custom_field_definitions' };

/** Custom field definitions: /api/marketing/custom-fields (admins and owners change them). */
export function customFieldRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/custom-fields',
    { schema: { tags, summary: "The workspace's custom lead fields", response: { 200: z.array(ZCustomField) } } },
    async (req) => (await listCustomFields(tenantOf(req, runtime))).map(toWire),
  );

  app.post(
    '/api/marketing/custom-fields',
    {
      config: { access: { role: 'admin' } },
      schema: { tags, summary: 'Define a custom field (text, number, date, select, boolean)', body: ZCustomFieldCreateBody, response: { 201: ZCustomField } },
    },
    async (req, reply) => reply.code(201).send(toWire(await createCustomField(tenantOf(req, runtime), req.body))),
  );

  app.patch(
    '/api/marketing/custom-fields/:id',
    {
      config: { access: { role: 'admin' }, tenant: { ...fieldRoute, sampleBody: { label: 'Renamed' } } },
      schema: {
        tags,
        summary: 'Rename, reorder or change the options of a custom field',
        params: ZIdParams,
        body: ZCustomFieldUpdateBody,
        response: { 200: ZCustomField },
      },
    },
    async (req) => toWire(await updateCustomField(tenantOf(req, runtime), req.params.id, req.body)),
  );

  app.delete(
    '/api/marketing/custom-fields/:id',
    {
      config: { access: { role: 'admin' }, tenant: fieldRoute },
      schema: { tags, summary: 'Delete a custom field and its values on every lead', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteCustomField(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );
}

function toWire(row: TCustomFieldRow): TCustomField {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    field_type: row.field_type,
    options: row.options,
    position: row.position,
    created_at: iso(row.created_at),
  };
}
