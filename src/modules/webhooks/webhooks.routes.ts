import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../contracts/common.js';
import {
  WEBHOOK_TEST_EVENT,
  ZWebhookDelivery,
  ZWebhookEndpoint,
  ZWebhookEndpointBody,
  ZWebhookEndpointUpdateBody,
  ZWebhookEndpointWithSecret,
} from '../../contracts/webhooks.js';
import { tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { sendTestDelivery } from './webhook-delivery.service.js';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints, rotateEndpointSecret, updateEndpoint } from './webhook-endpoints.service.js';
import * as wire from './webhooks.wire.js';

const tags = ['webhooks'];
// Webhook URLs often carry secret tokens, and the log shows what was sent where: admins only.
const admin = { role: 'admin' } as const;
const endpointRoute = { table: 'webhook_endpoints' };

/** Settings > Webhooks: URLs of the workspace called, signed, on its events. */
export function webhooksRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/workspace/webhooks',
    { config: { access: admin }, schema: { tags, summary: 'Outgoing webhooks', response: { 200: z.array(ZWebhookEndpoint) } } },
    async (req) => (await listEndpoints(tenantOf(req, runtime))).map(wire.endpoint),
  );

  app.post(
    '/api/workspace/webhooks',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Subscribe a URL to event types (`*` for all); the signing secret is returned this once',
        body: ZWebhookEndpointBody,
        response: { 201: ZWebhookEndpointWithSecret },
      },
    },
    async (req, reply) => {
      const { row, secret } = await createEndpoint(tenantOf(req, runtime), runtime.secrets, req.body);
      return reply.code(201).send({ ...wire.endpoint(row), secret });
    },
  );

  app.patch(
    '/api/workspace/webhooks/:id',
    {
      config: { access: admin, tenant: { ...endpointRoute, sampleBody: { is_active: false } } },
      schema: { tags, summary: 'Change a webhook', params: ZIdParams, body: ZWebhookEndpointUpdateBody, response: { 200: ZWebhookEndpoint } },
    },
    async (req) => wire.endpoint(await updateEndpoint(tenantOf(req, runtime), req.params.id, req.body)),
  );

  app.delete(
    '/api/workspace/webhooks/:id',
    {
      config: { access: admin, tenant: endpointRoute },
      schema: { tags, summary: 'Delete a webhook and its log', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteEndpoint(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/workspace/webhooks/:id/rotate-secret',
    {
      config: { access: admin, tenant: endpointRoute },
      schema: {
        tags,
        summary: 'Replace the signing secret (the old one stops working at once)',
        params: ZIdParams,
        response: { 200: ZWebhookEndpointWithSecret },
      },
    },
    async (req) => {
      const { row, secret } = await rotateEndpointSecret(tenantOf(req, runtime), runtime.secrets, req.params.id);
      return { ...wire.endpoint(row), secret };
    },
  );

  app.post(
    '/api/workspace/webhooks/:id/test',
    {
      config: { access: admin, tenant: endpointRoute },
      schema: {
        tags,
        summary: `Send a signed \`${WEBHOOK_TEST_EVENT}\` event now; its result appears in the log`,
        params: ZIdParams,
        response: { 202: ZWebhookDelivery },
      },
    },
    async (req, reply) => reply.code(202).send(wire.delivery(await sendTestDelivery(runtime, tenantOf(req, runtime), req.params.id))),
  );

  app.get(
    '/api/workspace/webhooks/:id/deliveries',
    {
      config: { access: admin, tenant: endpointRoute },
      schema: { tags, summary: 'The latest 100 deliveries of a webhook, newest first', params: ZIdParams, response: { 200: z.array(ZWebhookDelivery) } },
    },
    async (req) => (await listDeliveries(tenantOf(req, runtime), req.params.id)).map(wire.delivery),
  );
}
