import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDashboard, ZDashboardQuery } from '../../contracts/dashboard.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { dashboard } from './dashboard.service.js';

const tags = ['dashboard'];

/** The home page's numbers: /api/marketing/dashboard (any member, viewers included). */
export function dashboardRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/dashboard',
    {
      schema: {
        tags,
        summary:
          'New leads and sources, won revenue and win rate, sales, funnel visitors and opt-ins, email opens and clicks, ad spend and ROAS over time, pipeline by stage, tasks due, recent activity, for a period compared with the previous one',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (req) => dashboard(tenantOf(req, runtime), { period: req.query.period, userId: authOf(req).user_id }),
  );
}
