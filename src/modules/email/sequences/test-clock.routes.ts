import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZTimestamp } from '../../../contracts/common.js';
import { advanceBusinessClock } from '../../../platform/clock.js';
import type { Runtime } from '../../../platform/runtime.js';
import { runDueSteps } from './sequence-engine.js';

/**
 * POST /api/test/clock: moves the sequences' clock on and runs the steps now due, for the end-to-end journeys (a
 * two-day wait in a second). Mounted only when the process runs with TEST_CLOCK=1, which the configuration refuses
 * in production; absent otherwise (404, and not in the OpenAPI document).
 */
export function testClockRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  if (!runtime.config.testClock) return;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/test/clock',
    {
      schema: {
        tags: ['test'],
        summary: 'Test only (TEST_CLOCK=1): move the business clock on and run due sequence steps',
        body: z.strictObject({
          advance_minutes: z
            .number()
            .int()
            .min(0)
            .max(60 * 24 * 366),
        }),
        response: { 200: z.object({ now: ZTimestamp, moved: z.number().int() }) },
      },
    },
    async (req) => {
      const now = advanceBusinessClock(req.body.advance_minutes * 60_000);
      const moved = await runDueSteps(runtime, { now, budgetMs: 20_000 });
      return { now: now.toISOString(), moved };
    },
  );
}
