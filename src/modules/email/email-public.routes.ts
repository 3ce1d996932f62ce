import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sendProblem } from '../../platform/http/problem.js';
import type { Runtime } from '../../platform/runtime.js';
import { getWorkspace } from '../workspaces/index.js';
import { emailCampaigns } from './email.tables.js';
import { sendIdOfToken } from './email-tracking-urls.js';
import { mailgunWebhookRoutes } from './email-mailgun-webhook.js';
import { getEmailSettings } from './email-settings.service.js';
import { findSend, isUnsubscribed, recordClick, recordOpen, resubscribe, unsubscribe } from './email-tracking.service.js';
import { unsubscribePage, type TUnsubscribePageState } from './unsubscribe-page.js';

const tags = ['email (public)'];

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Adds the campaign's UTM parameters to a destination, keeping any the author wrote. */
export function withUtm(url: string, campaignName: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const slug = campaignName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  const utm = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: slug || 'campaign' };
  for (const [key, value] of Object.entries(utm)) if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

function language(request: FastifyRequest): 'fr' | 'en' {
  const accept = String(request.headers['accept-language'] ?? '').toLowerCase();
  return accept.startsWith('en') ? 'en' : 'fr';
}

/**
 * The public side of a campaign message (on PUBLIC_URL): the open pixel, tracked links, and the unsubscribe link
 * (RFC 8058 one-click POST, and a cookieless page with a confirmation and a way back).
 */
export function emailPublicRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  mailgunWebhookRoutes(fastify, runtime);
  const tokenParams = z.object({ token: z.string().max(200) });

  app.get('/e/o/:token', { schema: { tags, summary: 'Open pixel of a message', params: tokenParams } }, async (req, reply) => {
    const sendId = sendIdOfToken(runtime.secrets, req.params.token);
    const send = sendId ? await findSend(runtime.db, sendId) : undefined;
    if (send) await recordOpen(runtime.db, send, req.headers['user-agent']);
    // Always the image (a mail client would show a broken one otherwise), never cached: each open asks again.
    return reply.header('cache-control', 'no-store, max-age=0').type('image/gif').send(PIXEL);
  });

  app.get(
    '/e/c/:token/:link',
    {
      schema: {
        tags,
        summary: 'Tracked link of a message: records the click, redirects to the destination',
        params: tokenParams.extend({ link: z.string().max(40) }),
      },
    },
    async (req, reply) => {
      const sendId = sendIdOfToken(runtime.secrets, req.params.token);
      const send = sendId ? await findSend(runtime.db, sendId) : undefined;
      const linkId = /^[0-9a-f-]{36}$/.test(req.params.link) ? req.params.link : undefined;
      const destination = send && linkId ? await recordClick(runtime.db, send, linkId, req.headers['user-agent']) : undefined;
      if (!send || !destination) return notFound(reply);
      // eslint-disable-next-line local/tenant-scope -- the campaign of the message the signed URL names
      const [campaign] = await runtime.db.select({ name: emailCampaigns.name }).from(emailCampaigns).where(eq(emailCampaigns.id, send.campaign_id));
      const { utm_enabled } = await getEmailSettings(runtime.db, send.workspace_id);
      return reply.header('cache-control', 'no-store').redirect(utm_enabled ? withUtm(destination, campaign?.name ?? '') : destination, 302);
    },
  );

  const showPage = async (req: FastifyRequest, reply: FastifyReply, token: string, state: TUnsubscribePageState) => {
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(unsubscribePage({ lang: language(req), state, action: `${runtime.config.publicUrl}/e/u/${encodeURIComponent(token)}` }));
  };

  app.get(
    '/e/u/:token',
    { schema: { tags, summary: 'Unsubscribe page (no cookie): confirm, or subscribe again', params: tokenParams } },
    async (req, reply) => {
      const { token } = req.params;
      if (token === 'preview') return showPage(req, reply, token, { kind: 'preview', workspace: '' });
      const sendId = sendIdOfToken(runtime.secrets, token);
      const send = sendId ? await findSend(runtime.db, sendId) : undefined;
      if (!send) return notFound(reply);
      const workspace = await getWorkspace(runtime.db, send.workspace_id);
      const unsubscribed = await isUnsubscribed(runtime.db, send).catch(() => true);
      return showPage(req, reply, token, { kind: unsubscribed ? 'unsubscribed' : 'subscribed', workspace: workspace.name });
    },
  );

  app.post(
    '/e/u/:token',
    {
      schema: {
        tags,
        summary: 'Unsubscribe at once (RFC 8058 one-click: List-Unsubscribe=One-Click), or `choice=resubscribe` from the page',
        params: tokenParams,
        body: z.looseObject({ choice: z.enum(['unsubscribe', 'resubscribe']).optional() }).optional(),
      },
    },
    async (req, reply) => {
      const { token } = req.params;
      const wantsPage = String(req.headers.accept ?? '').includes('text/html');
      if (token === 'preview') return showPage(req, reply, token, { kind: 'preview', workspace: '' });
      const sendId = sendIdOfToken(runtime.secrets, token);
      const send = sendId ? await findSend(runtime.db, sendId) : undefined;
      if (!send) return notFound(reply);
      const resubscribing = req.body?.choice === 'resubscribe';
      if (resubscribing) await resubscribe(runtime.db, send);
      else await unsubscribe(runtime.db, send);
      if (!wantsPage)
        return reply
          .code(200)
          .type('text/plain; charset=utf-8')
          .send(resubscribing ? 'Subscribed again' : 'Unsubscribed');
      const workspace = await getWorkspace(runtime.db, send.workspace_id);
      return showPage(req, reply, token, { kind: resubscribing ? 'resubscribed' : 'unsubscribed', workspace: workspace.name });
    },
  );
}

function notFound(reply: FastifyReply) {
  return sendProblem(reply, { status: 404, code: 'not_found', detail: 'This link is not valid (or its message no longer exists)' });
}
