import type { SecretBox } from './secret-box.js';

// A signed token that names rows and ends: `<part>.<part>…<until>.<signature>`, each part a UUID, `until` in Unix
// seconds. For links and cookies that grant one narrow thing for a while (an order's offers, a member's session).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function signExpiringToken(secrets: SecretBox, purpose: string, ids: string[], lifetimeSeconds: number, now = Date.now()): string {
  const value = [...ids, Math.floor(now / 1000) + lifetimeSeconds].join('.');
  return `${value}.${secrets.sign(purpose, value)}`;
}

/** The ids a token names (as many as `count`), or null when it is malformed, forged, for another purpose or expired. */
export function readExpiringToken(secrets: SecretBox, purpose: string, raw: string | undefined, count: number, now = Date.now()): string[] | null {
  const parts = (raw ?? '').split('.');
  if (parts.length !== count + 2) return null;
  const ids = parts.slice(0, count);
  const [until, signature] = parts.slice(count) as [string, string];
  if (!ids.every((id) => UUID.test(id)) || !/^\d{1,12}$/.test(until) || !signature) return null;
  if (Number(until) * 1000 < now) return null;
  return secrets.verify(purpose, [...ids, until].join('.'), signature) ? ids : null;
}
