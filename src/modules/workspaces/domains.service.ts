import { and, asc, count, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { pgErrorCode } from '../../platform/db/pg-error.js';
import { lookupTxt } from '../../platform/dns-txt.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError } from '../../platform/errors.js';
import { workspaceDomains } from './domains.tables.js';

/** A workspace serves its pages on a few host names at most. */
export const MAX_DOMAINS_PER_WORKSPACE = 10;

/** The TXT record that proves a workspace holds a host name: `_mk-verify.<hostname>` = `mk-verify=<token>`. */
export const DOMAIN_TXT_PREFIX = '_mk-verify';
export const domainTxtName = (hostname: string) => `${DOMAIN_TXT_PREFIX}.${hostname}`;
export const domainTxtValue = (token: string) => `mk-verify=${token}`;

export type TDomainRow = typeof workspaceDomains.$inferSelect;

/**
 * Adds a host name, unproved. The product's own host names are refused; a name another workspace has proved is
 * refused (409); a name merely claimed elsewhere is not, so nobody can block a domain by adding it first.
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
  const own = await tenant.db
    .select({ id: workspaceDomains.id })
    .from(workspaceDomains)
    .where(tenant.where(workspaceDomains, eq(workspaceDomains.hostname, hostname)))
    .limit(1);
  if (own[0]) throw new AppError('conflict', 'This domain is already in this workspace', { reason: 'domain_taken' });
  if (await provedElsewhere(tenant, hostname)) throw new AppError('conflict', 'This domain is already used by a workspace', { reason: 'domain_taken' });
  return tenant.insert(workspaceDomains, { hostname });
}

async function provedElsewhere(tenant: Tenant, hostname: string): Promise<boolean> {
  const rows = await tenant.db
    .select({ id: workspaceDomains.id })
    // A proved host name belongs to one workspace: has another one proved it?
    .from(workspaceDomains)
    .where(and(eq(workspaceDomains.hostname, hostname), isNotNull(workspaceDomains.verified_at), ne(workspaceDomains.workspace_id, tenant.workspaceId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Looks for the TXT record now and records the answer. Proved once, a domain stays proved (removing the record later
 * does not take a live site down; removing the domain here does). Another workspace proving it first wins: the
 * partial unique index refuses the second proof, answered as 409 `domain_taken`.
 */
export async function verifyDomain(tenant: Tenant, id: string, dnsServers: string[]): Promise<TDomainRow> {
  const row = await tenant.get(workspaceDomains, id, 'domain');
  if (row.verified_at) return row;
  const { records, error } = await lookupTxt(domainTxtName(row.hostname), dnsServers);
  const found = records.some((record) => record.trim() === domainTxtValue(row.verification_token));
  const checkError = found ? null : (error ?? 'txt_missing');
  if (found && (await provedElsewhere(tenant, row.hostname)))
    throw new AppError('conflict', 'This domain is already used by a workspace', { reason: 'domain_taken' });
  try {
    const [updated] = await tenant.db
      .update(workspaceDomains)
      .set({ checked_at: new Date(), check_error: checkError, verified_at: found ? new Date() : null })
      .where(tenant.byId(workspaceDomains, row.id))
      .returning();
    return updated ?? row;
  } catch (cause) {
    if (pgErrorCode(cause) === '23505') throw new AppError('conflict', 'This domain is already used by a workspace', { reason: 'domain_taken' });
    throw cause;
  }
}

export function listDomains(tenant: Tenant) {
  return tenant.db.select().from(workspaceDomains).where(tenant.where(workspaceDomains)).orderBy(asc(workspaceDomains.hostname));
}

export function removeDomain(tenant: Tenant, id: string) {
  return tenant.delete(workspaceDomains, id, 'domain');
}

/** The proved domain a request's host name is (public server): its id and workspace, or undefined. */
export async function verifiedDomainOf(db: Db, hostname: string): Promise<{ id: string; workspaceId: string } | undefined> {
  const rows = await db
    .select({ id: workspaceDomains.id, workspaceId: workspaceDomains.workspace_id })
    // eslint-disable-next-line local/tenant-scope -- the public server's Host lookup finds the workspace
    .from(workspaceDomains)
    .where(and(eq(workspaceDomains.hostname, hostname.toLowerCase().replace(/\.$/, '')), isNotNull(workspaceDomains.verified_at)))
    .limit(1);
  return rows[0];
}

/** The workspace a request's host name belongs to (public server), or undefined: proved domains only. */
export async function workspaceOfHost(db: Db, hostname: string): Promise<string | undefined> {
  return (await verifiedDomainOf(db, hostname))?.workspaceId;
}
