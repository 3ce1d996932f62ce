import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { Tenant } from '../../platform/db/tenant.js';
import { sendProblem } from '../../platform/http/problem.js';
import type { Runtime } from '../../platform/runtime.js';
import { findCredential } from '../credentials/index.js';
import { recordBounce, recordComplaint } from './email-bounces.service.js';
import { emailWebhookTokens } from './email-webhook-tokens.tables.js';
import { emailSends } from './email.tables.js';

// Mailgun's bounce and complaint webhooks (a workspace that sends through Mailgun's SMTP: Mailgun rewrites the
// envelope sender, so the DSNs go to Mailgun, not to our inbound listener). Mailgun posts JSON
// `{signature: {timestamp, token, signature}, event-data: {...}}` to `POST /e/webhooks/mailgun/<workspace id>`;
// `signature` is the hex HMAC-SHA256 of `timestamp + token` with the account's HTTP webhook signing key (the
// workspace's `mailgun` credential). It covers neither the body nor the URL, so: the timestamp must be within 15
// minutes, each token is accepted once (email_webhook_tokens), and a message counts only if it is one of this
// workspace's. Mailgun retries any answer but 200 and 406: a request that can never pass (bad signature, stale
// timestamp) gets 406; anything we do not act on (other events, other messages, a token already seen) gets 200.

const tags = ['email (public)'];

/** How far a webhook's signed timestamp may be from now, either way. */
export const MAILGUN_TIMESTAMP_TOLERANCE_SECONDS = 15 * 60;
/** Tokens are kept this long: longer than any timestamp still accepted, so a replay is refused by the window or by its token. */
const TOKEN_RETENTION_SECONDS = 2 * MAILGUN_TIMESTAMP_TOLERANCE_SECONDS + 60;
const BODY_LIMIT_BYTES = 64 * 1024;

const ZText = z.string().max(10_000).nullish();

/** What we read of Mailgun's payload; everything else it sends (and fields it adds later) passes. */
export const ZMailgunWebhook = z.object({
  signature: z.looseObject({
    timestamp: z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]),
    token: z.string().min(1).max(200),
    signature: z.string().min(1).max(200),
    /** Events of a subaccount's domain are also signed with the primary account's key. */
    'parent-signature': z.string().max(200).nullish(),
  }),
  'event-data': z.looseObject({
    event: z.string().min(1).max(100),
    severity: z.string().max(100).nullish(),
    reason: z.string().max(200).nullish(),
    'delivery-status': z.looseObject({ code: z.union([z.number(), z.string().max(100)]).nullish(), message: ZText, description: ZText }).nullish(),
    message: z.looseObject({ headers: z.looseObject({ 'message-id': z.string().max(1000).nullish() }).nullish() }).nullish(),
  }),
});
export type TMailgunWebhook = z.infer<typeof ZMailgunWebhook>;

const ZResult = z.object({ result: z.enum(['recorded', 'ignored', 'replayed']) });

/** Whether the signature (or the primary account's `parent-signature`) is Mailgun's for this timestamp and token. */
export function verifyMailgunSignature(signingKey: string, signature: TMailgunWebhook['signature']): boolean {
  const expected = createHmac('sha256', signingKey).update(`${signature.timestamp}${signature.token}`).digest();
  return [signature.signature, signature['parent-signature']].some((given) => {
    if (!given || !/^[0-9a-f]{64}$/i.test(given)) return false;
    return timingSafeEqual(expected, Buffer.from(given, 'hex'));
  });
}

const OUR_MESSAGE_ID = /^<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^<>@\s]+>?$/i;

/** The send a Message-ID names (ours are `<send id@sender domain>`; Mailgun quotes them without brackets), else null. */
export function sendIdOfMessageId(messageId: string | null | undefined): string | null {
  const match = OUR_MESSAGE_ID.exec((messageId ?? '').trim());
  return match ? match[1]!.toLowerCase() : null;
}

export type TMailgunAction = { kind: 'hard' | 'soft' | 'complaint'; detail: string } | { kind: 'none' };

/** `failed` permanent: a hard bounce; `failed` temporary: a soft one; `complained`: a complaint; anything else: nothing. */
export function classifyMailgunEvent(event: TMailgunWebhook['event-data']): TMailgunAction {
  if (event.event === 'complained') return { kind: 'complaint', detail: 'Mailgun: spam complaint' };
  if (event.event !== 'failed') return { kind: 'none' };
  const kind = event.severity === 'permanent' ? 'hard' : event.severity === 'temporary' ? 'soft' : undefined;
  if (!kind) return { kind: 'none' };
  const status = event['delivery-status'];
  const said = [status?.code, status?.message || status?.description || event.reason].filter((part) => part !== undefined && part !== null && part !== '');
  const detail = `Mailgun ${event.severity} failure: ${said.join(' ')}`.replace(/\s+/g, ' ').trim().slice(0, 500);
  return { kind, detail };
}

/** The workspace's Mailgun signing key, or undefined when it has none (or no such workspace). */
async function signingKeyOf(runtime: Runtime, workspaceId: string): Promise<string | undefined> {
  return (await findCredential(new Tenant(runtime.db, workspaceId), runtime.secrets, 'mailgun'))?.webhook_signing_key;
}

/**
 * Acts on one verified webhook, in one transaction: the token is taken (a token seen before changes nothing), then
 * the event is recorded on the workspace's message. A failure rolls the token back with the rest, so Mailgun's
 * retry of the same request is still accepted. Recording is idempotent too (a bounce or complaint counts once per
 * message), so a second webhook about the same message, with another token, changes nothing either.
 */
async function handleVerified(db: Db, workspaceId: string, body: TMailgunWebhook): Promise<'recorded' | 'replayed' | 'unknown_message' | 'ignored'> {
  return db.transaction(async (tx) => {
    const tenant = new Tenant(tx, workspaceId);
    const taken = await tx
      .insert(emailWebhookTokens)
      .values({ workspace_id: workspaceId, provider: 'mailgun', token: body.signature.token })
      .onConflictDoNothing()
      .returning({ id: emailWebhookTokens.id });
    if (taken.length === 0) return 'replayed';
    await tx
      .delete(emailWebhookTokens)
      .where(tenant.where(emailWebhookTokens, lt(emailWebhookTokens.received_at, sql`now() - make_interval(secs => ${TOKEN_RETENTION_SECONDS})`)));
    const action = classifyMailgunEvent(body['event-data']);
    if (action.kind === 'none') return 'ignored';
    const sendId = sendIdOfMessageId(body['event-data'].message?.headers?.['message-id']);
    if (!sendId) return 'unknown_message';
    const [send] = await tx
      .select()
      .from(emailSends)
      .where(tenant.where(emailSends, eq(emailSends.id, sendId)));
    if (!send) return 'unknown_message';
    if (action.kind === 'complaint') await recordComplaint(tx, send, action.detail);
    else await recordBounce(tx, send, action.kind, action.detail);
    return 'recorded';
  });
}

/** `POST /e/webhooks/mailgun/:workspace_id` on the public server. */
export function mailgunWebhookRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/e/webhooks/mailgun/:workspace_id',
    {
      bodyLimit: BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: "Mailgun's bounce and complaint webhooks (failed, complained), signed with the workspace's Mailgun webhook signing key",
        description:
          'Checks the signature (HMAC-SHA256 of timestamp and token with the `mailgun` credential), a timestamp within 15 minutes and a token used once. ' +
          '406 for a request that can never pass (Mailgun then stops retrying); 200 for events and messages it ignores.',
        params: z.object({ workspace_id: z.uuid() }),
        body: ZMailgunWebhook,
        response: { 200: ZResult },
      },
    },
    async (req, reply) => {
      const workspaceId = req.params.workspace_id;
      const signingKey = await signingKeyOf(runtime, workspaceId);
      if (!signingKey) return sendProblem(reply, { status: 404, code: 'not_found', detail: 'This workspace has no Mailgun webhook signing key' });
      if (!verifyMailgunSignature(signingKey, req.body.signature))
        return sendProblem(reply, { status: 406, code: 'invalid_signature', detail: 'The signature does not match the Mailgun webhook signing key' });
      const age = Math.abs(Date.now() / 1000 - Number(req.body.signature.timestamp));
      if (!(age <= MAILGUN_TIMESTAMP_TOLERANCE_SECONDS))
        return sendProblem(reply, { status: 406, code: 'stale_timestamp', detail: 'The signed timestamp is more than 15 minutes away from now' });
      const outcome = await handleVerified(runtime.db, workspaceId, req.body);
      const event = req.body['event-data'].event;
      if (outcome === 'recorded') req.log.info({ workspaceId, event }, 'mailgun webhook recorded');
      else req.log.debug({ workspaceId, event, outcome }, 'mailgun webhook ignored');
      return reply.code(200).send({ result: outcome === 'recorded' ? 'recorded' : outcome === 'replayed' ? 'replayed' : 'ignored' });
    },
  );
}
