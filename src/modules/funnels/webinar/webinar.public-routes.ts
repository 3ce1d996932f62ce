import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { webinarVideoOf } from '../../../contracts/funnels.js';
import { businessNow } from '../../../platform/clock.js';
import type { Runtime } from '../../../platform/runtime.js';
import { cachedPageById } from '../publishing/live-page-cache.js';
import { livePageByAddress } from '../publishing/live-pages.js';
import { pageUrl } from '../publishing/public-paths.js';
import { formatSession, watchState } from './webinar-schedule.js';
import { publicWebinar, sessionsOffered, watchPageUrl } from './webinar-register.js';
import { webinarRegistrations } from './webinar.tables.js';

// The public server's webinar endpoints, read by our webinar script (runtime/webinar-runtime.js) on published pages:
// the sessions a registration form offers now, and the room's state for a watch link's token. Both are computed per
// request (the pages themselves are static and cached: sessions and states would go stale in them). A token names one
// registration of the page's funnel; the answer carries that session's times and, while it plays, the video: nothing
// about the registrant, nothing of anyone else's.

export const WEBINAR_SCRIPT_PATH = '/p/webinar.js';
const SCRIPT = readFileSync(new URL('../publishing/runtime/webinar-runtime.js', import.meta.url));
const SCRIPT_ETAG = `"${createHash('sha256').update(SCRIPT).digest('hex').slice(0, 32)}"`;

const ZPageId = z.object({ pageId: z.uuid() });
/** Guesses of a 256-bit token are hopeless; the limit keeps a script from costing queries. */
const STATE_READS_PER_MINUTE = 60;

export function webinarPublicRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const publicUrl = runtime.config.publicUrl;

  app.get(WEBINAR_SCRIPT_PATH, { schema: { hide: true } }, async (req, reply) => {
    reply.header('etag', SCRIPT_ETAG).header('cache-control', 'public, max-age=3600');
    if (req.headers['if-none-match'] === SCRIPT_ETAG) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(SCRIPT);
  });

  app.get('/p/:pageId/sessions', { schema: { hide: true, params: ZPageId } }, async (req, reply) => {
    const page = (await cachedPageById(runtime.db, req.params.pageId))?.page;
    const offered = page ? await sessionsOffered(runtime.db, page) : null;
    if (!page || !offered) return reply.code(404).header('cache-control', 'no-store').send({ sessions: [] });
    return reply.header('cache-control', 'no-store').send({
      time_zone: offered.zone,
      sessions: offered.sessions.map((d) => ({ starts_at: d.toISOString(), label: formatSession(d, page.language, offered.zone) })),
    });
  });

  app.get(
    '/p/:pageId/webinar',
    {
      config: { rateLimit: { max: STATE_READS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { hide: true, params: ZPageId, querystring: z.object({ t: z.string().max(100).optional() }) },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const page = (await cachedPageById(runtime.db, req.params.pageId))?.page;
      if (!page) return reply.code(404).send({ register_url: null });
      const first = await livePageByAddress(runtime.db, page.funnelSlug, null);
      const registerUrl = first ? pageUrl(publicUrl, first.funnelSlug, first.slug) : null;
      const token = req.query.t ?? '';
      const webinar = await publicWebinar(runtime.db, page.funnelId);
      const [registration] =
        webinar && /^[A-Za-z0-9_-]{20,100}$/.test(token)
          ? await runtime.db
              .select({ session_at: webinarRegistrations.session_at })
              // eslint-disable-next-line local/tenant-scope -- a watch link's token names its registration; the page's funnel bounds it
              .from(webinarRegistrations)
              .where(and(eq(webinarRegistrations.token, token), eq(webinarRegistrations.funnel_id, page.funnelId)))
              .limit(1)
          : [];
      if (!webinar || !registration) return reply.code(404).send({ register_url: registerUrl });
      const now = businessNow();
      const { state, endsAt, replayUntil } = watchState(webinar, registration.session_at, now);
      const playing = state === 'live' || state === 'replay';
      const watchBase = await watchPageUrl(runtime.db, publicUrl, page);
      return reply.send({
        state,
        now: now.toISOString(),
        starts_at: registration.session_at.toISOString(),
        starts_at_text: formatSession(registration.session_at, page.language, webinar.zone),
        ends_at: endsAt.toISOString(),
        replay_until: replayUntil?.toISOString() ?? null,
        replay_until_text: replayUntil ? formatSession(replayUntil, page.language, webinar.zone) : null,
        watch_url: watchBase ? `${watchBase}?t=${token}` : null,
        register_url: registerUrl,
        video: playing && webinar.video_url ? webinarVideoOf(webinar.video_url) : null,
      });
    },
  );
}
