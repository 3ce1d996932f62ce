import { asc, count, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { MAX_FUNNELS_PER_WORKSPACE, type TFunnelCreateBody, type TFunnelListQuery, type TFunnelUpdateBody } from '../../contracts/funnels.js';
import type { TAuth } from '../../platform/auth/access.js';
import { decodeKeysetCursor, encodeKeysetCursor, olderThan } from '../../platform/db/keyset-cursor.js';
import { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import { pgConstraint, pgErrorCode } from '../../platform/db/pg-error.js';
import { workspaceDomains } from '../workspaces/index.js';
import { funnelPages, funnels } from './funnels.tables.js';
import { afterCommit } from './publishing/live-page-cache.js';
import { firstFreeSlug, RESERVED_FUNNEL_SLUGS, slugify } from './slugs.js';

// A funnel's life: created (from scratch, from a template or as a copy), edited, published and unpublished, deleted.
// Its pages are in funnel-pages.service.ts; what publishing renders is in publishing/.

export type TFunnelRow = typeof funnels.$inferSelect;
export type TFunnelPageRow = typeof funnelPages.$inferSelect;

export async function createFunnel(tenant: Tenant, actor: TAuth, body: TFunnelCreateBody, templateId: string | null = null): Promise<TFunnelRow> {
  const [{ value } = { value: 0 }] = await tenant.db.select({ value: count() }).from(funnels).where(tenant.where(funnels));
  if (value >= MAX_FUNNELS_PER_WORKSPACE) {
    throw new AppError('conflict', `A workspace has at most ${MAX_FUNNELS_PER_WORKSPACE} funnels`, {
      reason: 'funnels_limit',
      params: { limit: MAX_FUNNELS_PER_WORKSPACE },
    });
  }
  const slug = body.slug ? await checkedSlug(tenant, body.slug, null) : await freeSlug(tenant, slugify(body.name, 'tunnel'));
  if (body.domain_id) await checkedDomain(tenant, body.domain_id, null);
  return slugRace(
    tenant.insert(funnels, {
      name: body.name,
      description: body.description ?? null,
      funnel_type: body.funnel_type,
      slug,
      language: body.language ?? 'fr',
      is_template: body.is_template ?? false,
      double_optin: body.double_optin ?? false,
      domain_id: body.domain_id ?? null,
      template_id: templateId,
      created_by: actor.user_id,
    }),
  );
}

/** Two funnels asking for one slug at the same moment: the unique index refuses the second, said as the check would. */
async function slugRace<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (pgErrorCode(error) === '23505' && pgConstraint(error) === 'funnels_slug_uq')
      throw new AppError('conflict', 'This address is already used by a funnel', { reason: 'slug_taken' });
    throw error;
  }
}

export function getFunnel(tenant: Tenant, id: string): Promise<TFunnelRow> {
  return tenant.get(funnels, id, 'Funnel');
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listFunnels(tenant: Tenant, query: TFunnelListQuery) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    query.funnel_type ? eq(funnels.funnel_type, query.funnel_type) : undefined,
    query.is_template === undefined ? undefined : eq(funnels.is_template, query.is_template),
    after ? olderThan(funnels.created_at, funnels.id, after) : undefined,
  ];
  const rows = await tenant.db
    .select()
    .from(funnels)
    .where(tenant.where(funnels, ...conditions))
    .orderBy(desc(funnels.created_at), desc(funnels.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeKeysetCursor(last.created_at, last.id) : null };
}

export async function updateFunnel(tenant: Tenant, id: string, body: TFunnelUpdateBody): Promise<TFunnelRow> {
  const slug = body.slug === undefined ? undefined : await checkedSlug(tenant, body.slug, id);
  if (body.domain_id) await checkedDomain(tenant, body.domain_id, id);
  return afterCommit(slugRace(tenant.update(funnels, id, { ...body, slug }, 'Funnel')));
}

/** A domain of this workspace (proved or not yet: it serves once proved) that no other funnel answers on. */
async function checkedDomain(tenant: Tenant, domainId: string, selfId: string | null): Promise<void> {
  const [domain] = await tenant.db.select({ id: workspaceDomains.id }).from(workspaceDomains).where(tenant.byId(workspaceDomains, domainId));
  if (!domain)
    throw new AppError('bad_request', 'No such domain in this workspace', {
      errors: [{ path: 'body.domain_id', message: 'unknown domain', code: 'unknown_domain' }],
    });
  const [user] = await tenant.db
    .select({ id: funnels.id })
    .from(funnels)
    .where(tenant.where(funnels, eq(funnels.domain_id, domainId)));
  if (user && user.id !== selfId) throw new AppError('conflict', 'Another funnel already answers on this domain', { reason: 'domain_has_funnel' });
}

/** Deletes the funnel and its pages (cascade); its public addresses answer 404 from then on. */
export function deleteFunnel(tenant: Tenant, id: string): Promise<void> {
  return afterCommit(tenant.delete(funnels, id, 'Funnel'));
}

export type TFunnelExtras = { pageCount: number; firstPublishedSlug: string | null; domain: { hostname: string; verified: boolean } | null };

/** What the funnel list shows besides the row: how many pages, the first published page's slug, its own domain. */
export async function funnelExtras(tenant: Tenant, ids: string[]): Promise<Map<string, TFunnelExtras>> {
  const extras = new Map<string, TFunnelExtras>();
  if (ids.length === 0) return extras;
  const domains = await tenant.db
    .select({ funnel_id: funnels.id, hostname: workspaceDomains.hostname, verified_at: workspaceDomains.verified_at })
    .from(funnels)
    .innerJoin(workspaceDomains, eq(workspaceDomains.id, funnels.domain_id))
    .where(tenant.where(funnels, inArray(funnels.id, ids)));
  for (const row of domains)
    extras.set(row.funnel_id, { pageCount: 0, firstPublishedSlug: null, domain: { hostname: row.hostname, verified: row.verified_at !== null } });
  const rows = await tenant.db
    .select({ funnel_id: funnelPages.funnel_id, slug: funnelPages.slug, is_published: funnelPages.is_published })
    .from(funnelPages)
    .where(tenant.where(funnelPages, inArray(funnelPages.funnel_id, ids)))
    .orderBy(asc(funnelPages.funnel_id), asc(funnelPages.position));
  for (const row of rows) {
    const entry = extras.get(row.funnel_id) ?? { pageCount: 0, firstPublishedSlug: null, domain: null };
    entry.pageCount++;
    if (row.is_published && entry.firstPublishedSlug === null) entry.firstPublishedSlug = row.slug;
    extras.set(row.funnel_id, entry);
  }
  return extras;
}

/** The slug as asked, refused when reserved or used by another funnel of the instance. */
async function checkedSlug(tenant: Tenant, slug: string, selfId: string | null): Promise<string> {
  if (RESERVED_FUNNEL_SLUGS.has(slug)) {
    throw new AppError('bad_request', 'This address is reserved', { errors: [{ path: 'body.slug', message: 'reserved', code: 'slug_reserved' }] });
  }
  const [taken] = await tenant.db
    .select({ id: funnels.id })
    // eslint-disable-next-line local/tenant-scope -- funnel slugs are unique in the whole instance (one public server)
    .from(funnels)
    .where(eq(funnels.slug, slug))
    .limit(1);
  if (taken && taken.id !== selfId) throw new AppError('conflict', 'This address is already used by a funnel', { reason: 'slug_taken' });
  return slug;
}

/** `base`, or the first `base-N` no funnel of the instance uses. */
export async function freeSlug(tenant: Tenant, base: string): Promise<string> {
  const rows = await tenant.db
    .select({ slug: funnels.slug })
    // eslint-disable-next-line local/tenant-scope -- funnel slugs are unique in the whole instance (one public server)
    .from(funnels)
    .where(or(eq(funnels.slug, base), like(funnels.slug, `${base.replace(/[%_\\]/g, '\\$&')}-%`)));
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)), RESERVED_FUNNEL_SLUGS);
}

/** Runs `work` in a transaction with the funnel locked (page edits, reorder, publication take turns per funnel). */
export async function withLockedFunnel<T>(tenant: Tenant, id: string, work: (scoped: Tenant, funnel: TFunnelRow) => Promise<T>): Promise<T> {
  return tenant.db.transaction(async (tx) => {
    const scoped = new Tenant(tx, tenant.workspaceId);
    const [funnel] = await tx.select().from(funnels).where(scoped.byId(funnels, id)).for('update');
    if (!funnel) throw new AppError('not_found', 'Funnel not found');
    return work(scoped, funnel);
  });
}
