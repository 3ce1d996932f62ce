import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZSlug } from '../../../contracts/funnels.js';
import type { Runtime } from '../../../platform/runtime.js';
import { FunnelEventBuffer } from '../analytics/event-buffer.js';
import { visitorId } from '../analytics/visitor-id.js';
import { cachedDomain, cachedNextUrl, cachedPageByAddress, cachedPageById, cachedPageOnDomain, type TCachedPage } from './live-page-cache.js';
import { answerPage, clickOf, hostOf, param } from './page-answer.js';
import { funnelFastAnswers } from './fast-answers.js';
import type { TLivePage } from './live-pages.js';
import { escapeAttribute } from './html-escape.js';
import { submitOptin } from './optin.service.js';
import { confirmationPage, CONFIRM_PATH_PREFIX, readConfirmationToken } from './double-optin.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { confirmOptin } from '../../crm/index.js';
import { submitWebinarRegistration, type TRegisterOutcome } from '../webinar/webinar-register.js';
import { entryForVariant, servedEntry, variantScript } from '../ab/page-ab-serving.js';
import { CLICK_ID_FIELDS, pageUrl, RUNTIME_SCRIPT_PATH, UTM_FIELDS } from './public-paths.js';
import { visitorAddress } from './visitor-address.js';
import { memberPageAccess } from './member-gate.js';

// Published funnel pages on the public server: the pages at /<funnel slug>/<page slug> (the funnel's address alone
// is its first page), our runtime script, each page's own script, next-step links and form submissions. A page is
// sent as it was rendered at publication, with its ETag; its view is counted (not for bots) through the buffer.

const RUNTIME_JS = readFileSync(new URL('./runtime/page-runtime.js', import.meta.url));
const RUNTIME_ETAG = `"${createHash('sha256').update(RUNTIME_JS).digest('hex').slice(0, 32)}"`;

/* eslint-disable @typescript-eslint/consistent-type-definitions -- module augmentation needs interfaces */
declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the buffered page views and clicks now (tests, and shutdown through onClose). */
    flushFunnelEvents(): Promise<void>;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/** Form submissions per address and minute (a person sends one; a script sends many). */
const FORM_POSTS_PER_MINUTE = 20;

const ZPageId = z.object({ pageId: z.uuid() });
/** The A/B test variant a form or next-step link names (pages published before the tests have none). */
const ZVariantQuery = z.looseObject({ v: z.string().max(64).optional() });
const ZFormParams = z.object({ pageId: z.uuid(), index: z.coerce.number().int().min(0).max(50) });
const ZScriptParams = z.object({ pageId: z.uuid(), file: z.string().regex(/^[0-9a-f]{16}\.js$/) });

export function funnelsPublicRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const buffer = new FunnelEventBuffer(runtime.db, runtime.log);
  fastify.decorate('flushFunnelEvents', () => buffer.flush());
  fastify.addHook('onClose', async () => buffer.flush());
  const publicUrl = runtime.config.publicUrl;
  // Page views and next-step clicks answered in front of Fastify once these routes have cached what they need.
  for (const responder of funnelFastAnswers({ secrets: runtime.secrets, publicUrl, record: (event) => buffer.push(event) })) {
    fastify.publicFastPath.add(responder);
  }
  // Our runtime script revalidated by a visitor's browser (every page loads it).
  fastify.publicFastPath.add((request) =>
    request.path === RUNTIME_SCRIPT_PATH && request.raw.headers['if-none-match'] === RUNTIME_ETAG
      ? { status: 304, headers: { etag: RUNTIME_ETAG, 'cache-control': 'public, max-age=3600' } }
      : undefined,
  );

  const visitOf = (req: FastifyRequest, page: TLivePage) => ({
    visitorId: visitorId(runtime.secrets, { workspaceId: page.workspaceId, ip: req.ip, userAgent: req.headers['user-agent'] ?? '', now: new Date() }),
  });

  async function sendPage(req: FastifyRequest, reply: FastifyReply, entry: TCachedPage | undefined, query: Record<string, unknown>) {
    if (!entry) return reply.callNotFound();
    // During the page's A/B test: the variant this visitor sticks to (ab/page-ab-serving.ts).
    entry = await servedEntry(runtime.db, runtime.secrets, entry, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
    const page = entry.page;
    // A member page: its buyers only, else the sign-in page (nothing of the page is sent, not even from a cache).
    if (page.membersOnly) {
      const access = await memberPageAccess(req, page);
      reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
      if (!access.allowed) return access.signIn ? reply.redirect(access.signIn, 303) : reply.callNotFound();
    }
    const answer = answerPage(entry, {
      method: req.method,
      visitorId: () => visitOf(req, page).visitorId,
      userAgent: req.headers['user-agent'] ?? '',
      ifNoneMatch: req.headers['if-none-match'],
      acceptEncoding: req.headers['accept-encoding'],
      secPurpose: typeof req.headers['sec-purpose'] === 'string' ? req.headers['sec-purpose'] : undefined,
      referer: req.headers.referer,
      host: req.headers.host,
      query,
    });
    if (answer.view) buffer.push(answer.view);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  }

  const pageQuery = z.record(z.string(), z.unknown());
  const domainOf = (req: FastifyRequest) => cachedDomain(runtime.db, req.hostname.toLowerCase().replace(/\.$/, ''));

  // On a workspace's proved domain, its funnel answers at `/` and `/<page slug>`.
  app.get('/', { compress: false, schema: { hide: true, querystring: pageQuery } }, async (req, reply) => {
    const domain = await domainOf(req);
    return sendPage(req, reply, domain ? await cachedPageOnDomain(runtime.db, domain.id, null) : undefined, req.query);
  });

  app.get(
    '/:funnelSlug',
    { compress: false, schema: { hide: true, params: z.object({ funnelSlug: z.string().max(60) }), querystring: pageQuery } },
    async (req, reply) => {
      if (!ZSlug.safeParse(req.params.funnelSlug).success) return reply.callNotFound();
      const domain = await domainOf(req);
      const entry = domain
        ? await cachedPageOnDomain(runtime.db, domain.id, req.params.funnelSlug)
        : await cachedPageByAddress(runtime.db, req.params.funnelSlug, null);
      return sendPage(req, reply, entry, req.query);
    },
  );

  app.get(
    '/:funnelSlug/:pageSlug',
    { compress: false, schema: { hide: true, params: z.object({ funnelSlug: z.string().max(60), pageSlug: z.string().max(60) }), querystring: pageQuery } },
    async (req, reply) => {
      const { funnelSlug, pageSlug } = req.params;
      if (!ZSlug.safeParse(funnelSlug).success || !ZSlug.safeParse(pageSlug).success) return reply.callNotFound();
      const entry = await cachedPageByAddress(runtime.db, funnelSlug, pageSlug);
      // A workspace's domain shows its own funnels only.
      const domain = await domainOf(req);
      return sendPage(req, reply, domain && entry?.page.workspaceId !== domain.workspaceId ? undefined : entry, req.query);
    },
  );

  const addressFor = (req: FastifyRequest, page: TLivePage, url: string) => visitorAddress(runtime.db, publicUrl, req.hostname, page, url);

  app.get(RUNTIME_SCRIPT_PATH, { schema: { hide: true } }, async (req, reply) => {
    reply.header('etag', RUNTIME_ETAG).header('cache-control', 'public, max-age=3600');
    if (req.headers['if-none-match'] === RUNTIME_ETAG) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(RUNTIME_JS);
  });

  // A page's own JavaScript, under its hash: only here, on the public server, never in the admin app.
  app.get('/p/:pageId/:file', { schema: { hide: true, params: ZScriptParams } }, async (req, reply) => {
    const page = (await cachedPageById(runtime.db, req.params.pageId))?.page;
    const own = page?.js && `${createHash('sha256').update(page.js).digest('hex').slice(0, 16)}.js` === req.params.file ? page.js : null;
    // An A/B test variant's script is served under its page too.
    const js = own ?? (page ? await variantScript(runtime.db, page.id, req.params.file) : null);
    if (!js) return reply.callNotFound();
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(js);
  });

  // A next-step link: counted as the page's conversion, then on to the next page.
  app.get('/p/:pageId/next', { schema: { hide: true, params: ZPageId, querystring: ZVariantQuery } }, async (req, reply) => {
    const entry = await entryForVariant(runtime.db, await cachedPageById(runtime.db, req.params.pageId), req.query.v);
    if (!entry) return reply.callNotFound();
    const page = entry.page;
    const click = clickOf(page, req.headers['user-agent'] ?? '', () => visitOf(req, page).visitorId);
    if (click) buffer.push(click);
    const next = (await cachedNextUrl(runtime.db, publicUrl, entry)) ?? pageUrl(publicUrl, page.funnelSlug, page.slug);
    return reply.header('cache-control', 'no-store').redirect(await addressFor(req, page, next), 302);
  });

  // Double opt-in links: the page asks for a click, the click confirms (double-optin.ts).
  const ZConfirmParams = z.object({ token: z.string().max(300) });
  const languageOf = (req: FastifyRequest) => ((req.headers['accept-language'] ?? '').toLowerCase().startsWith('en') ? 'en' : 'fr');
  app.get(`${CONFIRM_PATH_PREFIX}:token`, { schema: { hide: true, params: ZConfirmParams } }, async (req, reply) => {
    const valid = readConfirmationToken(runtime.secrets, req.params.token, new Date()) !== undefined;
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply
      .code(valid ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(confirmationPage(languageOf(req), valid ? 'ask' : 'invalid', `${CONFIRM_PATH_PREFIX}${req.params.token}`));
  });
  app.post(
    `${CONFIRM_PATH_PREFIX}:token`,
    { config: { rateLimit: { max: FORM_POSTS_PER_MINUTE, timeWindow: '1 minute' } }, schema: { hide: true, params: ZConfirmParams } },
    async (req, reply) => {
      const target = readConfirmationToken(runtime.secrets, req.params.token, new Date());
      // Clicked twice: still confirmed (confirmOptin answers false, nothing changes).
      if (target) await confirmOptin(new Tenant(runtime.db, target.workspaceId), target.leadId);
      reply.header('cache-control', 'no-store');
      return reply
        .code(target ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(confirmationPage(languageOf(req), target ? 'confirmed' : 'invalid'));
    },
  );

  app.post(
    '/p/:pageId/form/:index',
    {
      config: { rateLimit: { max: FORM_POSTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { hide: true, params: ZFormParams, querystring: ZVariantQuery, body: z.record(z.string(), z.unknown()).optional() },
    },
    async (req, reply) => {
      const wantsJson = (req.headers.accept ?? '').includes('application/json');
      // A variant's form (`?v=`) is checked against that variant's published forms.
      const entry = await entryForVariant(runtime.db, await cachedPageById(runtime.db, req.params.pageId), req.query.v);
      const page = entry?.page;
      const form = page?.forms.find((f) => f.index === req.params.index);
      if (!page || !form) return reply.callNotFound();
      const body = req.body ?? {};
      const utm = Object.fromEntries(
        UTM_FIELDS.filter((key) => key !== 'mk_ref')
          .map((key) => [key, param(body[key])])
          .filter((entry): entry is [string, string] => entry[1] !== null),
      );
      // Ad click ids, bounded like the UTM values (param: 200 characters).
      const clickIds = Object.fromEntries(
        CLICK_ID_FIELDS.map((key) => [key, param(body[key])]).filter((entry): entry is [string, string] => entry[1] !== null),
      );
      const sourceUrl = absolute(req, await addressFor(req, page, pageUrl(publicUrl, page.funnelSlug, page.slug)));
      // A webinar form also registers for a session (webinar/webinar-register.ts).
      const submit = form.kind === 'webinar-form' ? submitWebinarRegistration : submitOptin;
      const outcome: TRegisterOutcome = await submit(runtime, page, form, body, {
        ip: req.ip,
        ...visitOf(req, page),
        sourceUrl,
        utm,
        clickIds,
        referrerHost: hostOf(param(body.mk_ref)),
      });
      if (!outcome.ok) {
        if (wantsJson) return reply.code(422).send({ errors: outcome.errors });
        return reply
          .code(422)
          .type('text/html; charset=utf-8')
          .send(errorPage(page, outcome.errors, sourceUrl));
      }
      const nextUrl = await cachedNextUrl(runtime.db, publicUrl, entry!);
      const after = nextUrl ? await addressFor(req, page, nextUrl) : `${sourceUrl}?merci=1`;
      // A registration's confirmation page shows the watch link: its token rides along.
      const next = outcome.ok && outcome.token ? `${after}${after.includes('?') ? '&' : '?'}t=${outcome.token}` : after;
      if (wantsJson) return reply.send({ redirect: next });
      return reply.redirect(next, 303);
    },
  );
}

/** A path on the request's own host made absolute (the lead's source URL is a whole address). */
function absolute(req: FastifyRequest, url: string): string {
  return url.startsWith('/') ? `${req.protocol}://${req.host}${url}` : url;
}

/** Without our script (it shows errors beside the fields), a short page with the form's own messages and a way back. */
function errorPage(page: TLivePage, errors: { message: string }[], back: string): string {
  const title = page.language === 'fr' ? 'Formulaire incomplet' : 'Form incomplete';
  const again = page.language === 'fr' ? 'Revenir au formulaire' : 'Back to the form';
  const items = [...new Set(errors.map((e) => e.message))].map((m) => `<li>${escapeAttribute(m)}</li>`).join('');
  return `<!doctype html><html lang="${page.language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1><ul>${items}</ul><p><a href="${escapeAttribute(back)}">${again}</a></p></body></html>`;
}
