import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAiStatus, ZBrandKit, ZBrandKitBody, ZRewriteBody, ZRewriteResult } from '../../contracts/ai.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { getBrandKit, saveBrandKit } from './brand-kit/brand-kit.service.js';
import { checkGenerationLimits, recordGeneration } from './generations/generations.service.js';
import { writeContextOf } from './generations/write-context.js';
import { aiStatus } from './provider/ai-status.js';
import { resolveWriter } from './provider/resolve-writer.js';
import { rewriteText } from './rewrite/rewrite.service.js';

const tags = ['ai'];

/** The AI settings a workspace sees (which writer, usage, caps), its brand kit, and the editors' rewrite. */
export function aiRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/ai/status',
    {
      schema: {
        tags,
        summary: "Which writer the workspace's generations use (built-in or a model), and this month's usage and caps",
        response: { 200: ZAiStatus },
      },
    },
    async (req) => aiStatus(runtime, tenantOf(req, runtime)),
  );

  app.get('/api/marketing/ai/brand-kit', { schema: { tags, summary: 'The brand kit every generation uses', response: { 200: ZBrandKit } } }, async (req) =>
    getBrandKit(tenantOf(req, runtime), runtime.config.publicUrl),
  );

  app.put(
    '/api/marketing/ai/brand-kit',
    { schema: { tags, summary: 'Change the brand kit (only the fields sent)', body: ZBrandKitBody, response: { 200: ZBrandKit } } },
    async (req) => saveBrandKit(tenantOf(req, runtime), runtime.config.publicUrl, req.body),
  );

  app.post(
    '/api/marketing/ai/rewrite',
    {
      schema: {
        tags,
        summary: "The editors' text actions: rewrite, shorten, lengthen, change the tone, translate (French ↔ English; needs a model)",
        body: ZRewriteBody,
        response: { 200: ZRewriteResult },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const auth = authOf(req);
      await checkGenerationLimits(runtime, tenant, auth.user_id);
      const writer = await resolveWriter(runtime, tenant);
      const ctx = await writeContextOf(runtime, tenant, req.body, { text: req.body.text, action: req.body.action, at: Date.now() });
      const result = await rewriteText({ runtime, tenant, writer, ctx }, req.body);
      // Kept for the hourly limits; the text itself is the member's and is not stored.
      await recordGeneration(tenant, {
        kind: 'rewrite',
        userId: auth.user_id,
        writer: result.writer,
        model: writer?.model ?? null,
        targetId: null,
        brief: { action: req.body.action, tone: req.body.tone ?? null, language: req.body.language, length: req.body.text.length },
        output: { length: result.text.length },
      });
      return result;
    },
  );
}
