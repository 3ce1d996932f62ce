import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import { workspaceDomains } from './domains.tables.js';

/** A workspace serves its pages on a few host names at most. */
export const MAX_DOMAINS_PER_WORKSPACE = 10;

/**
 * Adds a host name. The product's own host names are refused, and a host name belongs to one workspace
 * (409 when another has it). Traffic reaches it only once its DNS points at the public server.
 */
export async function addDomain(tenant: Tenant, hostname: string, reserved: string[]) {
  if (reserved.includes(hostname)) {
    throw new AppError('bad_request', 'This is the address of the product itself', {
      errors: [{ path: 'body.hostname', message: 'reserved host name', code: 'reserved_host' }],
    });
  }
  const [{ value } = { value: 0 }] = await tenant.db.select({ value: count() }).from(workspaceDomains).where(tenant.where(workspaceDomains));
  if (value >= MAX_DOMAINS_PER_WORKSPACE)
    throw new AppError('conflict', `A workspace has at most ${MAX_DOMAINS_PER_WORKSPACE} domains`, {
      reason: 'domains_limit',
      params: { limit: MAX_DOMAINS_PER_WORKSPACE },
    });
  // eslint-disable-next-line local/tenant-scope -- a host name belongs to one workspace at most: is it taken anywhere?
  const taken = await tenant.db.select({ id: workspaceDomains.id }).from(workspaceDomains).where(eq(workspaceDomains.hostname, hostname)).limit(1);
  if (taken[0]) throw new AppError('conflict', 'This domain is already used by a workspace', { reason: 'domain_taken' });
  return tenant.insert(workspaceDomains, { hostname });
}

export function listDomains(tenant: Tenant) {
  return tenant.db.select().from(workspaceDomains).where(tenant.where(workspaceDomains)).orderBy(asc(workspaceDomains.hostname));
}

export function removeDomain(tenant: Tenant, id: string) {
  return tenant.delete(workspaceDomains, id, 'domain');
}

/** The workspace a request's host name belongs to (public server), or undefined. */
export async function workspaceOfHost(db: Db, hostname: string): Promise<string | undefined> {
  const rows = await db
    .select({ workspaceId: workspaceDomains.workspace_id })
    // eslint-disable-next-line local/tenant-scope -- the public server's Host lookup finds the workspace
    .from(workspaceDomains)
    .where(eq(workspaceDomains.hostname, hostname.toLowerCase().replace(/\.$/, '')))
    .limit(1);
  return rows[0]?.workspaceId;
}
