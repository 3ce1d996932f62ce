import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iso, ZIdParams } from '../../contracts/common.js';
import {
  ZAbWinnerBody,
  ZEmailCampaign,
  ZEmailCampaignPreview,
  ZEmailCampaignPreviewBody,
  ZEmailCampaignReport,
  ZEmailCampaignScheduleBody,
  ZEmailCampaignTestBody,
  ZEmailRecipientList,
  ZEmailRecipientsQuery,
  ZEmailStats,
  ZEmailSuppression,
  ZEmailSuppressionBody,
  ZEmailSubscriptionSummary,
} from '../../contracts/email-campaigns.js';
import { listSuppressions, restoreAddress, subscriptionSummary, suppressAddress } from './email-suppressions.service.js';
import { tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { getCampaign } from './email-campaigns.service.js';
import { previewCampaign, sendTestMessages } from './email-preview.service.js';
import { campaignRecipientsReport, campaignReport, workspaceEmailStats } from './email-report.service.js';
import { cancelCampaign, pauseCampaign, resumeCampaign, scheduleCampaign, sendCampaign, unscheduleCampaign } from './email-send.service.js';
import * as wire from './email-campaigns.wire.js';
import { pickWinner } from './email-ab-test.js';

const tags = ['email'];
const BASE = '/api/marketing/email-campaigns';
const campaignRoute = { table: 'email_campaigns' };

/** A campaign's send (now, scheduled, paused, resumed, canceled), its preview and test send, its report. */
export function emailSendingRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const control = (
    path: string,
    summary: string,
    act: (tenant: ReturnType<typeof tenantOf>, id: string) => Promise<Parameters<typeof wire.campaign>[0]>,
    code = 200,
  ) =>
    app.post(
      `${BASE}/:id/${path}`,
      {
        config: { tenant: { ...campaignRoute, sampleBody: {} } },
        schema: { tags, summary, params: ZIdParams, body: z.object({}).strict().optional(), response: { [code]: ZEmailCampaign } },
      },
      async (req, reply) => reply.code(code).send(wire.campaign(await act(tenantOf(req, runtime), req.params.id))),
    );
  control(
    'send',
    'Send now (202, `active`): checked first (content, merge fields, unsubscribe link, postal address, sender); recipients resolved, then sent in the background',
    (tenant, id) => sendCampaign(runtime, tenant, id),
    202,
  );
  control('unschedule', 'Back to draft: a scheduled campaign is not sent at its time', (tenant, id) => unscheduleCampaign(tenant, id));
  control('pause', 'Pause a send (takes effect within seconds; messages in flight finish)', (tenant, id) => pauseCampaign(tenant, id));
  control('resume', 'Resume a paused send', (tenant, id) => resumeCampaign(runtime, tenant, id));
  control('cancel', 'Stop for good: what was sent stays, the rest is not sent (completed, with canceled_at)', (tenant, id) => cancelCampaign(tenant, id));

  app.post(
    `${BASE}/:id/schedule`,
    {
      config: { tenant: { ...campaignRoute, sampleBody: { scheduled_at: '2030-01-01T09:00:00Z' } } },
      schema: {
        tags,
        summary: 'Schedule the send (checked now as a send is)',
        params: ZIdParams,
        body: ZEmailCampaignScheduleBody,
        response: { 200: ZEmailCampaign },
      },
    },
    async (req) => wire.campaign(await scheduleCampaign(runtime, tenantOf(req, runtime), req.params.id, new Date(req.body.scheduled_at))),
  );

  app.post(
    `${BASE}/:id/ab-test/winner`,
    {
      config: { tenant: { ...campaignRoute, sampleBody: { variant: 'A' } } },
      schema: {
        tags,
        summary: "Pick an A/B test's winner by hand (during the test, or after a blocked decision): it goes to the rest at once",
        params: ZIdParams,
        body: ZAbWinnerBody,
        response: { 200: ZEmailCampaign },
      },
    },
    async (req) => {
      const campaign = await getCampaign(tenantOf(req, runtime), req.params.id);
      return wire.campaign(await pickWinner(runtime, campaign, req.body.variant));
    },
  );

  app.post(
    `${BASE}/:id/preview`,
    {
      config: { tenant: { ...campaignRoute, sampleBody: {} } },
      schema: {
        tags,
        summary: 'The message as a lead (or a made-up one) would receive it',
        params: ZIdParams,
        body: ZEmailCampaignPreviewBody,
        response: { 200: ZEmailCampaignPreview },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return previewCampaign(runtime, tenant, await getCampaign(tenant, req.params.id), req.body?.lead_id);
    },
  );

  app.post(
    `${BASE}/:id/test`,
    {
      config: { tenant: { ...campaignRoute, sampleBody: { emails: ['test@example.com'] } } },
      schema: {
        tags,
        summary: 'Send real test messages to up to 5 addresses (subject marked [Test], no tracking)',
        params: ZIdParams,
        body: ZEmailCampaignTestBody,
        response: { 202: z.null() },
      },
    },
    async (req, reply) => {
      const tenant = tenantOf(req, runtime);
      await sendTestMessages(runtime, tenant, await getCampaign(tenant, req.params.id), req.body.emails, req.body.lead_id);
      return reply.code(202).send(null);
    },
  );

  app.get(
    '/api/marketing/email-subscriptions',
    {
      schema: {
        tags,
        summary: "How the workspace's leads stand for email, and its suppressed addresses by reason",
        response: { 200: ZEmailSubscriptionSummary },
      },
    },
    async (req) => subscriptionSummary(tenantOf(req, runtime)),
  );
  const SUPPRESSIONS = '/api/marketing/email-suppressions';
  const suppression = (row: Awaited<ReturnType<typeof suppressAddress>>) => ({
    id: row.id,
    email: row.email,
    reason: row.reason,
    detail: row.detail,
    campaign_id: row.campaign_id,
    created_at: iso(row.created_at),
  });
  app.get(
    SUPPRESSIONS,
    {
      schema: {
        tags,
        summary: 'Addresses never mailed again: bounces, complaints, blocked by hand',
        response: { 200: z.object({ items: z.array(ZEmailSuppression) }) },
      },
    },
    async (req) => ({
      items: (await listSuppressions(tenantOf(req, runtime))).map(suppression),
    }),
  );
  app.post(
    SUPPRESSIONS,
    { schema: { tags, summary: 'Block an address by hand', body: ZEmailSuppressionBody, response: { 201: ZEmailSuppression } } },
    async (req, reply) => reply.code(201).send(suppression(await suppressAddress(tenantOf(req, runtime), req.body))),
  );
  app.delete(
    `${SUPPRESSIONS}/:id`,
    {
      config: { tenant: { table: 'email_suppressions' } },
      schema: { tags, summary: 'Take an address off the list (it will be mailed again)', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await restoreAddress(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${BASE}/stats`,
    { schema: { tags, summary: "The workspace's email totals and average rates over campaigns that sent", response: { 200: ZEmailStats } } },
    async (req) => workspaceEmailStats(tenantOf(req, runtime)),
  );

  app.get(
    `${BASE}/:id/report`,
    {
      config: { tenant: campaignRoute },
      schema: {
        tags,
        summary: 'What the campaign did: sends, deliveries, opens, clicks, bounces, per link and per hour',
        params: ZIdParams,
        response: { 200: ZEmailCampaignReport },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return campaignReport(tenant, await getCampaign(tenant, req.params.id));
    },
  );

  app.get(
    `${BASE}/:id/report/recipients`,
    {
      config: { tenant: campaignRoute },
      schema: {
        tags,
        summary: 'The recipients and their state, by state, in pages',
        params: ZIdParams,
        querystring: ZEmailRecipientsQuery,
        response: { 200: ZEmailRecipientList },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const { rows, nextCursor } = await campaignRecipientsReport(tenant, await getCampaign(tenant, req.params.id), req.query);
      return { items: rows.map(wire.recipient), next_cursor: nextCursor };
    },
  );
}
