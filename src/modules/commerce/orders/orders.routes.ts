import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOrderDetail, ZOrderList, ZOrderListQuery, ZOrderRefundBody } from '../../../contracts/commerce-orders.js';
import { ZIdParams } from '../../../contracts/common.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { refundOrder } from './order-refunds.js';
import { cancelOrderSubscription } from './order-subscriptions.js';
import { getOrder, listOrders } from './orders.service.js';
import * as wire from './orders.wire.js';

const tags = ['orders'];
const orderRoute = { table: 'orders' };
export const ORDERS_BASE = '/api/marketing/orders';

/** Orders: viewers read, members and above refund and cancel subscriptions (as funnels: the team that sells). */
export function ordersRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    ORDERS_BASE,
    {
      schema: {
        tags,
        summary: "Orders, newest first (filter by status or funnel, search by part of the buyer's email)",
        querystring: ZOrderListQuery,
        response: { 200: ZOrderList },
      },
    },
    async (req) => {
      const { items, nextCursor } = await listOrders(tenantOf(req, runtime), req.query);
      return { items: items.map(wire.order), next_cursor: nextCursor };
    },
  );

  app.get(
    `${ORDERS_BASE}/:id`,
    { config: { tenant: orderRoute }, schema: { tags, summary: 'One order with its lines', params: ZIdParams, response: { 200: ZOrderDetail } } },
    async (req) => wire.orderDetail(await getOrder(tenantOf(req, runtime), req.params.id)),
  );

  app.post(
    `${ORDERS_BASE}/:id/refund`,
    {
      config: { tenant: { ...orderRoute, sampleBody: { amount_cents: 100 } } },
      schema: {
        tags,
        summary: 'Refund the whole remaining amount, or amount_cents of it, through the payment provider',
        params: ZIdParams,
        body: ZOrderRefundBody,
        response: { 200: ZOrderDetail },
      },
    },
    async (req) => wire.orderDetail(await refundOrder(runtime, tenantOf(req, runtime), req.params.id, req.body)),
  );

  app.post(
    `${ORDERS_BASE}/:id/cancel-subscription`,
    {
      config: { tenant: orderRoute },
      schema: {
        tags,
        summary: "Cancel the order's subscription now, through the payment provider (no refund: refunds stay separate)",
        description: 'Idempotent: a canceled subscription answers the order as it is. 409 order_not_subscription for a one-time order.',
        params: ZIdParams,
        response: { 200: ZOrderDetail },
      },
    },
    async (req) => wire.orderDetail(await cancelOrderSubscription(runtime, tenantOf(req, runtime), req.params.id)),
  );
}
