import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZCrmSettings,
  ZCrmSettingsUpdateBody,
  ZScoreExplanation,
  ZScoringRule,
  ZScoringRuleCreateBody,
  ZScoringRuleUpdateBody,
} from '../../../contracts/crm-scoring.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { readCrmSettings, updateCrmSettings } from '../settings/crm-settings.service.js';
import { queueScoreRecalculation } from './scoring.jobs.js';
import { explainScore } from './score-explanation.service.js';
import { createScoringRule, deleteScoringRule, listScoringRules, updateScoringRule } from './scoring-rules.service.js';
import * as wire from './scoring.wire.js';

const tags = ['crm'];
const ruleRoute = { table: 'scoring_rules' };

/** Lead scoring rules, CRM settings (half-life, round-robin, stage probabilities) and the explanation of a lead's score. */
export function scoringRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/scoring-rules',
    { schema: { tags, summary: 'Scoring rules of the workspace', response: { 200: z.array(ZScoringRule) } } },
    async (req) => (await listScoringRules(tenantOf(req, runtime))).map(wire.scoringRule),
  );

  app.post(
    '/api/marketing/scoring-rules',
    {
      schema: {
        tags,
        summary: 'Add a scoring rule (event rules need event_type, fit rules a condition); scores are recalculated in the background',
        body: ZScoringRuleCreateBody,
        response: { 201: ZScoringRule },
      },
    },
    async (req, reply) => reply.code(201).send(wire.scoringRule(await createScoringRule(tenantOf(req, runtime), runtime.queue, req.body))),
  );

  app.patch(
    '/api/marketing/scoring-rules/:id',
    {
      config: { tenant: { ...ruleRoute, sampleBody: { points: 1 } } },
      schema: {
        tags,
        summary: 'Change a scoring rule; scores are recalculated in the background',
        params: ZIdParams,
        body: ZScoringRuleUpdateBody,
        response: { 200: ZScoringRule },
      },
    },
    async (req) => wire.scoringRule(await updateScoringRule(tenantOf(req, runtime), runtime.queue, req.params.id, req.body)),
  );

  app.delete(
    '/api/marketing/scoring-rules/:id',
    { config: { tenant: ruleRoute }, schema: { tags, summary: 'Delete a scoring rule', params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteScoringRule(tenantOf(req, runtime), runtime.queue, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/marketing/crm-settings',
    {
      schema: { tags, summary: 'CRM settings: score half-life, round-robin assignment, win probability per stage (percent)', response: { 200: ZCrmSettings } },
    },
    async (req) => readCrmSettings(tenantOf(req, runtime)),
  );

  app.patch(
    '/api/marketing/crm-settings',
    {
      schema: {
        tags,
        summary: 'Change the CRM settings (a new half-life recalculates scores in the background; stage_probabilities may list some open stages only)',
        body: ZCrmSettingsUpdateBody,
        response: { 200: ZCrmSettings },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const { settings, halfLifeChanged } = await updateCrmSettings(tenant, req.body);
      if (halfLifeChanged) await queueScoreRecalculation(runtime.queue, tenant.workspaceId, 'settings_changed');
      return settings;
    },
  );

  app.get(
    '/api/marketing/leads/:id/score',
    {
      config: { tenant: { table: 'leads' } },
      schema: {
        tags,
        summary: 'Why the lead has its score: matched fit rules, scored events (decayed), recent changes',
        params: ZIdParams,
        response: { 200: ZScoreExplanation },
      },
    },
    async (req) => explainScore(tenantOf(req, runtime), req.params.id),
  );
}
