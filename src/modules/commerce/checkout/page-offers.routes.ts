import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZFunnelOffers, ZPageOffer, ZPageOfferBody } from '../../../contracts/commerce-checkout.js';
import { ZIdParams } from '../../../contracts/common.js';
import { ZFunnelPageParams } from '../../../contracts/funnels.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { deletePageOffer, getPageOffer, listFunnelOffers, setPageOffer } from './page-offers.service.js';

const tags = ['funnels'];
const BASE = '/api/marketing/funnels';
const twoIds = { optOut: 'two ids (funnel and page), checked across workspaces in checkout.test.ts' };

/** What each step of a funnel sells: the order form's product and bump, an upsell's or downsell's product. */
export function pageOffersRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    `${BASE}/:id/offers`,
    {
      config: { tenant: { table: 'funnels' } },
      schema: {
        tags,
        summary: 'What each page of the funnel sells (pages that sell nothing are left out)',
        params: ZIdParams,
        response: { 200: ZFunnelOffers },
      },
    },
    async (req) => ({ items: await listFunnelOffers(tenantOf(req, runtime), req.params.id) }),
  );

  app.get(
    `${BASE}/:id/pages/:pageId/offer`,
    {
      config: { tenant: twoIds },
      schema: { tags, summary: 'What the page sells, or null', params: ZFunnelPageParams, response: { 200: ZPageOffer.nullable() } },
    },
    async (req) => getPageOffer(tenantOf(req, runtime), req.params.id, req.params.pageId),
  );

  app.put(
    `${BASE}/:id/pages/:pageId/offer`,
    {
      config: { tenant: twoIds },
      schema: {
        tags,
        summary: 'Set what the page sells: a one-time price, and on an order-form page an optional order bump',
        params: ZFunnelPageParams,
        body: ZPageOfferBody,
        response: { 200: ZPageOffer },
      },
    },
    async (req) => setPageOffer(tenantOf(req, runtime), req.params.id, req.params.pageId, req.body),
  );

  app.delete(
    `${BASE}/:id/pages/:pageId/offer`,
    { config: { tenant: twoIds }, schema: { tags, summary: 'The page sells nothing any more', params: ZFunnelPageParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deletePageOffer(tenantOf(req, runtime), req.params.id, req.params.pageId);
      return reply.code(204).send(null);
    },
  );
}
