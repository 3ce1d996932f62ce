import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZPageAbApplyWinnerBody,
  ZPageAbTestParams,
  ZPageAbTestState,
  ZPageAbTestUpdateBody,
  ZPageVariant,
  PAGE_CONTENT_BODY_LIMIT_BYTES,
  ZPageVariantCreateBody,
  ZPageVariantParams,
  ZPageVariantUpdateBody,
} from '../../../contracts/funnels.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { FUNNELS_BASE } from '../funnels.routes.js';
import {
  applyWinner,
  createVariant,
  deleteAbTest,
  deleteVariant,
  getAbTest,
  getVariant,
  publishAbVariants,
  startAbTest,
  stopAbTest,
  updateAbTest,
  updateVariant,
} from './page-ab.service.js';

const tags = ['funnels'];
/** Funnel, page and variant ids: checked across workspaces in page-ab-test.test.ts ("tenant isolation"). */
const ids = { optOut: 'funnel, page (and variant) ids, checked across workspaces in funnels/ab/page-ab-test.test.ts' };
const BASE = `${FUNNELS_BASE}/:id/pages/:pageId/ab-test`;

/** A page's A/B test: variants, start and stop, numbers and decision, the winner applied. */
export function pageAbTestRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    BASE,
    {
      config: { tenant: ids },
      schema: {
        tags,
        summary: "A page's A/B test (null without one): variants, per-variant numbers, intervals, chances to beat the page, the verdict",
        params: ZPageAbTestParams,
        response: { 200: ZPageAbTestState },
      },
    },
    async (req) => getAbTest(tenantOf(req, runtime), req.params.id, req.params.pageId),
  );

  app.patch(
    BASE,
    {
      config: { tenant: ids },
      schema: { tags, summary: 'Change the test (auto_apply)', params: ZPageAbTestParams, body: ZPageAbTestUpdateBody, response: { 200: ZPageAbTestState } },
    },
    async (req) => updateAbTest(tenantOf(req, runtime), req.params.id, req.params.pageId, req.body),
  );

  app.delete(
    BASE,
    {
      config: { tenant: ids },
      schema: { tags, summary: 'Delete the test and its variants (not while it runs)', params: ZPageAbTestParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteAbTest(tenantOf(req, runtime), req.params.id, req.params.pageId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/variants`,
    {
      config: { tenant: ids },
      schema: {
        tags,
        summary: 'Add a variant: a copy of the page as it is now (the first one creates the test)',
        params: ZPageAbTestParams,
        body: ZPageVariantCreateBody,
        response: { 201: ZPageVariant },
      },
    },
    async (req, reply) => reply.code(201).send(await createVariant(tenantOf(req, runtime), req.params.id, req.params.pageId, req.body)),
  );

  app.get(
    `${BASE}/variants/:variantId`,
    {
      config: { tenant: ids },
      schema: { tags, summary: 'One variant with its content (for the builder)', params: ZPageVariantParams, response: { 200: ZPageVariant } },
    },
    async (req) => getVariant(tenantOf(req, runtime), req.params.id, req.params.pageId, req.params.variantId),
  );

  app.patch(
    `${BASE}/variants/:variantId`,
    {
      bodyLimit: PAGE_CONTENT_BODY_LIMIT_BYTES,
      config: { tenant: ids },
      schema: {
        tags,
        summary: "Change a variant's name, weight (not while running) or content (B to E; live at the next publication)",
        params: ZPageVariantParams,
        body: ZPageVariantUpdateBody,
        response: { 200: ZPageVariant },
      },
    },
    async (req) => updateVariant(tenantOf(req, runtime), req.params.id, req.params.pageId, req.params.variantId, req.body),
  );

  app.delete(
    `${BASE}/variants/:variantId`,
    {
      config: { tenant: ids },
      schema: { tags, summary: 'Delete a variant (not the page; not while running)', params: ZPageVariantParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteVariant(tenantOf(req, runtime), req.params.id, req.params.pageId, req.params.variantId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/start`,
    {
      config: { tenant: ids },
      schema: {
        tags,
        summary: 'Start the test: its variants are published and served to visitors',
        params: ZPageAbTestParams,
        response: { 200: ZPageAbTestState },
      },
    },
    async (req) => startAbTest(runtime, tenantOf(req, runtime), req.params.id, req.params.pageId),
  );

  app.post(
    `${BASE}/publish`,
    {
      config: { tenant: ids },
      schema: {
        tags,
        summary: "Publish the running test's variants as they are now (a variant edited during the test)",
        params: ZPageAbTestParams,
        response: { 200: ZPageAbTestState },
      },
    },
    async (req) => publishAbVariants(runtime, tenantOf(req, runtime), req.params.id, req.params.pageId),
  );

  app.post(
    `${BASE}/stop`,
    {
      config: { tenant: ids },
      schema: {
        tags,
        summary: 'Stop the test without a decision (everyone sees the page again)',
        params: ZPageAbTestParams,
        response: { 200: ZPageAbTestState },
      },
    },
    async (req) => stopAbTest(tenantOf(req, runtime), req.params.id, req.params.pageId),
  );

  app.post(
    `${BASE}/apply-winner`,
    {
      config: { tenant: ids },
      schema: {
        tags,
        summary: "Apply a variant: its content becomes the page's, the test ends, a published page is published again",
        params: ZPageAbTestParams,
        body: ZPageAbApplyWinnerBody,
        response: { 200: ZPageAbTestState },
      },
    },
    async (req) => applyWinner(runtime, tenantOf(req, runtime), req.params.id, req.params.pageId, req.body.variant_id, 'manual'),
  );
}
