import type { FastifyReply, FastifyRequest } from 'fastify';
import { readExpiringToken, signExpiringToken } from '../../../platform/crypto/expiring-token.js';
import type { SecretBox } from '../../../platform/crypto/secret-box.js';

// The buyer's order between the order form and the offer pages: a signed token naming the order, kept in a cookie of
// the public origin (never the admin's) and in the address Stripe returns to. It lets that browser accept the
// funnel's one-click offers on that order, and nothing else: no personal data, no access to the order's details.

const PURPOSE = 'order-session';
export const ORDER_COOKIE = 'mk_order';
/** Long enough for a buyer who reads the upsell page for a while, short enough that a shared computer forgets it. */
const LIFETIME_SECONDS = 6 * 3600;

export function orderToken(secrets: SecretBox, orderId: string, now = Date.now()): string {
  return signExpiringToken(secrets, PURPOSE, [orderId], LIFETIME_SECONDS, now);
}

/** The order a token names, or null when it is malformed, forged or expired. */
export function orderIdOfToken(secrets: SecretBox, token: string | undefined, now = Date.now()): string | null {
  return readExpiringToken(secrets, PURPOSE, token, 1, now)?.[0] ?? null;
}

export function setOrderCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(ORDER_COOKIE, token, { path: '/p/', httpOnly: true, sameSite: 'lax', secure, maxAge: LIFETIME_SECONDS });
}

export function orderIdOfRequest(secrets: SecretBox, req: FastifyRequest): string | null {
  return orderIdOfToken(secrets, req.cookies[ORDER_COOKIE]);
}
