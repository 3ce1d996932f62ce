import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TAdNetwork } from '../../../contracts/ads.js';
import type { TConfig } from '../../../platform/config.js';
import { readExpiringToken, signExpiringToken } from '../../../platform/crypto/expiring-token.js';
import type { SecretBox } from '../../../platform/crypto/secret-box.js';
import type { TAdTokens } from './ad-connector.js';

// The OAuth round trip of a connection, in two pieces of state that both stay with the browser that started it:
// - `state` (signed, 10 minutes): names the workspace and the user who asked; the callback accepts it only from that
//   user's session in that workspace, so a consent cannot be planted into someone else's workspace (login CSRF);
// - the pending consent (sealed cookie, 15 minutes): the tokens the code was exchanged for, until the user picks one
//   of the accounts they open. A cookie rather than a row: nothing is left behind when the user walks away (no table,
//   no purge job), the tokens are sealed (AES-GCM bound to the workspace and user) and only the browser that consented
//   can finish. It holds the tokens only; the accounts are listed from the platform when the screen asks.

const STATE_SECONDS = 600;
const PENDING_SECONDS = 900;
export const PENDING_COOKIE = 'mk_ads_pending';
const COOKIE_PATH = '/api/marketing/ad-connections';

type TPending = { id: string; network: TAdNetwork; tokens: TAdTokens; until: number };

/** Where the platform sends the browser back (register it in the platform's app). */
export function redirectUriOf(config: TConfig, network: TAdNetwork): string {
  return `${config.appUrl}/api/marketing/ad-connections/${network}/callback`;
}

/** A state naming the workspace and user, for this network only. */
export function signState(secrets: SecretBox, network: TAdNetwork, workspaceId: string, userId: string): string {
  return signExpiringToken(secrets, `ads-oauth:${network}`, [workspaceId, userId], STATE_SECONDS);
}

/** Whether `state` was signed for this network, workspace and user and has not expired. */
export function stateMatches(secrets: SecretBox, network: TAdNetwork, state: string | undefined, workspaceId: string, userId: string): boolean {
  const ids = readExpiringToken(secrets, `ads-oauth:${network}`, state, 2);
  return ids !== null && ids[0] === workspaceId && ids[1] === userId;
}

function pendingContext(workspaceId: string, userId: string): string {
  return `${workspaceId}:ads-pending:${userId}`;
}

/** Keeps the consent's tokens in the browser, sealed; returns the pending id the settings page asks about. */
export function keepPending(
  reply: FastifyReply,
  config: TConfig,
  secrets: SecretBox,
  who: { workspaceId: string; userId: string },
  network: TAdNetwork,
  tokens: TAdTokens,
): string {
  const pending: TPending = { id: randomUUID(), network, tokens, until: Date.now() + PENDING_SECONDS * 1000 };
  const sealed = secrets.encrypt(JSON.stringify(pending), pendingContext(who.workspaceId, who.userId));
  void reply.setCookie(PENDING_COOKIE, sealed, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.appUrl.startsWith('https://'),
    maxAge: PENDING_SECONDS,
  });
  return pending.id;
}

/** The pending consent `id` of this browser, session and workspace; null when absent, for another id or expired. */
export function readPending(request: FastifyRequest, secrets: SecretBox, who: { workspaceId: string; userId: string }, id: string): TPending | null {
  const raw = request.cookies[PENDING_COOKIE];
  if (!raw) return null;
  try {
    const pending = JSON.parse(secrets.decrypt(raw, pendingContext(who.workspaceId, who.userId))) as TPending;
    if (pending.id !== id || pending.until < Date.now()) return null;
    const expiresAt = pending.tokens.expires_at ? new Date(pending.tokens.expires_at) : null;
    return { ...pending, tokens: { ...pending.tokens, expires_at: expiresAt } };
  } catch {
    return null;
  }
}

export function clearPending(reply: FastifyReply, config: TConfig): void {
  void reply.clearCookie(PENDING_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: config.appUrl.startsWith('https://') });
}
