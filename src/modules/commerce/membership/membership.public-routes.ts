import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZEmail } from '../../../contracts/common.js';
import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import { and, eq, sql } from 'drizzle-orm';
import type { Runtime } from '../../../platform/runtime.js';
import { memberAreaOf, setMemberPageGate, type TMemberArea } from '../../funnels/index.js';
import { memberAccess } from './member-access.tables.js';
import { clearMemberSession, hasMemberAccess, leadOfMemberLink, memberByEmail, memberGate, sendMemberLink, setMemberSession } from './membership.service.js';
import { escapeHtml } from '../../../platform/http/escape-html.js';

// The member area's doors on the public server: the sign-in page (an e-mail address, a link sent when it is a
// member's), the link that opens the session, and sign-out. The sign-in page says the same thing whether the address
// is a member's or not (nobody learns who bought).

/** A person asks for a link a few times; a script trying addresses many. */
const SIGN_IN_POSTS_PER_MINUTE = 5;
const ZFunnelId = z.object({ funnelId: z.uuid() });
/** `suite`: a member page sent the visitor here; `envoye`, `expire`: what the page says after a request. */
const ZNext = z.looseObject({ suite: z.string().max(300).optional(), envoye: z.string().max(5).optional(), expire: z.string().max(5).optional() });

export function membershipPublicRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const publicUrl = runtime.config.publicUrl;
  setMemberPageGate(memberGate(runtime));
  const areaOf = (funnelId: string) => memberAreaOf(runtime.db, publicUrl, funnelId);

  app.get('/p/members/:funnelId', { schema: { hide: true, params: ZFunnelId, querystring: ZNext } }, async (req, reply) => {
    const area = await areaOf(req.params.funnelId);
    if (!area) return reply.callNotFound();
    const notice = req.query.envoye ? 'sent' : req.query.expire ? 'expired' : null;
    return page(reply, area, notice, req.query.suite !== undefined);
  });

  app.post(
    '/p/members/:funnelId',
    {
      config: { rateLimit: { max: SIGN_IN_POSTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { hide: true, params: ZFunnelId, body: z.looseObject({ email: z.string().max(320).optional() }) },
    },
    async (req, reply) => {
      const area = await areaOf(req.params.funnelId);
      if (!area) return reply.callNotFound();
      const email = ZEmail.safeParse(req.body.email ?? '');
      if (!email.success) return page(reply.code(422), area, 'invalid', false);
      const member = await memberByEmail(runtime.db, area, email.data);
      if (member) await sendMemberLink(runtime, area, member.leadId, member.email, 'sign_in');
      return reply.redirect(`/p/members/${area.funnelId}?envoye=1`, 303);
    },
  );

  // The e-mailed link: a session of this origin, then the member pages.
  app.get(
    '/p/members/:funnelId/entrer',
    { schema: { hide: true, params: ZFunnelId, querystring: z.looseObject({ t: z.string().max(300).optional() }) } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const area = await areaOf(req.params.funnelId);
      if (!area) return reply.callNotFound();
      const leadId = leadOfMemberLink(runtime.secrets, area.funnelId, req.query.t);
      if (!leadId || !(await hasMemberAccess(runtime.db, area.workspaceId, area.funnelId, leadId))) {
        return reply.redirect(`/p/members/${area.funnelId}?expire=1`, 303);
      }
      setMemberSession(reply, runtime.secrets, area, leadId);
      await runtime.db
        .update(memberAccess)
        .set({ last_visit_at: sql`now()` })
        .where(and(eq(memberAccess.workspace_id, area.workspaceId), eq(memberAccess.funnel_id, area.funnelId), eq(memberAccess.lead_id, leadId)));
      return reply.redirect(area.firstPageUrl!, 303);
    },
  );

  app.get('/p/members/:funnelId/sortir', { schema: { hide: true, params: ZFunnelId } }, async (req, reply) => {
    clearMemberSession(reply, req.params.funnelId);
    return reply.redirect(`/p/members/${req.params.funnelId}`, 303);
  });
}

const TEXT: Record<TFunnelLanguage, Record<string, string>> = {
  fr: {
    title: 'Espace membre',
    intro: 'Saisissez l’adresse e-mail utilisée lors de votre achat : nous vous envoyons un lien de connexion, valable 24 heures.',
    asked: 'Cette page est réservée aux membres. Connectez-vous pour l’ouvrir.',
    email: 'Adresse e-mail',
    submit: 'Recevoir mon lien de connexion',
    sent: 'Si cette adresse est celle d’un membre, un lien de connexion vient de lui être envoyé. Pensez à regarder dans les courriers indésirables.',
    expired: 'Ce lien a expiré ou l’accès n’est plus actif. Demandez un nouveau lien ci-dessous.',
    invalid: 'Saisissez une adresse e-mail valide.',
  },
  en: {
    title: 'Members’ area',
    intro: 'Enter the e-mail address used for your purchase: we send you a sign-in link, valid for 24 hours.',
    asked: 'This page is for members. Sign in to open it.',
    email: 'E-mail address',
    submit: 'Send me a sign-in link',
    sent: 'If this address is a member’s, a sign-in link was just sent to it. Check your spam folder too.',
    expired: 'This link has expired or the access is no longer active. Ask for a new link below.',
    invalid: 'Enter a valid e-mail address.',
  },
};

function page(reply: FastifyReply, area: TMemberArea, notice: 'sent' | 'expired' | 'invalid' | null, asked: boolean) {
  const t = TEXT[area.language];
  const message = notice
    ? `<p role="${notice === 'sent' ? 'status' : 'alert'}" style="padding:12px 14px;border-radius:8px;background:${notice === 'sent' ? '#ecfdf5;color:#065f46' : '#fef2f2;color:#991b1b'}">${escapeHtml(t[notice]!)}</p>`
    : asked
      ? `<p role="status">${escapeHtml(t.asked!)}</p>`
      : '';
  const html = `<!doctype html><html lang="${area.language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.title!)} – ${escapeHtml(area.name)}</title>
<body style="font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#111827">
<h1 style="font-size:1.5rem">${escapeHtml(t.title!)}</h1><p style="color:#374151">${escapeHtml(area.name)}</p>${message}<p>${escapeHtml(t.intro!)}</p>
<form method="post" action="/p/members/${area.funnelId}" style="display:grid;gap:10px">
<label for="email" style="font-weight:600">${escapeHtml(t.email!)}</label>
<input id="email" name="email" type="email" required autocomplete="email" style="font:inherit;padding:12px 14px;border:1px solid #6b7280;border-radius:8px">
<button type="submit" style="font:inherit;font-weight:700;padding:12px 16px;border:0;border-radius:8px;background:#4338ca;color:#fff;cursor:pointer">${escapeHtml(t.submit!)}</button>
</form></body></html>`;
  return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
}
