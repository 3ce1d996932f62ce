import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Db } from '../../../platform/db/database.js';
import { verifiedDomainOf } from '../../workspaces/index.js';
import { livePageByAddress, livePageById, livePageOnDomain, nextPageUrl, type TLivePage } from './live-pages.js';

// Published pages kept in memory by the public server for a few seconds, with their compressed bodies made once per
// version: a page view then costs no database query and no compression (bench:public). A change made in this process
// (publish, unpublish, edit of a page's settings, delete) empties the cache at once; another process (an API-only
// instance next to a public one) sees it within TTL_MS.

const TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

export type TCachedPage = {
  page: TLivePage;
  /** The next step's address (null after the last page), read once. */
  next?: string | null;
  bodies: { raw: Buffer; gzip?: Buffer; br?: Buffer };
};

type TSlot = { value: TCachedPage | undefined; until: number };
const byAddress = new Map<string, TSlot>();
const byId = new Map<string, TSlot>();
/** Host names seen by the public server: a proved domain (its id and workspace) or null (the product's own, unknown). */
const domains = new Map<string, { value: { id: string; workspaceId: string } | null; until: number }>();

/** A cached slot still within its TTL_MS, or undefined. */
function fresh<T>(map: Map<string, { value: T; until: number }>, key: string): { value: T } | undefined {
  const slot = map.get(key);
  return slot && slot.until > Date.now() ? slot : undefined;
}

/** Keys of `byAddress`: a funnel's page on the public URL, and a page on a proved domain ('@' never starts a slug). */
const addressKey = (funnelSlug: string, pageSlug: string | null) => `${funnelSlug}/${pageSlug ?? ''}`;
const domainPageKey = (domainId: string, pageSlug: string | null) => `@${domainId}/${pageSlug ?? ''}`;

/** Forgets every cached page: called by every change that can alter what the public server sends. */
export function forgetLivePages(): void {
  byAddress.clear();
  byId.clear();
  domains.clear();
  for (const listener of forgetListeners) listener();
}

const forgetListeners: (() => void)[] = [];
/** Another cache of what the public server sends (a page's A/B variants, ab/page-ab-serving.ts) forgets with this one. */
export function onForgetLivePages(listener: () => void): void {
  forgetListeners.push(listener);
}

/** The proved domain a Host is, or null; a domain proved or removed in the admin app is seen within TTL_MS. */
export async function cachedDomain(db: Db, hostname: string): Promise<{ id: string; workspaceId: string } | null> {
  const hit = fresh(domains, hostname);
  if (hit) return hit.value;
  const value = (await verifiedDomainOf(db, hostname)) ?? null;
  if (domains.size >= MAX_ENTRIES) domains.clear();
  domains.set(hostname, { value, until: Date.now() + TTL_MS });
  return value;
}

export function cachedPageOnDomain(db: Db, domainId: string, pageSlug: string | null): Promise<TCachedPage | undefined> {
  return cached(byAddress, domainPageKey(domainId, pageSlug), () => livePageOnDomain(db, domainId, pageSlug));
}

/** Waits for a change (its transaction committed), then forgets the cached pages. */
export async function afterCommit<T>(change: Promise<T>): Promise<T> {
  const result = await change;
  forgetLivePages();
  return result;
}

async function cached(map: Map<string, TSlot>, key: string, read: () => Promise<TLivePage | undefined>): Promise<TCachedPage | undefined> {
  const hit = fresh(map, key);
  if (hit) return hit.value;
  const page = await read();
  const value = page ? { page, bodies: { raw: Buffer.from(page.html) } } : undefined;
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, { value, until: Date.now() + TTL_MS });
  return value;
}

export function cachedPageByAddress(db: Db, funnelSlug: string, pageSlug: string | null): Promise<TCachedPage | undefined> {
  return cached(byAddress, addressKey(funnelSlug, pageSlug), () => livePageByAddress(db, funnelSlug, pageSlug));
}

export function cachedPageById(db: Db, pageId: string): Promise<TCachedPage | undefined> {
  return cached(byId, pageId, () => livePageById(db, pageId));
}

export async function cachedNextUrl(db: Db, publicUrl: string, entry: TCachedPage): Promise<string | null> {
  if (entry.next === undefined) entry.next = await nextPageUrl(db, publicUrl, entry.page);
  return entry.next;
}

/** The body in the best encoding the client accepts (brotli, gzip, none), compressed once per cached version. */
export function encodedBody(entry: TCachedPage, acceptEncoding: string | undefined): { body: Buffer; encoding: 'br' | 'gzip' | null } {
  const accepts = (acceptEncoding ?? '').toLowerCase();
  const { bodies } = entry;
  if (/\bbr\b/.test(accepts)) {
    bodies.br ??= brotliCompressSync(bodies.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
    return { body: bodies.br, encoding: 'br' };
  }
  if (/\bgzip\b/.test(accepts)) {
    bodies.gzip ??= gzipSync(bodies.raw, { level: 6 });
    return { body: bodies.gzip, encoding: 'gzip' };
  }
  return { body: bodies.raw, encoding: null };
}

// The same caches read without waiting, for the public server's fast path (fast-answers.ts): only what is cached and
// fresh; anything else goes through Fastify's routes, which read the database and fill the caches.

/** The proved domain a Host is (`value` null: the product's own or an unknown host), when known. */
export function peekDomain(hostname: string): { value: { id: string; workspaceId: string } | null } | undefined {
  return fresh(domains, hostname);
}

export function peekPageByAddress(funnelSlug: string, pageSlug: string | null): TCachedPage | undefined {
  return fresh(byAddress, addressKey(funnelSlug, pageSlug))?.value;
}

export function peekPageOnDomain(domainId: string, pageSlug: string | null): TCachedPage | undefined {
  return fresh(byAddress, domainPageKey(domainId, pageSlug))?.value;
}

export function peekPageById(pageId: string): TCachedPage | undefined {
  return fresh(byId, pageId)?.value;
}
