import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZPriceCreateBody,
  ZPriceUpdateBody,
  ZProduct,
  ZProductCreateBody,
  ZProductDuplicateBody,
  ZProductList,
  ZProductListQuery,
  ZProductPriceParams,
  ZProductUpdateBody,
} from '../../../contracts/commerce-products.js';
import { ZIdParams } from '../../../contracts/common.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { addPrice, updatePrice } from './product-prices.service.js';
import { createProduct, deleteProduct, duplicateProduct, getProduct, listProducts, updateProduct } from './products.service.js';
import * as wire from './products.wire.js';

const tags = ['products'];
const productRoute = { table: 'products' };
const twoIds = { optOut: 'two ids (product and price), checked across workspaces in products.test.ts' };
export const PRODUCTS_BASE = '/api/marketing/products';
const samplePrice = { kind: 'one_time', amount_cents: 4900 };

/**
 * Products and their prices. Like funnels: viewers read, members and above write (a product is sold by the funnels
 * members build).
 */
export function productsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const publicUrl = runtime.config.publicUrl;

  app.get(
    PRODUCTS_BASE,
    {
      schema: {
        tags,
        summary: 'Products, newest first, with their prices (filter by status, search by name)',
        querystring: ZProductListQuery,
        response: { 200: ZProductList },
      },
    },
    async (req) => {
      const { items, nextCursor } = await listProducts(tenantOf(req, runtime), req.query);
      return { items: items.map((item) => wire.product(item, publicUrl)), next_cursor: nextCursor };
    },
  );

  app.post(
    PRODUCTS_BASE,
    {
      schema: {
        tags,
        summary: 'Create a product with its prices (at least one; amounts in cents)',
        body: ZProductCreateBody,
        response: { 201: ZProduct },
      },
    },
    async (req, reply) => reply.code(201).send(wire.product(await createProduct(tenantOf(req, runtime), req.body), publicUrl)),
  );

  app.get(
    `${PRODUCTS_BASE}/:id`,
    { config: { tenant: productRoute }, schema: { tags, summary: 'One product with its prices', params: ZIdParams, response: { 200: ZProduct } } },
    async (req) => wire.product(await getProduct(tenantOf(req, runtime), req.params.id), publicUrl),
  );

  app.patch(
    `${PRODUCTS_BASE}/:id`,
    {
      config: { tenant: { ...productRoute, sampleBody: { name: 'Nouveau nom' } } },
      schema: {
        tags,
        summary: 'Change a product: name, description, image, status (archive), tax handling',
        params: ZIdParams,
        body: ZProductUpdateBody,
        response: { 200: ZProduct },
      },
    },
    async (req) => wire.product(await updateProduct(tenantOf(req, runtime), req.params.id, req.body), publicUrl),
  );

  app.delete(
    `${PRODUCTS_BASE}/:id`,
    {
      config: { tenant: productRoute },
      schema: {
        tags,
        summary: 'Delete a product never sold, with its prices (a product sold is archived instead: 409 product_sold)',
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteProduct(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${PRODUCTS_BASE}/:id/duplicate`,
    {
      config: { tenant: { ...productRoute, sampleBody: {} } },
      schema: {
        tags,
        summary: 'Copy a product with its active prices ("<name> (copie)" unless named)',
        params: ZIdParams,
        body: ZProductDuplicateBody,
        response: { 201: ZProduct },
      },
    },
    async (req, reply) => reply.code(201).send(wire.product(await duplicateProduct(tenantOf(req, runtime), req.params.id, req.body.name), publicUrl)),
  );

  app.post(
    `${PRODUCTS_BASE}/:id/prices`,
    {
      config: { tenant: { ...productRoute, sampleBody: samplePrice } },
      schema: {
        tags,
        summary: 'Add a price (prices are never edited: to change an amount, add a price and archive the old one)',
        params: ZIdParams,
        body: ZPriceCreateBody,
        response: { 201: ZProduct },
      },
    },
    async (req, reply) => reply.code(201).send(wire.product(await addPrice(tenantOf(req, runtime), req.params.id, req.body), publicUrl)),
  );

  app.patch(
    `${PRODUCTS_BASE}/:id/prices/:priceId`,
    {
      config: { tenant: twoIds },
      schema: {
        tags,
        summary: "Rename, archive or restore a price, or make it the product's default (its amount never changes)",
        params: ZProductPriceParams,
        body: ZPriceUpdateBody,
        response: { 200: ZProduct },
      },
    },
    async (req) => wire.product(await updatePrice(tenantOf(req, runtime), req.params.id, req.params.priceId, req.body), publicUrl),
  );
}
