import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import { ZWebinarRegistrationList, ZWebinarRegistrationQuery, ZWebinarSettings, ZWebinarSettingsBody } from '../../../contracts/funnels.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { FUNNELS_BASE } from '../funnels.routes.js';
import { getWebinarSettings, listRegistrations, putWebinarSettings } from './webinar.service.js';

// A webinar funnel's sessions, room and reminders, and its registrations (ARCHITECTURE.md, "Funnels" > "Webinars").

const tags = ['funnels'];
const funnelRoute = { table: 'funnels' };

export function webinarRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    `${FUNNELS_BASE}/:id/webinar`,
    {
      config: { tenant: funnelRoute },
      schema: {
        tags,
        summary: "A webinar funnel's settings, its sessions with their registrations, and the sequences to remind with",
        params: ZIdParams,
        response: { 200: ZWebinarSettings },
      },
    },
    async (req) => getWebinarSettings(tenantOf(req, runtime), req.params.id),
  );

  app.put(
    `${FUNNELS_BASE}/:id/webinar`,
    {
      config: { tenant: { ...funnelRoute, sampleBody: { mode: 'evergreen', schedule_days: [2], schedule_times: ['19:00'] } } },
      schema: {
        tags,
        summary: "Set a webinar funnel's sessions, video, replay and reminder sequence",
        params: ZIdParams,
        body: ZWebinarSettingsBody,
        response: { 200: ZWebinarSettings },
      },
    },
    async (req) => putWebinarSettings(tenantOf(req, runtime), req.params.id, req.body),
  );

  app.get(
    `${FUNNELS_BASE}/:id/webinar/registrations`,
    {
      config: { tenant: funnelRoute },
      schema: {
        tags,
        summary: 'Registrations, newest first (optionally of one session)',
        params: ZIdParams,
        querystring: ZWebinarRegistrationQuery,
        response: { 200: ZWebinarRegistrationList },
      },
    },
    async (req) => listRegistrations(tenantOf(req, runtime), req.params.id, req.query),
  );
}
