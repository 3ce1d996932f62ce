import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readExpiringToken, signExpiringToken } from '../../../platform/crypto/expiring-token.js';
import type { SecretBox } from '../../../platform/crypto/secret-box.js';
import type { Db } from '../../../platform/db/database.js';
import { sendMail } from '../../../platform/mail/mail.jobs.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TCollectedLeadEvent } from '../../crm/index.js';
import { leads } from '../../crm/tables.js';
import { memberAreaOf, type TMemberArea, type TMemberGate } from '../../funnels/index.js';
import { orders } from '../orders/orders.tables.js';
import { memberAccessMail } from './membership-mail.js';
import { memberAccess } from './member-access.tables.js';

// Membership (ARCHITECTURE.md, "Membership"): the member pages of a funnel open to its buyers. A buyer becomes a member
// at the first paid order of the funnel and gets an e-mail with a sign-in link; the link (24 h) opens a session of the
// public origin (its own cookie per funnel, 30 days, never the admin's). Every visit checks the orders again: a full
// refund, a dispute or a canceled subscription closes the pages at once, without waiting for the session to end.

const LINK_PURPOSE = 'member-link';
const SESSION_PURPOSE = 'member-session';
export const LINK_LIFETIME_SECONDS = 24 * 3600;
const SESSION_LIFETIME_SECONDS = 30 * 24 * 3600;
/** One sign-in e-mail a minute per member at most (the sign-in form sends one on request). */
const LINK_INTERVAL_SECONDS = 60;
/** Orders that keep the pages open: paid, or partly refunded (a full refund or a dispute closes them). */
const GRANTING_STATUSES = ['paid', 'partially_refunded'] as const;
/** A subscription in these states ends the access of its order (a one-time order has none). */
const ENDED_SUBSCRIPTIONS = ['canceled', 'incomplete_expired', 'unpaid'];
const SUBSCRIPTION_CHECK = sql`coalesce(${orders.subscription_status}, 'active') NOT IN (${sql.join(
  ENDED_SUBSCRIPTIONS.map((status) => sql`${status}`),
  sql`, `,
)})`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const token = (secrets: SecretBox, purpose: string, funnelId: string, leadId: string, lifetime: number, now: number) =>
  signExpiringToken(secrets, purpose, [funnelId, leadId], lifetime, now);

/** The lead a token of this funnel names (a token of another funnel names nobody here). */
function readToken(secrets: SecretBox, purpose: string, funnelId: string, raw: string | undefined, now: number): string | null {
  const ids = readExpiringToken(secrets, purpose, raw, 2, now);
  return ids && ids[0] === funnelId ? ids[1]! : null;
}

export const memberLinkToken = (secrets: SecretBox, funnelId: string, leadId: string, now = Date.now()) =>
  token(secrets, LINK_PURPOSE, funnelId, leadId, LINK_LIFETIME_SECONDS, now);
export const leadOfMemberLink = (secrets: SecretBox, funnelId: string, raw: string | undefined, now = Date.now()) =>
  readToken(secrets, LINK_PURPOSE, funnelId, raw, now);

/** The session cookie of one funnel's member area (a browser may be a member of several). */
export const memberCookieName = (funnelId: string) => `mk_member_${funnelId.replace(/-/g, '')}`;

export function setMemberSession(reply: FastifyReply, secrets: SecretBox, area: Pick<TMemberArea, 'funnelId' | 'origin'>, leadId: string): void {
  reply.setCookie(memberCookieName(area.funnelId), token(secrets, SESSION_PURPOSE, area.funnelId, leadId, SESSION_LIFETIME_SECONDS, Date.now()), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: area.origin.startsWith('https:'),
    maxAge: SESSION_LIFETIME_SECONDS,
  });
}

export function clearMemberSession(reply: FastifyReply, funnelId: string): void {
  reply.clearCookie(memberCookieName(funnelId), { path: '/' });
}

/** After a payment in the browser: the buyer's session of the funnel's member area opens at once (when it has one). */
export async function openMemberSessionAfterPayment(runtime: Runtime, reply: FastifyReply, funnelId: string | null, leadId: string | null): Promise<void> {
  if (!funnelId || !leadId) return;
  const area = await memberAreaOf(runtime.db, runtime.config.publicUrl, funnelId);
  if (area) setMemberSession(reply, runtime.secrets, area, leadId);
}

/** The member this request's session names for the funnel, or null. */
export function memberOfRequest(secrets: SecretBox, req: FastifyRequest, funnelId: string): string | null {
  return readToken(secrets, SESSION_PURPOSE, funnelId, req.cookies[memberCookieName(funnelId)], Date.now());
}

/** Whether the lead has an order of the funnel that still grants access (see GRANTING_STATUSES, ENDED_SUBSCRIPTIONS). */
export async function hasMemberAccess(db: Db, workspaceId: string, funnelId: string, leadId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.workspace_id, workspaceId),
        eq(orders.funnel_id, funnelId),
        eq(orders.lead_id, leadId),
        inArray(orders.status, [...GRANTING_STATUSES]),
        SUBSCRIPTION_CHECK,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The gate funnels asks before sending a member page: a member with access, else the sign-in page. */
export function memberGate(runtime: Runtime): TMemberGate {
  return async (req, page) => {
    const signIn = `/p/members/${page.funnelId}?suite=${encodeURIComponent(new URL(req.url, 'http://x').pathname)}`;
    const leadId = memberOfRequest(runtime.secrets, req, page.funnelId);
    if (!leadId || !(await hasMemberAccess(runtime.db, page.workspaceId, page.funnelId, leadId))) return { allowed: false, signIn };
    return { allowed: true };
  };
}

/**
 * Sends the member a sign-in link (the access e-mail), at most once a minute: true when one went out. The minute is
 * taken in one statement (two requests at once send one e-mail).
 */
export async function sendMemberLink(runtime: Runtime, area: TMemberArea, leadId: string, email: string, kind: 'welcome' | 'sign_in'): Promise<boolean> {
  const claimed = await runtime.db
    .update(memberAccess)
    .set({ link_sent_at: sql`now()` })
    .where(
      and(
        eq(memberAccess.workspace_id, area.workspaceId),
        eq(memberAccess.funnel_id, area.funnelId),
        eq(memberAccess.lead_id, leadId),
        sql`(${memberAccess.link_sent_at} IS NULL OR ${memberAccess.link_sent_at} < now() - make_interval(secs => ${LINK_INTERVAL_SECONDS}))`,
      ),
    )
    .returning({ id: memberAccess.id });
  if (claimed.length === 0) return false;
  const link = `${area.origin}/p/members/${area.funnelId}/entrer?t=${encodeURIComponent(memberLinkToken(runtime.secrets, area.funnelId, leadId))}`;
  const mail = memberAccessMail({ language: area.language, area: area.name, link, signIn: `${area.origin}/p/members/${area.funnelId}`, kind });
  await sendMail(runtime, { workspaceId: area.workspaceId, category: 'member_access', to: email, ...mail });
  return true;
}

/**
 * A lead-event subscriber: the first paid order of a funnel with member pages makes its buyer a member (once: the
 * member_access row is unique per funnel and lead) and sends the access e-mail.
 */
export async function membershipOnLeadEvents(runtime: Runtime, events: TCollectedLeadEvent[]): Promise<void> {
  for (const event of events) {
    const funnelId = event.data.funnel_id;
    if (event.type !== 'order_paid' || !event.leadId || typeof funnelId !== 'string' || !UUID.test(funnelId)) continue;
    const area = await memberAreaOf(runtime.db, runtime.config.publicUrl, funnelId);
    if (!area || area.workspaceId !== event.workspaceId) continue;
    const created = await runtime.db
      .insert(memberAccess)
      .values({ workspace_id: event.workspaceId, funnel_id: funnelId, lead_id: event.leadId })
      .onConflictDoNothing({ target: [memberAccess.funnel_id, memberAccess.lead_id] })
      .returning({ id: memberAccess.id });
    if (created.length === 0) continue;
    const [lead] = await runtime.db
      .select({ email: leads.email })
      .from(leads)
      .where(and(eq(leads.workspace_id, event.workspaceId), eq(leads.id, event.leadId)));
    if (lead?.email) await sendMemberLink(runtime, area, event.leadId, lead.email, 'welcome');
  }
}

/** The member of this e-mail in the funnel's workspace, when they have access. */
export async function memberByEmail(db: Db, area: TMemberArea, email: string): Promise<{ leadId: string; email: string } | undefined> {
  const [row] = await db
    .select({ leadId: memberAccess.lead_id, email: leads.email })
    .from(memberAccess)
    .innerJoin(leads, and(eq(leads.workspace_id, memberAccess.workspace_id), eq(leads.id, memberAccess.lead_id)))
    .where(and(eq(memberAccess.workspace_id, area.workspaceId), eq(memberAccess.funnel_id, area.funnelId), sql`lower(${leads.email}) = ${email.toLowerCase()}`))
    .limit(1);
  if (!row?.email || !(await hasMemberAccess(db, area.workspaceId, area.funnelId, row.leadId))) return undefined;
  return { leadId: row.leadId, email: row.email };
}
