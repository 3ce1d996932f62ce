import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZInteraction,
  ZInteractionCreateBody,
  ZLead,
  ZLeadCreateBody,
  ZLeadEvent,
  ZLeadBoard,
  ZLeadBoardQuery,
  ZLeadList,
  ZLeadStats,
  ZLeadListQuery,
  ZLeadUpdateBody,
  ZSegmentPreview,
} from '../../../contracts/crm.js';
import { ZSegmentPreviewBody } from '../../../contracts/crm-segments.js';
import { authOf, tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import * as wire from './leads.wire.js';
import { addInteraction, listInteractions } from './interactions.service.js';
import { leadStats } from './lead-stats.service.js';
import { leadCardDetails } from './lead-cards.service.js';
import { listBoardColumns, listLeads } from './lead-list.service.js';
import { createLead, deleteLead, getLead, leadTimeline, updateLead } from './leads.service.js';
import { publishLeadEvents } from './publish-lead-events.js';
import { previewSegment } from '../../segments/index.js';
import { assertLeadIsNamed } from './lead-create-rules.js';

const tags = ['crm'];
const leadRoute = { table: 'leads' };

/** CRM leads: /api/marketing/leads. */
export function crmRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/leads',
    {
      schema: {
        tags,
        summary: 'List leads (search, status filter, cursor pagination), each with its next open task and when it entered its status',
        querystring: ZLeadListQuery,
        response: { 200: ZLeadList },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const page = await listLeads(tenant, req.query);
      const cards = await leadCardDetails(
        tenant,
        page.items.map((row) => row.id),
      );
      return { items: page.items.map((row) => wire.leadCard(row, cards.get(row.id))), next_cursor: page.next_cursor };
    },
  );

  app.get(
    '/api/marketing/leads/board',
    {
      schema: {
        tags,
        summary: "The pipeline's first screen: every status's newest leads (as cards) with the cursor of its next page on /api/marketing/leads",
        querystring: ZLeadBoardQuery,
        response: { 200: ZLeadBoard },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const columns = await listBoardColumns(tenant, req.query.limit);
      const cards = await leadCardDetails(
        tenant,
        columns.flatMap((column) => column.items.map((row) => row.id)),
      );
      return { columns: columns.map((column) => ({ ...column, items: column.items.map((row) => wire.leadCard(row, cards.get(row.id))) })) };
    },
  );

  app.get(
    '/api/marketing/leads/stats',
    { schema: { tags, summary: 'Leads per status, pipeline value, conversion rate, days to win, average value', response: { 200: ZLeadStats } } },
    async (req) => leadStats(tenantOf(req, runtime)),
  );

  app.post(
    '/api/marketing/leads',
    {
      schema: {
        tags,
        summary: 'Create a lead (a first name, a last name or an email is required; 409 with existing_id on a duplicate email)',
        body: ZLeadCreateBody,
        response: { 201: ZLead },
      },
    },
    async (req, reply) => {
      assertLeadIsNamed(req.body);
      return reply.code(201).send(wire.lead(await publishLeadEvents(runtime, () => createLead(tenantOf(req, runtime), authOf(req), req.body))));
    },
  );

  app.get(
    '/api/marketing/leads/:id',
    { config: { tenant: leadRoute }, schema: { tags, summary: 'One lead', params: ZIdParams, response: { 200: ZLead } } },
    async (req) => wire.lead(await getLead(tenantOf(req, runtime), req.params.id)),
  );

  app.patch(
    '/api/marketing/leads/:id',
    {
      config: { tenant: { ...leadRoute, sampleBody: { status: 'won' } } },
      schema: { tags, summary: 'Update a lead (each change is logged)', params: ZIdParams, body: ZLeadUpdateBody, response: { 200: ZLead } },
    },
    async (req) => wire.lead(await publishLeadEvents(runtime, () => updateLead(tenantOf(req, runtime), authOf(req), req.params.id, req.body))),
  );

  app.delete(
    '/api/marketing/leads/:id',
    { config: { tenant: leadRoute }, schema: { tags, summary: 'Delete a lead', params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteLead(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/marketing/leads/:id/events',
    {
      config: { tenant: leadRoute },
      schema: { tags, summary: "The lead's event log, newest first", params: ZIdParams, response: { 200: z.array(ZLeadEvent) } },
    },
    async (req) => (await leadTimeline(tenantOf(req, runtime), req.params.id)).map(wire.leadEvent),
  );

  app.get(
    '/api/marketing/leads/:id/interactions',
    {
      config: { tenant: leadRoute },
      schema: { tags, summary: "The lead's interactions, most recent first", params: ZIdParams, response: { 200: z.array(ZInteraction) } },
    },
    async (req) => (await listInteractions(tenantOf(req, runtime), req.params.id)).map(wire.interaction),
  );

  app.post(
    '/api/marketing/leads/:id/interactions',
    {
      config: { tenant: { ...leadRoute, sampleBody: { interaction_type: 'note', content: 'x' } } },
      schema: { tags, summary: 'Log an email, call, meeting or note', params: ZIdParams, body: ZInteractionCreateBody, response: { 201: ZInteraction } },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(wire.interaction(await publishLeadEvents(runtime, () => addInteraction(tenantOf(req, runtime), authOf(req), req.params.id, req.body)))),
  );

  app.post(
    '/api/marketing/segments/preview',
    {
      // A preview only reads; viewers may build segments to look at the numbers.
      config: { access: { role: 'viewer' } },
      schema: { tags, summary: 'Count the leads a rule tree matches, with a sample', body: ZSegmentPreviewBody, response: { 200: ZSegmentPreview } },
    },
    async (req) => {
      const preview = await previewSegment(tenantOf(req, runtime), req.body.rules);
      return { count: preview.count, sample: preview.sample.map(wire.lead) };
    },
  );
}
