import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../contracts/common.js';
import {
  ZAutomation,
  ZAutomationCreateBody,
  ZAutomationRun,
  ZAutomationRunsQuery,
  ZAutomationUpdateBody,
  ZAutomationWebhookSecret,
} from '../../contracts/crm-automations.js';
import { automationWebhookSecret, rotateAutomationWebhookSecret } from './automation-secrets.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { createAutomation, deleteAutomation, getAutomation, listAutomationRuns, listAutomations, updateAutomation } from './automations.service.js';
import * as wire from './automations.wire.js';

const tags = ['crm'];
const automationRoute = { table: 'automations' };

/** CRM automations and their run log: /api/marketing/automations. Viewers read, members edit. */
export function automationsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/automations',
    { schema: { tags, summary: 'Automations, each with its five latest runs', response: { 200: z.array(ZAutomation) } } },
    async (req) => (await listAutomations(tenantOf(req, runtime))).map(wire.automationFor(authOf(req).role)),
  );

  app.post(
    '/api/marketing/automations',
    {
      schema: {
        tags,
        summary: 'Create an automation: a trigger, optional conditions (segment rules) and ordered actions',
        body: ZAutomationCreateBody,
        response: { 201: ZAutomation },
      },
    },
    async (req, reply) => reply.code(201).send(wire.automationFor(authOf(req).role)(await createAutomation(tenantOf(req, runtime), authOf(req), req.body))),
  );

  app.get(
    '/api/marketing/automations/:id',
    { config: { tenant: automationRoute }, schema: { tags, summary: 'One automation', params: ZIdParams, response: { 200: ZAutomation } } },
    async (req) => wire.automationFor(authOf(req).role)(await getAutomation(tenantOf(req, runtime), req.params.id)),
  );

  app.patch(
    '/api/marketing/automations/:id',
    {
      config: { tenant: { ...automationRoute, sampleBody: { active: false } } },
      schema: {
        tags,
        summary: 'Change an automation; {"active": false} switches it off',
        params: ZIdParams,
        body: ZAutomationUpdateBody,
        response: { 200: ZAutomation },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      let body = req.body;
      if (body.actions) body = { ...body, actions: wire.unmaskWebhookUrls(wire.automation(await getAutomation(tenant, req.params.id)).actions, body.actions) };
      return wire.automationFor(authOf(req).role)(await updateAutomation(tenant, req.params.id, body));
    },
  );

  app.delete(
    '/api/marketing/automations/:id',
    { config: { tenant: automationRoute }, schema: { tags, summary: 'Delete an automation and its run log', params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteAutomation(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/marketing/automations/:id/runs',
    {
      config: { tenant: automationRoute },
      schema: {
        tags,
        summary: "The automation's runs, newest first: lead, trigger event, each action's result",
        params: ZIdParams,
        querystring: ZAutomationRunsQuery,
        response: { 200: z.array(ZAutomationRun) },
      },
    },
    async (req) => (await listAutomationRuns(tenantOf(req, runtime), req.params.id, req.query.limit)).map(wire.automationRun),
  );

  // The secret receivers verify the webhook calls with: admins only, like the workspace webhooks' secrets.
  const admin = { role: 'admin' } as const;
  app.get(
    '/api/marketing/automations/:id/webhook-secret',
    {
      config: { access: admin, tenant: automationRoute },
      schema: {
        tags,
        summary: "The secret this automation's webhook calls are signed with (Standard Webhooks); made on first request",
        params: ZIdParams,
        response: { 200: ZAutomationWebhookSecret },
      },
    },
    async (req) => ({ secret: await automationWebhookSecret(tenantOf(req, runtime), runtime.secrets, req.params.id) }),
  );

  app.post(
    '/api/marketing/automations/:id/webhook-secret/rotate',
    {
      config: { access: admin, tenant: automationRoute },
      schema: {
        tags,
        summary: 'Replace the signing secret (the old one stops working at once)',
        params: ZIdParams,
        response: { 200: ZAutomationWebhookSecret },
      },
    },
    async (req) => ({ secret: await rotateAutomationWebhookSecret(tenantOf(req, runtime), runtime.secrets, req.params.id) }),
  );
}
