import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../contracts/common.js';
import {
  ZEmailCampaign,
  ZEmailCampaignBody,
  ZEmailCampaignDuplicateBody,
  ZEmailCampaignList,
  ZEmailCampaignListQuery,
  ZEmailCampaignRecipients,
  ZEmailCampaignUpdateBody,
} from '../../contracts/email-campaigns.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { createCampaign, deleteCampaign, duplicateCampaign, getCampaign, listCampaigns, updateCampaign } from './email-campaigns.service.js';
import { campaignRecipients } from './email-audience.service.js';
import * as wire from './email-campaigns.wire.js';

const tags = ['email'];
const campaignRoute = { table: 'email_campaigns' };
const BASE = '/api/marketing/email-campaigns';

/** Email campaigns: drafts written and kept here (sending, tracking and reports come with the sending engine). */
export function emailCampaignRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(BASE, { schema: { tags, summary: 'Create a draft campaign', body: ZEmailCampaignBody, response: { 201: ZEmailCampaign } } }, async (req, reply) =>
    reply.code(201).send(wire.campaign(await createCampaign(tenantOf(req, runtime), authOf(req), req.body))),
  );

  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Campaigns, newest first (by status, by words of the name or subject)',
        querystring: ZEmailCampaignListQuery,
        response: { 200: ZEmailCampaignList },
      },
    },
    async (req) => {
      const { rows, nextCursor } = await listCampaigns(tenantOf(req, runtime), req.query);
      return { items: rows.map(wire.summary), next_cursor: nextCursor };
    },
  );

  app.get(
    `${BASE}/:id`,
    { config: { tenant: campaignRoute }, schema: { tags, summary: 'One campaign with its content', params: ZIdParams, response: { 200: ZEmailCampaign } } },
    async (req) => wire.campaign(await getCampaign(tenantOf(req, runtime), req.params.id)),
  );

  app.get(
    `${BASE}/:id/recipients`,
    {
      config: { tenant: campaignRoute },
      schema: {
        tags,
        summary: 'Who the campaign would reach now, and how many of its audience it would not mail (and why)',
        params: ZIdParams,
        response: { 200: ZEmailCampaignRecipients },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return campaignRecipients(tenant, await getCampaign(tenant, req.params.id));
    },
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { tenant: { ...campaignRoute, sampleBody: { subject: 'Nouveau sujet' } } },
      schema: {
        tags,
        summary: 'Change a campaign (once sent, only its name)',
        params: ZIdParams,
        body: ZEmailCampaignUpdateBody,
        response: { 200: ZEmailCampaign },
      },
    },
    async (req) => wire.campaign(await updateCampaign(tenantOf(req, runtime), req.params.id, req.body)),
  );

  app.delete(
    `${BASE}/:id`,
    {
      config: { tenant: campaignRoute },
      schema: { tags, summary: 'Delete a campaign that has sent nothing', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteCampaign(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/:id/duplicate`,
    {
      config: { tenant: { ...campaignRoute, sampleBody: {} } },
      schema: {
        tags,
        summary: 'Copy a campaign into a new draft',
        params: ZIdParams,
        body: ZEmailCampaignDuplicateBody,
        response: { 201: ZEmailCampaign },
      },
    },
    async (req, reply) => reply.code(201).send(wire.campaign(await duplicateCampaign(tenantOf(req, runtime), authOf(req), req.params.id, req.body?.name))),
  );
}
