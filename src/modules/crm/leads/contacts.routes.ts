import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZInteractionList,
  ZInteractionListQuery,
  ZLeadBulkBody,
  ZLeadBulkResult,
  ZLeadCount,
  ZSavedView,
  ZSavedViewBody,
  ZSavedViewUpdateBody,
  ZTask,
  ZTaskCreateBody,
  ZTaskUpdateBody,
  ZTimeline,
  ZTimelineQuery,
} from '../../../contracts/crm-contacts.js';
import { ZLeadFilterQuery } from '../../../contracts/crm.js';
import { authOf, tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import * as wire from './contacts.wire.js';
import { listWorkspaceInteractions } from './interactions-list.service.js';
import { bulkLeads } from './lead-bulk.service.js';
import { countLeads } from './lead-count.service.js';
import { createLeadTask, deleteLeadTask, listLeadTasks, updateLeadTask } from './lead-tasks.service.js';
import { leadMergedTimeline } from './lead-timeline.service.js';
import { publishLeadEvents } from './publish-lead-events.js';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-views.service.js';

const tags = ['crm'];
const leadRoute = { table: 'leads' };
const taskRoute = { table: 'lead_tasks' };
const viewRoute = { table: 'saved_views' };

/** The Contacts table and the lead page: bulk actions, saved views, tasks, interactions, timeline. */
export function contactsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/marketing/leads/bulk',
    {
      schema: {
        tags,
        summary: 'Change status, add or remove a tag, assign an owner or delete many leads at once (by ids or by filter)',
        body: ZLeadBulkBody,
        response: { 200: ZLeadBulkResult },
      },
    },
    async (req) => publishLeadEvents(runtime, () => bulkLeads(tenantOf(req, runtime), runtime.queue, authOf(req), req.body)),
  );

  app.get(
    '/api/marketing/leads/count',
    { schema: { tags, summary: 'How many leads match a filter (same query as the list)', querystring: ZLeadFilterQuery, response: { 200: ZLeadCount } } },
    async (req) => ({ count: await countLeads(tenantOf(req, runtime), req.query) }),
  );

  app.get(
    '/api/marketing/leads/:id/timeline',
    {
      config: { tenant: leadRoute },
      schema: {
        tags,
        summary: "The lead's interactions and events in one list, newest first",
        params: ZIdParams,
        querystring: ZTimelineQuery,
        response: { 200: ZTimeline },
      },
    },
    async (req) => {
      const page = await leadMergedTimeline(tenantOf(req, runtime), req.params.id, req.query);
      return { items: page.items.map(wire.timelineItem), next_cursor: page.next_cursor };
    },
  );

  app.get(
    '/api/marketing/interactions',
    {
      schema: {
        tags,
        summary: "The workspace's interactions, newest first, with their lead's name",
        querystring: ZInteractionListQuery,
        response: { 200: ZInteractionList },
      },
    },
    async (req) => {
      const page = await listWorkspaceInteractions(tenantOf(req, runtime), req.query);
      return { items: page.items.map(wire.workspaceInteraction), next_cursor: page.next_cursor };
    },
  );

  app.get(
    '/api/marketing/leads/:id/tasks',
    { config: { tenant: leadRoute }, schema: { tags, summary: "The lead's tasks, open ones first", params: ZIdParams, response: { 200: z.array(ZTask) } } },
    async (req) => (await listLeadTasks(tenantOf(req, runtime), req.params.id)).map(wire.task),
  );

  app.post(
    '/api/marketing/leads/:id/tasks',
    {
      config: { tenant: { ...leadRoute, sampleBody: { title: 'x' } } },
      schema: { tags, summary: 'Add a task to a lead', params: ZIdParams, body: ZTaskCreateBody, response: { 201: ZTask } },
    },
    async (req, reply) =>
      reply.code(201).send(wire.task(await publishLeadEvents(runtime, () => createLeadTask(tenantOf(req, runtime), authOf(req), req.params.id, req.body)))),
  );

  app.patch(
    '/api/marketing/tasks/:id',
    {
      config: { tenant: { ...taskRoute, sampleBody: { done: true } } },
      schema: { tags, summary: 'Edit a task or tick it done', params: ZIdParams, body: ZTaskUpdateBody, response: { 200: ZTask } },
    },
    async (req) => wire.task(await publishLeadEvents(runtime, () => updateLeadTask(tenantOf(req, runtime), authOf(req), req.params.id, req.body))),
  );

  app.delete(
    '/api/marketing/tasks/:id',
    { config: { tenant: taskRoute }, schema: { tags, summary: 'Delete a task', params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteLeadTask(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/marketing/saved-views',
    { schema: { tags, summary: "The workspace's saved Contacts views", response: { 200: z.array(ZSavedView) } } },
    async (req) => (await listSavedViews(tenantOf(req, runtime))).map(wire.savedView),
  );

  app.post(
    '/api/marketing/saved-views',
    { schema: { tags, summary: 'Save the Contacts columns, filter and sort under a name', body: ZSavedViewBody, response: { 201: ZSavedView } } },
    async (req, reply) => reply.code(201).send(wire.savedView(await createSavedView(tenantOf(req, runtime), authOf(req), req.body))),
  );

  app.patch(
    '/api/marketing/saved-views/:id',
    {
      config: { tenant: { ...viewRoute, sampleBody: { name: 'x' } } },
      schema: { tags, summary: 'Rename a saved view or replace its setup', params: ZIdParams, body: ZSavedViewUpdateBody, response: { 200: ZSavedView } },
    },
    async (req) => wire.savedView(await updateSavedView(tenantOf(req, runtime), req.params.id, req.body)),
  );

  app.delete(
    '/api/marketing/saved-views/:id',
    { config: { tenant: viewRoute }, schema: { tags, summary: 'Delete a saved view', params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteSavedView(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
