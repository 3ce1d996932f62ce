import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAdCampaign,
  ZAdCampaignCreateBody,
  ZAdCampaignList,
  ZAdCampaignListQuery,
  ZAdCampaignUpdateBody,
  ZAdDay,
  ZAdDayBody,
  ZAdDayParams,
  ZAdMetrics,
  ZAdMetricsQuery,
  ZAdStats,
  ZAdStatsQuery,
} from '../../../contracts/ads.js';
import { ZIdParams } from '../../../contracts/common.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { adMetrics, deleteAdDay, putAdDay } from './ad-metrics.service.js';
import { adStats } from './ad-stats.service.js';
import { createAdCampaign, deleteAdCampaign, getAdCampaign, listAdCampaigns, setAdCampaignStatus, updateAdCampaign } from './ad-campaigns.service.js';
import * as wire from './ad-campaigns.wire.js';

const tags = ['ads'];
export const AD_CAMPAIGNS_BASE = '/api/marketing/ad-campaigns';
const campaignRoute = { table: 'ad_campaigns' };
const dayRoute = { optOut: 'two params (campaign id and a date), checked across workspaces in ad-metrics.test.ts' };

/** Ad campaigns and their daily figures. Like products: viewers read, members and above write. */
export function adCampaignRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    AD_CAMPAIGNS_BASE,
    {
      schema: {
        tags,
        summary: 'Ad campaigns, newest first, with all-time totals, ratios, real results, pacing and CPA alert',
        querystring: ZAdCampaignListQuery,
        response: { 200: ZAdCampaignList },
      },
    },
    async (req) => {
      const { items, nextCursor } = await listAdCampaigns(tenantOf(req, runtime), req.query);
      return { items: items.map(wire.adCampaign), next_cursor: nextCursor };
    },
  );

  // Declared as a static path, so the router never reads "stats" as an :id.
  app.get(
    `${AD_CAMPAIGNS_BASE}/stats`,
    {
      schema: {
        tags,
        summary: "Totals per platform and overall over a range (default: the last 30 days), in the workspace's currency",
        querystring: ZAdStatsQuery,
        response: { 200: ZAdStats },
      },
    },
    async (req) => adStats(tenantOf(req, runtime), req.query),
  );

  app.post(
    AD_CAMPAIGNS_BASE,
    { schema: { tags, summary: 'Create a campaign (figures are added per day)', body: ZAdCampaignCreateBody, response: { 201: ZAdCampaign } } },
    async (req, reply) => reply.code(201).send(wire.adCampaign(await createAdCampaign(tenantOf(req, runtime), req.body))),
  );

  app.get(
    `${AD_CAMPAIGNS_BASE}/:id`,
    { config: { tenant: campaignRoute }, schema: { tags, summary: 'One campaign', params: ZIdParams, response: { 200: ZAdCampaign } } },
    async (req) => wire.adCampaign(await getAdCampaign(tenantOf(req, runtime), req.params.id)),
  );

  app.patch(
    `${AD_CAMPAIGNS_BASE}/:id`,
    {
      config: { tenant: { ...campaignRoute, sampleBody: { name: 'Nouveau nom' } } },
      schema: {
        tags,
        summary: 'Change a campaign (pausing or resuming a synced campaign does it on its platform first)',
        params: ZIdParams,
        body: ZAdCampaignUpdateBody,
        response: { 200: ZAdCampaign },
      },
    },
    async (req) => wire.adCampaign(await updateAdCampaign(runtime, tenantOf(req, runtime), req.params.id, req.body)),
  );

  app.delete(
    `${AD_CAMPAIGNS_BASE}/:id`,
    {
      config: { tenant: campaignRoute },
      schema: { tags, summary: 'Delete a campaign and its figures (nothing changes on its platform)', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteAdCampaign(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const [action, status] of [
    ['pause', 'paused'],
    ['resume', 'active'],
  ] as const) {
    app.post(
      `${AD_CAMPAIGNS_BASE}/:id/${action}`,
      {
        config: { tenant: { ...campaignRoute, sampleBody: {} } },
        schema: {
          tags,
          summary: `${action === 'pause' ? 'Pause' : 'Resume'} a campaign (on its platform too when a connection syncs it)`,
          params: ZIdParams,
          body: z.strictObject({}).optional(),
          response: { 200: ZAdCampaign },
        },
      },
      async (req) => wire.adCampaign(await setAdCampaignStatus(runtime, tenantOf(req, runtime), req.params.id, status)),
    );
  }

  app.get(
    `${AD_CAMPAIGNS_BASE}/:id/metrics`,
    {
      config: { tenant: campaignRoute },
      schema: {
        tags,
        summary: 'Figures per day over a range (default: the 30 days ending at the last day with figures), totals and real results',
        params: ZIdParams,
        querystring: ZAdMetricsQuery,
        response: { 200: ZAdMetrics },
      },
    },
    async (req) => adMetrics(tenantOf(req, runtime), req.params.id, req.query),
  );

  app.put(
    `${AD_CAMPAIGNS_BASE}/:id/metrics/:date`,
    {
      config: { tenant: dayRoute },
      schema: {
        tags,
        summary: "Replace one day's figures (manual entry; at most 1 day in the future)",
        params: ZAdDayParams,
        body: ZAdDayBody,
        response: { 200: ZAdDay },
      },
    },
    async (req) => putAdDay(tenantOf(req, runtime), req.params.id, req.params.date, req.body),
  );

  app.delete(
    `${AD_CAMPAIGNS_BASE}/:id/metrics/:date`,
    {
      config: { tenant: dayRoute },
      schema: { tags, summary: "Remove one day's figures", params: ZAdDayParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteAdDay(tenantOf(req, runtime), req.params.id, req.params.date);
      return reply.code(204).send(null);
    },
  );
}
