import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isbot } from 'isbot';
import { z } from 'zod';
import { ZSlug } from '../../../contracts/funnels.js';
import { PUBLIC_CSP } from '../../../platform/http/security-headers.js';
import type { Runtime } from '../../../platform/runtime.js';
import { FunnelEventBuffer } from '../analytics/event-buffer.js';
import { visitorId } from '../analytics/visitor-id.js';
import { cachedNextUrl, cachedPageByAddress, cachedPageById, encodedBody, type TCachedPage } from './live-page-cache.js';
import type { TLivePage } from './live-pages.js';
import { escapeAttribute } from './html-escape.js';
import { submitOptin } from './optin.service.js';
import { pageUrl, RUNTIME_SCRIPT_PATH, UTM_FIELDS } from './public-paths.js';

// Published funnel pages on the public server: the pages at /<funnel slug>/<page slug> (the funnel's address alone
// is its first page), our runtime script, each page's own script, next-step links and form submissions. A page is
// sent as it was rendered at publication, with its ETag; its view is counted (not for bots) through the buffer.

const RUNTIME_JS = readFileSync(new URL('./runtime/page-runtime.js', import.meta.url));
const RUNTIME_ETAG = `"${createHash('sha256').update(RUNTIME_JS).digest('hex').slice(0, 32)}"`;

/** Pages may embed the players our video block writes (privacy-enhanced YouTube, Vimeo) and play files from anywhere. */
const PAGE_CSP = Object.entries({
  ...PUBLIC_CSP,
  'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
  'media-src': ["'self'", 'https:'],
})
  .map(([name, values]) => `${name} ${(values ?? []).join(' ')}`)
  .join('; ');

/* eslint-disable @typescript-eslint/consistent-type-definitions -- module augmentation needs interfaces */
declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the buffered page views and clicks now (tests, and shutdown through onClose). */
    flushFunnelEvents(): Promise<void>;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/** isbot's pattern is long: its answer is kept per user agent (browsers send a few dozen distinct ones). */
const botAnswers = new Map<string, boolean>();
function isBot(userAgent: string): boolean {
  let answer = botAnswers.get(userAgent);
  if (answer === undefined) {
    if (botAnswers.size > 10_000) botAnswers.clear();
    answer = isbot(userAgent);
    botAnswers.set(userAgent, answer);
  }
  return answer;
}

/** Form submissions per address and minute (a person sends one; a script sends many). */
const FORM_POSTS_PER_MINUTE = 20;

const ZPageId = z.object({ pageId: z.uuid() });
const ZFormParams = z.object({ pageId: z.uuid(), index: z.coerce.number().int().min(0).max(50) });
const ZScriptParams = z.object({ pageId: z.uuid(), file: z.string().regex(/^[0-9a-f]{16}\.js$/) });

export function funnelsPublicRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const buffer = new FunnelEventBuffer(runtime.db, runtime.log);
  fastify.decorate('flushFunnelEvents', () => buffer.flush());
  fastify.addHook('onClose', async () => buffer.flush());
  const publicUrl = runtime.config.publicUrl;

  const visitOf = (req: FastifyRequest, page: TLivePage) => ({
    visitorId: visitorId(runtime.secrets, { workspaceId: page.workspaceId, ip: req.ip, userAgent: req.headers['user-agent'] ?? '', now: new Date() }),
  });

  async function sendPage(req: FastifyRequest, reply: FastifyReply, entry: TCachedPage | undefined, query: Record<string, unknown>) {
    if (!entry) return reply.callNotFound();
    const page = entry.page;
    const userAgent = req.headers['user-agent'] ?? '';
    // Prefetches and bots are not visitors; a revalidation (304) is a view like any other.
    if (req.method === 'GET' && !isBot(userAgent) && req.headers['sec-purpose'] !== 'prefetch') {
      buffer.push({
        workspaceId: page.workspaceId,
        funnelId: page.funnelId,
        pageId: page.id,
        kind: 'view',
        ...visitOf(req, page),
        utmSource: param(query.utm_source),
        utmMedium: param(query.utm_medium),
        utmCampaign: param(query.utm_campaign),
        referrerHost: outsideHost(req),
        occurredAt: new Date(),
      });
    }
    reply.header('etag', page.etag).header('cache-control', 'no-cache').header('content-security-policy', PAGE_CSP).header('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === page.etag) return reply.code(304).send();
    const { body, encoding } = encodedBody(entry, req.headers['accept-encoding']);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.type('text/html; charset=utf-8').send(body);
  }

  const pageQuery = z.record(z.string(), z.unknown());
  app.get(
    '/:funnelSlug',
    { compress: false, schema: { hide: true, params: z.object({ funnelSlug: z.string().max(60) }), querystring: pageQuery } },
    async (req, reply) => {
      if (!ZSlug.safeParse(req.params.funnelSlug).success) return reply.callNotFound();
      return sendPage(req, reply, await cachedPageByAddress(runtime.db, req.params.funnelSlug, null), req.query);
    },
  );

  app.get(
    '/:funnelSlug/:pageSlug',
    { compress: false, schema: { hide: true, params: z.object({ funnelSlug: z.string().max(60), pageSlug: z.string().max(60) }), querystring: pageQuery } },
    async (req, reply) => {
      const { funnelSlug, pageSlug } = req.params;
      if (!ZSlug.safeParse(funnelSlug).success || !ZSlug.safeParse(pageSlug).success) return reply.callNotFound();
      return sendPage(req, reply, await cachedPageByAddress(runtime.db, funnelSlug, pageSlug), req.query);
    },
  );

  app.get(RUNTIME_SCRIPT_PATH, { schema: { hide: true } }, async (req, reply) => {
    reply.header('etag', RUNTIME_ETAG).header('cache-control', 'public, max-age=3600');
    if (req.headers['if-none-match'] === RUNTIME_ETAG) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(RUNTIME_JS);
  });

  // A page's own JavaScript, under its hash: only here, on the public server, never in the admin app.
  app.get('/p/:pageId/:file', { schema: { hide: true, params: ZScriptParams } }, async (req, reply) => {
    const page = (await cachedPageById(runtime.db, req.params.pageId))?.page;
    if (!page?.js || `${createHash('sha256').update(page.js).digest('hex').slice(0, 16)}.js` !== req.params.file) return reply.callNotFound();
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(page.js);
  });

  // A next-step link: counted as the page's conversion, then on to the next page.
  app.get('/p/:pageId/next', { schema: { hide: true, params: ZPageId } }, async (req, reply) => {
    const entry = await cachedPageById(runtime.db, req.params.pageId);
    if (!entry) return reply.callNotFound();
    const page = entry.page;
    if (!isBot(req.headers['user-agent'] ?? '')) {
      buffer.push({ workspaceId: page.workspaceId, funnelId: page.funnelId, pageId: page.id, kind: 'click', ...visitOf(req, page), occurredAt: new Date() });
    }
    const next = (await cachedNextUrl(runtime.db, publicUrl, entry)) ?? pageUrl(publicUrl, page.funnelSlug, page.slug);
    return reply.header('cache-control', 'no-store').redirect(next, 302);
  });

  app.post(
    '/p/:pageId/form/:index',
    {
      config: { rateLimit: { max: FORM_POSTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { hide: true, params: ZFormParams, body: z.record(z.string(), z.unknown()).optional() },
    },
    async (req, reply) => {
      const wantsJson = (req.headers.accept ?? '').includes('application/json');
      const entry = await cachedPageById(runtime.db, req.params.pageId);
      const page = entry?.page;
      const form = page?.forms.find((f) => f.index === req.params.index);
      if (!page || !form) return reply.callNotFound();
      const body = req.body ?? {};
      const utm = Object.fromEntries(
        UTM_FIELDS.filter((key) => key !== 'mk_ref')
          .map((key) => [key, param(body[key])])
          .filter((entry): entry is [string, string] => entry[1] !== null),
      );
      const sourceUrl = pageUrl(publicUrl, page.funnelSlug, page.slug);
      const outcome = await submitOptin(runtime, page, form, body, {
        ip: req.ip,
        ...visitOf(req, page),
        sourceUrl,
        utm,
        referrerHost: hostOf(param(body.mk_ref)),
      });
      if (!outcome.ok) {
        if (wantsJson) return reply.code(422).send({ errors: outcome.errors });
        return reply
          .code(422)
          .type('text/html; charset=utf-8')
          .send(errorPage(page, outcome.errors, sourceUrl));
      }
      const next = (await cachedNextUrl(runtime.db, publicUrl, entry!)) ?? `${sourceUrl}?merci=1`;
      if (wantsJson) return reply.send({ redirect: next });
      return reply.redirect(next, 303);
    },
  );
}

/** A query or form value kept for the analytics (the first of repeated ones, 200 characters at most). */
function param(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first.trim().slice(0, 200) : null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.slice(0, 200) || null;
  } catch {
    return null;
  }
}

/** The referring site, when it is another one (a link from the funnel's own pages is not a source). */
function outsideHost(req: FastifyRequest): string | null {
  const host = hostOf(typeof req.headers.referer === 'string' ? req.headers.referer : null);
  return host && host !== req.headers.host ? host : null;
}

/** Without our script (it shows errors beside the fields), a short page with the form's own messages and a way back. */
function errorPage(page: TLivePage, errors: { message: string }[], back: string): string {
  const title = page.language === 'fr' ? 'Formulaire incomplet' : 'Form incomplete';
  const again = page.language === 'fr' ? 'Revenir au formulaire' : 'Back to the form';
  const items = [...new Set(errors.map((e) => e.message))].map((m) => `<li>${escapeAttribute(m)}</li>`).join('');
  return `<!doctype html><html lang="${page.language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1><ul>${items}</ul><p><a href="${escapeAttribute(back)}">${again}</a></p></body></html>`;
}
