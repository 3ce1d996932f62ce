import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { ZIdParams } from '../../contracts/common.js';
import {
  ZFunnel,
  ZFunnelCreateBody,
  ZFunnelDuplicateBody,
  ZFunnelFromTemplateBody,
  ZFunnelList,
  ZFunnelListQuery,
  ZFunnelPage,
  PAGE_CONTENT_BODY_LIMIT_BYTES,
  ZFunnelPageCreateBody,
  ZFunnelPageList,
  ZFunnelPageParams,
  ZFunnelPageReorderBody,
  ZFunnelPageUpdateBody,
  ZFunnelStats,
  ZFunnelStatsQuery,
  ZFunnelTemplateList,
  ZFunnelTemplateListQuery,
  ZFunnelUpdateBody,
} from '../../contracts/funnels.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { funnelStats } from './analytics/funnel-stats.service.js';
import { duplicateFunnel } from './funnel-copy.service.js';
import { createFromTemplate, listTemplates, templateFirstPage } from './funnel-templates.service.js';
import { renderPage } from './publishing/render-page.js';
import { createPage, deletePage, getPage, listPages, reorderPages, updatePage } from './funnel-pages.service.js';
import { createFunnel, deleteFunnel, funnelExtras, getFunnel, listFunnels, updateFunnel, type TFunnelRow } from './funnels.service.js';
import * as wire from './funnels.wire.js';
import { publishFunnel, unpublishFunnel } from './publishing/publish.service.js';

const tags = ['funnels'];
const funnelRoute = { table: 'funnels' };
const twoIds = { optOut: 'two ids (funnel and page), checked across workspaces in funnels.test.ts' };
export const FUNNELS_BASE = '/api/marketing/funnels';
/** A template's preview: no script, an opaque origin, images and fonts inline or from the media library. */
const templatePreviewCsp = (publicUrl: string) =>
  `sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https: ${new URL(publicUrl).origin}; font-src data:; frame-ancestors 'self'`;

/** A funnel as the API shows it (its page count and first public address read with it). */
export async function funnelWire(runtime: Runtime, tenant: Tenant, row: TFunnelRow) {
  return wire.funnel(row, (await funnelExtras(tenant, [row.id])).get(row.id), runtime.config.publicUrl);
}

/** Sales funnels and their pages. */
export function funnelsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const publicUrl = runtime.config.publicUrl;

  app.post(
    FUNNELS_BASE,
    { schema: { tags, summary: 'Create a funnel (no pages yet)', body: ZFunnelCreateBody, response: { 201: ZFunnel } } },
    async (req, reply) => {
      const tenant = tenantOf(req, runtime);
      return reply.code(201).send(await funnelWire(runtime, tenant, await createFunnel(tenant, authOf(req), req.body)));
    },
  );

  app.get(
    FUNNELS_BASE,
    { schema: { tags, summary: 'Funnels, newest first, with their totals', querystring: ZFunnelListQuery, response: { 200: ZFunnelList } } },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const { rows, nextCursor } = await listFunnels(tenant, req.query);
      const extras = await funnelExtras(
        tenant,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => wire.funnel(r, extras.get(r.id), publicUrl)), next_cursor: nextCursor };
    },
  );

  app.get(
    `${FUNNELS_BASE}/:id`,
    { config: { tenant: funnelRoute }, schema: { tags, summary: 'One funnel', params: ZIdParams, response: { 200: ZFunnel } } },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return funnelWire(runtime, tenant, await getFunnel(tenant, req.params.id));
    },
  );

  app.patch(
    `${FUNNELS_BASE}/:id`,
    {
      config: { tenant: { ...funnelRoute, sampleBody: { name: 'Nouveau nom' } } },
      schema: {
        tags,
        summary: 'Change a funnel (a new slug moves its public addresses)',
        params: ZIdParams,
        body: ZFunnelUpdateBody,
        response: { 200: ZFunnel },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return funnelWire(runtime, tenant, await updateFunnel(tenant, req.params.id, req.body));
    },
  );

  app.delete(
    `${FUNNELS_BASE}/:id`,
    { config: { tenant: funnelRoute }, schema: { tags, summary: 'Delete a funnel and its pages', params: ZIdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteFunnel(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${FUNNELS_BASE}/:id/duplicate`,
    {
      config: { tenant: { ...funnelRoute, sampleBody: {} } },
      schema: {
        tags,
        summary: 'Copy a funnel and its pages (unpublished, numbers at zero)',
        params: ZIdParams,
        body: ZFunnelDuplicateBody,
        response: { 201: ZFunnel },
      },
    },
    async (req, reply) => {
      const tenant = tenantOf(req, runtime);
      const copy = await duplicateFunnel(tenant, authOf(req), req.params.id, req.body.name);
      return reply.code(201).send(await funnelWire(runtime, tenant, copy));
    },
  );

  app.post(
    `${FUNNELS_BASE}/:id/publish`,
    {
      config: { tenant: { ...funnelRoute, sampleBody: {} } },
      schema: { tags, summary: 'Render every page as it is now and put the funnel online', params: ZIdParams, response: { 200: ZFunnel } },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return funnelWire(runtime, tenant, await publishFunnel(runtime, tenant, req.params.id));
    },
  );

  app.post(
    `${FUNNELS_BASE}/:id/unpublish`,
    {
      config: { tenant: { ...funnelRoute, sampleBody: {} } },
      schema: { tags, summary: 'Take the funnel offline (its addresses answer 404)', params: ZIdParams, response: { 200: ZFunnel } },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      return funnelWire(runtime, tenant, await unpublishFunnel(tenant, req.params.id));
    },
  );

  app.get(
    `${FUNNELS_BASE}/:id/pages`,
    {
      config: { tenant: funnelRoute },
      schema: { tags, summary: "A funnel's pages in order (without their content)", params: ZIdParams, response: { 200: ZFunnelPageList } },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const owner = await getFunnel(tenant, req.params.id);
      return { items: (await listPages(tenant, owner.id)).map((p) => wire.pageSummary(p, owner, publicUrl)) };
    },
  );

  app.post(
    `${FUNNELS_BASE}/:id/pages`,
    {
      bodyLimit: PAGE_CONTENT_BODY_LIMIT_BYTES,
      config: { tenant: { ...funnelRoute, sampleBody: { name: 'Opt-in', page_type: 'optin' } } },
      schema: { tags, summary: 'Add a page (at the end, or at `order`)', params: ZIdParams, body: ZFunnelPageCreateBody, response: { 201: ZFunnelPage } },
    },
    async (req, reply) => {
      const tenant = tenantOf(req, runtime);
      const owner = await getFunnel(tenant, req.params.id);
      return reply.code(201).send(wire.page(await createPage(tenant, owner.id, req.body), owner, publicUrl));
    },
  );

  app.post(
    `${FUNNELS_BASE}/:id/pages/reorder`,
    {
      config: { tenant: { ...funnelRoute, sampleBody: { page_ids: ['00000000-0000-4000-8000-000000000000'] } } },
      schema: { tags, summary: 'Put the pages in a new order', params: ZIdParams, body: ZFunnelPageReorderBody, response: { 200: ZFunnelPageList } },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const owner = await getFunnel(tenant, req.params.id);
      return { items: (await reorderPages(tenant, owner.id, req.body.page_ids)).map((p) => wire.pageSummary(p, owner, publicUrl)) };
    },
  );

  app.get(
    `${FUNNELS_BASE}/:id/pages/:pageId`,
    { config: { tenant: twoIds }, schema: { tags, summary: 'One page with its content', params: ZFunnelPageParams, response: { 200: ZFunnelPage } } },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const owner = await getFunnel(tenant, req.params.id);
      return wire.page(await getPage(tenant, owner.id, req.params.pageId), owner, publicUrl);
    },
  );

  app.patch(
    `${FUNNELS_BASE}/:id/pages/:pageId`,
    {
      bodyLimit: PAGE_CONTENT_BODY_LIMIT_BYTES,
      config: { tenant: twoIds },
      schema: {
        tags,
        summary: 'Change a page (content, settings); is_published true publishes this version, false takes it down',
        params: ZFunnelPageParams,
        body: ZFunnelPageUpdateBody,
        response: { 200: ZFunnelPage },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const row = await updatePage(runtime, tenant, req.params.id, req.params.pageId, req.body);
      return wire.page(row, await getFunnel(tenant, req.params.id), publicUrl);
    },
  );

  app.delete(
    `${FUNNELS_BASE}/:id/pages/:pageId`,
    { config: { tenant: twoIds }, schema: { tags, summary: 'Delete a page', params: ZFunnelPageParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deletePage(tenantOf(req, runtime), req.params.id, req.params.pageId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${FUNNELS_BASE}/:id/stats`,
    {
      config: { tenant: funnelRoute },
      schema: {
        tags,
        summary: "A funnel's numbers over a range of days (workspace time zone): steps, drop-off, leads, UTM, days",
        params: ZIdParams,
        querystring: ZFunnelStatsQuery,
        response: { 200: ZFunnelStats },
      },
    },
    async (req) => funnelStats(tenantOf(req, runtime), req.params.id, req.query),
  );

  app.get(
    '/api/marketing/funnel-templates',
    {
      schema: {
        tags,
        summary: "Templates: the product's own, and the workspace's funnels marked as templates",
        querystring: ZFunnelTemplateListQuery,
        response: { 200: ZFunnelTemplateList },
      },
    },
    async (req) => ({ items: await listTemplates(tenantOf(req, runtime), req.query) }),
  );

  // A template's picture: its first page, rendered, shown scaled down in a sandboxed frame of the Templates tab. The
  // page is the workspace's own markup on the admin origin: the CSP sandboxes it (no script, opaque origin) even when
  // opened on its own, and only the app itself may frame it.
  app.get(
    '/api/marketing/funnel-templates/:templateId/preview',
    {
      config: { tenant: { optOut: "a template id (built-in, or workspace:<id> read through the workspace's tenant), checked in funnels.test.ts" } },
      schema: {
        tags,
        summary: "A template's first page as HTML (its picture in the Templates tab; no script runs)",
        params: z.object({ templateId: z.string().min(1).max(80) }),
      },
    },
    async (req, reply) => {
      const first = await templateFirstPage(tenantOf(req, runtime), req.params.templateId);
      if (!first) throw new AppError('not_found', 'No such template');
      const { html } = renderPage({
        pageId: '00000000-0000-4000-8000-000000000000',
        language: first.language,
        title: first.title,
        description: null,
        imageUrl: null,
        html: first.html,
        css: first.css,
        js: '',
        url: runtime.config.publicUrl,
      });
      return reply
        .header('content-security-policy', templatePreviewCsp(runtime.config.publicUrl))
        .header('x-frame-options', 'SAMEORIGIN')
        .header('cache-control', 'private, max-age=300')
        .type('text/html; charset=utf-8')
        .send(html);
    },
  );

  app.post(
    `${FUNNELS_BASE}/from-template`,
    { schema: { tags, summary: 'Create a draft funnel from a template (copies of its pages)', body: ZFunnelFromTemplateBody, response: { 201: ZFunnel } } },
    async (req, reply) => {
      const tenant = tenantOf(req, runtime);
      const funnel = await createFromTemplate(tenant, authOf(req), req.body.template_id, req.body.name);
      return reply.code(201).send(await funnelWire(runtime, tenant, funnel));
    },
  );
}
