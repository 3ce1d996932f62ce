import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

import {
  ZAdGenerateBody,
  ZAiGenerationList,
  ZAiGenerationListQuery,
  ZEmailGenerateBody,
  ZFunnelGenerateBody,
  ZGeneratedAdCampaign,
  ZGeneratedEmailCampaign,
  ZGeneratedFunnel,
  ZRegenerateBody,
  ZRegenerateResult,
  type TAiLanguage,
  type TAiTone,
} from '../../../contracts/ai.js';
import { ZIdParams } from '../../../contracts/common.js';
import { authOf, tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TGenerated, TGenerationDeps } from '../ai-context.js';
import { generateAdCampaign } from '../ads/ad-generation.service.js';
import { generateEmailCampaign } from '../email/email-generation.service.js';
import { generateFunnel } from '../funnels/funnel-generation.service.js';
import { resolveWriter } from '../provider/resolve-writer.js';
import { streamGeneration, wantsEventStream, type TProgress } from './event-stream.js';
import { checkGenerationLimits, generationsOf, generationWire, recordGeneration, type TGenerationRow } from './generations.service.js';
import { regenerate } from './regenerate.service.js';
import { writeContextOf } from './write-context.js';

const tags = ['ai'];
const generationRoute = { table: 'ai_generations' };

/**
 * The spec's three generation endpoints (paths and bodies kept), regeneration of one part, and a target's generations.
 * Each answers 201 with the draft once it is saved, or streams progress with `Accept: text/event-stream`.
 */
export function aiGenerationRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/marketing/funnels/generate',
    {
      schema: {
        tags,
        summary: 'Generate a draft funnel of the given type (a webinar funnel has 7 pages) from a brief; streams progress with Accept: text/event-stream',
        body: ZFunnelGenerateBody,
        response: { 201: ZGeneratedFunnel },
      },
    },
    async (req, reply) => {
      const start = await startGeneration(runtime, req, req.body);
      const run = (progress: TProgress) => finish(start, 'funnel', req.body, progress, (deps) => generateFunnel(deps, req.body));
      if (wantsEventStream(req)) return streamGeneration(req, reply, run);
      return reply.code(201).send(await run(() => {}));
    },
  );

  app.post(
    '/api/marketing/email-campaigns/generate',
    {
      schema: {
        tags,
        summary: 'Generate a draft email campaign (subject and 3 alternatives, content, text version, suggested segment) from a brief',
        body: ZEmailGenerateBody,
        response: { 201: ZGeneratedEmailCampaign },
      },
    },
    async (req, reply) => {
      const start = await startGeneration(runtime, req, req.body);
      const run = (progress: TProgress) => finish(start, 'email', req.body, progress, (deps) => generateEmailCampaign(deps, req.body));
      if (wantsEventStream(req)) return streamGeneration(req, reply, run);
      return reply.code(201).send(await run(() => {}));
    },
  );

  app.post(
    '/api/marketing/ads/generate',
    {
      schema: {
        tags,
        summary: 'Generate a draft ad campaign with 5 copy variants, 3 visuals, suggested audiences and a budget plan',
        body: ZAdGenerateBody,
        response: { 201: ZGeneratedAdCampaign },
      },
    },
    async (req, reply) => {
      const start = await startGeneration(runtime, req, req.body);
      const run = (progress: TProgress) => finish(start, 'ad', req.body, progress, (deps) => generateAdCampaign(deps, req.body));
      if (wantsEventStream(req)) return streamGeneration(req, reply, run);
      return reply.code(201).send(await run(() => {}));
    },
  );

  app.get(
    '/api/marketing/ai/generations',
    {
      schema: {
        tags,
        summary: 'The generations that made a funnel, an email or an ad campaign, latest first',
        querystring: ZAiGenerationListQuery,
        response: { 200: ZAiGenerationList },
      },
    },
    async (req) => ({ items: (await generationsOf(tenantOf(req, runtime), req.query.target_id)).map(generationWire) }),
  );

  app.post(
    '/api/marketing/ai/generations/:id/regenerate',
    {
      config: { tenant: { ...generationRoute, sampleBody: { part: 'email' } } },
      schema: {
        tags,
        summary: "Rewrite one part of a generation's draft: a funnel page, the email, or an ad variant",
        params: ZIdParams,
        body: ZRegenerateBody,
        response: { 200: ZRegenerateResult },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const auth = authOf(req);
      await checkGenerationLimits(runtime, tenant, auth.user_id);
      return regenerate(runtime, tenant, auth, req.params.id, req.body);
    },
  );
}

type TStart = Omit<TGenerationDeps, 'progress'>;

/** The checks and reads every generation starts with, before a stream opens (so a refusal is a plain HTTP error). */
async function startGeneration(runtime: Runtime, req: FastifyRequest, brief: { language?: TAiLanguage; tone?: TAiTone }): Promise<TStart> {
  const tenant = tenantOf(req, runtime);
  const actor = authOf(req);
  await checkGenerationLimits(runtime, tenant, actor.user_id);
  const writer = await resolveWriter(runtime, tenant);
  const ctx = await writeContextOf(runtime, tenant, brief, brief);
  return { runtime, tenant, actor, writer, ctx };
}

/** Writes the draft, keeps the generation, and answers the draft with the generation's id. */
async function finish<TOutput extends object, TBody extends object>(
  start: TStart,
  kind: TGenerationRow['kind'],
  brief: object,
  progress: TProgress,
  generate: (deps: TGenerationDeps) => Promise<TGenerated<TOutput, TBody>>,
): Promise<TBody & { generation_id: string }> {
  const generated = await generate({ ...start, progress });
  const row = await recordGeneration(start.tenant, {
    kind,
    userId: start.actor.user_id,
    writer: start.writer ? 'model' : 'builtin',
    model: start.writer?.model ?? null,
    targetId: generated.targetId,
    brief,
    output: generated.output,
  });
  return { ...generated.body, generation_id: row.id };
}
