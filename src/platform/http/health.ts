import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../runtime.js';

const ZHealth = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['pglite', 'postgres']),
  detail: z.string().optional(),
});

/** GET /api/health: 200 when the database answers, 503 otherwise. */
export function registerHealthRoute(app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness and database check', response: { 200: ZHealth, 503: ZHealth } },
    },
    async (_request, reply) => {
      const database = runtime.database.kind;
      try {
        await withTimeout(runtime.database.raw.query('SELECT 1'), 3000);
        return { status: 'ok' as const, database };
      } catch (error) {
        return reply.code(503).send({ status: 'error' as const, database, detail: String(error) });
      }
    },
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
