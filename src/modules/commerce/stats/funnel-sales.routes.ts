import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZFunnelSales, ZFunnelSalesParams, ZFunnelSalesQuery } from '../../../contracts/commerce-stats.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { funnelSales } from './funnel-sales.service.js';

const tags = ['orders'];

/** A funnel's sales statistics (any member, viewers included, as the funnel's other statistics). */
export function funnelSalesRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/funnels/:funnelId/sales',
    {
      config: { tenant: { table: 'funnels' } },
      schema: {
        tags,
        summary:
          "A funnel's sales over a range of days (workspace time zone): sales, revenue net of refunds, average order, earnings per visitor, order bump and offer take rates, per step, UTM source and day",
        params: ZFunnelSalesParams,
        querystring: ZFunnelSalesQuery,
        response: { 200: ZFunnelSales },
      },
    },
    async (req) => funnelSales(tenantOf(req, runtime), req.params.funnelId, req.query),
  );
}
