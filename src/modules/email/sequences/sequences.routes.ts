import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import { ZEmailCampaign } from '../../../contracts/email-campaigns.js';
import {
  ZEnrollBody,
  ZEnrollment,
  ZEnrollmentList,
  ZEnrollmentListQuery,
  ZEnrollmentParams,
  ZSequence,
  ZSequenceCreateBody,
  ZSequenceEmailBody,
  ZSequenceList,
  ZSequenceListQuery,
  ZSequenceReport,
  ZSequenceUpdateBody,
} from '../../../contracts/email-sequences.js';
import { businessNow } from '../../../platform/clock.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { authOf, tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import * as campaignWire from '../email-campaigns.wire.js';
import { enrollByHand, listEnrollments, removeEnrollment } from './sequence-enrollments.service.js';
import { nudgeSequenceSteps } from './sequence.jobs.js';
import { sequenceReport, sequenceTotals } from './sequence-report.service.js';
import {
  activateSequence,
  createSequence,
  createSequenceEmail,
  deleteSequence,
  getSequence,
  listSequences,
  pauseSequence,
  updateSequence,
  type TSequenceRow,
} from './sequences.service.js';
import * as wire from './sequences.wire.js';

const tags = ['email'];
const sequenceRoute = { table: 'email_sequences' };
const BASE = '/api/marketing/sequences';

async function withTotals(tenant: Tenant, row: TSequenceRow) {
  return wire.sequence(row, (await sequenceTotals(tenant, [row.id])).get(row.id));
}

/** Email sequences (drips): their steps, life, enrollments and report. */
export function sequenceRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(BASE, { schema: { tags, summary: 'Create a draft sequence', body: ZSequenceCreateBody, response: { 201: ZSequence } } }, async (req, reply) => {
    const tenant = tenantOf(req, runtime);
    return reply.code(201).send(await withTotals(tenant, await createSequence(tenant, authOf(req), req.body)));
  });

  app.get(
    BASE,
    { schema: { tags, summary: 'Sequences, newest first, with their numbers', querystring: ZSequenceListQuery, response: { 200: ZSequenceList } } },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const { rows, nextCursor } = await listSequences(tenant, req.query);
      const totals = await sequenceTotals(
        tenant,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => wire.sequence(r, totals.get(r.id))), next_cursor: nextCursor };
    },
  );

  app.get(
    `${BASE}/:id`,
    { config: { tenant: sequenceRoute }, schema: { tags, summary: 'One sequence with its steps', params: ZIdParams, response: { 200: ZSequence } } },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return withTotals(tenant, await getSequence(tenant, req.params.id));
    },
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { tenant: { ...sequenceRoute, sampleBody: { name: 'Nouveau nom' } } },
      schema: {
        tags,
        summary: 'Change a sequence (live: leads at a removed step move to the next step that remains)',
        params: ZIdParams,
        body: ZSequenceUpdateBody,
        response: { 200: ZSequence },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return withTotals(tenant, await updateSequence(tenant, req.params.id, req.body));
    },
  );

  app.delete(
    `${BASE}/:id`,
    {
      config: { tenant: sequenceRoute },
      schema: { tags, summary: 'Delete a sequence that is not active, with its emails and enrollments', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteSequence(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/:id/activate`,
    {
      config: { tenant: { ...sequenceRoute, sampleBody: {} } },
      schema: { tags, summary: 'Start or resume the steps (each email checked as a send is)', params: ZIdParams, response: { 200: ZSequence } },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const row = await activateSequence(runtime, tenant, req.params.id);
      await nudgeSequenceSteps(runtime);
      return withTotals(tenant, row);
    },
  );

  app.post(
    `${BASE}/:id/pause`,
    {
      config: { tenant: { ...sequenceRoute, sampleBody: {} } },
      schema: { tags, summary: 'Stop the steps; enrolled leads wait where they are', params: ZIdParams, response: { 200: ZSequence } },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return withTotals(tenant, await pauseSequence(tenant, req.params.id));
    },
  );

  app.post(
    `${BASE}/:id/emails`,
    {
      config: { tenant: { ...sequenceRoute, sampleBody: {} } },
      schema: {
        tags,
        summary: "A new email of the sequence (edit it with the campaigns' editor; an email step names its id)",
        params: ZIdParams,
        body: ZSequenceEmailBody,
        response: { 201: ZEmailCampaign },
      },
    },
    async (req, reply) =>
      reply.code(201).send(campaignWire.campaign(await createSequenceEmail(tenantOf(req, runtime), authOf(req), req.params.id, req.body?.name))),
  );

  app.get(
    `${BASE}/:id/enrollments`,
    {
      config: { tenant: sequenceRoute },
      schema: {
        tags,
        summary: "The sequence's leads, newest first: state, current step and when it runs",
        params: ZIdParams,
        querystring: ZEnrollmentListQuery,
        response: { 200: ZEnrollmentList },
      },
    },
    async (req) => {
      const { rows, nextCursor } = await listEnrollments(tenantOf(req, runtime), req.params.id, req.query);
      return { items: rows.map((r) => wire.enrollment(r.enrollment, r.lead)), next_cursor: nextCursor };
    },
  );

  app.post(
    `${BASE}/:id/enrollments`,
    {
      config: { tenant: { ...sequenceRoute, sampleBody: { lead_id: '00000000-0000-4000-8000-000000000000' } } },
      schema: {
        tags,
        summary: 'Enroll a lead (409 when already in it or kept out by the re-entry rule)',
        params: ZIdParams,
        body: ZEnrollBody,
        response: { 201: ZEnrollment },
      },
    },
    async (req, reply) => {
      const tenant = tenantOf(req, runtime);
      const { row, lead } = await enrollByHand(tenant, req.params.id, req.body.lead_id, businessNow());
      await nudgeSequenceSteps(runtime);
      return reply.code(201).send(wire.enrollment(row, { first_name: lead.first_name, last_name: lead.last_name, email: lead.email }));
    },
  );

  app.delete(
    `${BASE}/:id/enrollments/:lead_id`,
    {
      // Two ids (sequence, lead): the isolation test fills both with one id; sequences.test.ts checks this route across workspaces.
      config: { tenant: { optOut: 'two ids (sequence and lead), checked across workspaces in sequences.test.ts' } },
      schema: { tags, summary: 'Take a lead out of the sequence (exit reason: manual)', params: ZEnrollmentParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeEnrollment(tenantOf(req, runtime), req.params.id, req.params.lead_id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${BASE}/:id/report`,
    {
      config: { tenant: sequenceRoute },
      schema: { tags, summary: 'Numbers per sequence and per step', params: ZIdParams, response: { 200: ZSequenceReport } },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return sequenceReport(tenant, await getSequence(tenant, req.params.id));
    },
  );
}
