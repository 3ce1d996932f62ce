import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { asc, inArray, sql } from 'drizzle-orm';
import type { TDnsRecordCheck, TEmailDomain } from '../../contracts/email-domains.js';
import { pgErrorCode } from '../../platform/db/pg-error.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { createWithinWorkspaceLimit } from '../../platform/db/workspace-limit.js';
import { AppError } from '../../platform/errors.js';
import { lookupTxt } from '../../platform/dns-txt.js';
import type { Runtime } from '../../platform/runtime.js';
import { emailDomains } from './email-domains.tables.js';
import { emailCampaigns } from './email.tables.js';
import { getEmailSettings } from './email-settings.service.js';

// A workspace's sending domains: the product generates a DKIM key for each (RSA 2048), says which TXT records to
// publish (DKIM, SPF, DMARC) and checks them through DNS. A domain is `verified` once its DKIM key is found.

type TDomainRow = typeof emailDomains.$inferSelect;
type TRuntime = Pick<Runtime, 'config' | 'secrets'>;

const generateRsa = promisify(generateKeyPair);

/** The private key opens only for this workspace and domain. */
function keyContext(workspaceId: string, domain: string): string {
  return `${workspaceId}:dkim:${domain}`;
}

export function listDomains(tenant: Tenant): Promise<TDomainRow[]> {
  return tenant.db.select().from(emailDomains).where(tenant.where(emailDomains)).orderBy(asc(emailDomains.domain));
}

export async function getDomain(tenant: Tenant, id: string): Promise<TDomainRow> {
  return tenant.get(emailDomains, id, 'Sending domain');
}

/** Adds a domain with a new DKIM key; 409 `domain_exists` when the workspace has it already. */
export async function addDomain(runtime: TRuntime, tenant: Tenant, domain: string): Promise<TDomainRow> {
  const { publicKey, privateKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  try {
    return await createWithinWorkspaceLimit(tenant, { table: emailDomains, list: 'sendingDomains' }, (tx) =>
      tx.insert(emailDomains, {
        domain,
        // A new selector per key: a domain removed and added again publishes its new key beside the old one.
        dkim_selector: `mk${Date.now().toString(36)}`,
        dkim_private_key_sealed: runtime.secrets.encrypt(privateKey, keyContext(tenant.workspaceId, domain)),
        dkim_public_key: publicKey.toString('base64'),
      }),
    );
  } catch (error) {
    if (pgErrorCode(error) !== '23505') throw error;
    throw new AppError('conflict', `${domain} is already a sending domain of this workspace`, { reason: 'domain_exists', params: { domain } });
  }
}

/**
 * Removes a domain and its key. Refused (409 `domain_in_use`) while the default sender or a campaign not yet
 * finished (draft, scheduled, sending, paused) sends from it: their messages would leave unsigned, or be refused.
 */
export async function deleteDomain(tenant: Tenant, id: string): Promise<void> {
  const row = await getDomain(tenant, id);
  const [campaign] = await tenant.db
    .select({ name: emailCampaigns.name })
    .from(emailCampaigns)
    .where(
      tenant.where(
        emailCampaigns,
        inArray(emailCampaigns.status, ['draft', 'scheduled', 'active', 'paused']),
        sql`lower(split_part(${emailCampaigns.from_email}, '@', 2)) = ${row.domain}`,
      ),
    )
    .limit(1);
  const defaults = await getEmailSettings(tenant.db, tenant.workspaceId);
  const byDefault = defaults.default_from_email.toLowerCase().endsWith(`@${row.domain}`);
  if (campaign || byDefault) {
    const user = campaign ? `the campaign "${campaign.name}"` : 'the default sender';
    throw new AppError('conflict', `${row.domain} is in use by ${user}: change its sender first`, {
      reason: 'domain_in_use',
      params: { domain: row.domain, campaign: campaign?.name ?? '' },
    });
  }
  await tenant.delete(emailDomains, row.id, 'Sending domain');
}

/** The records a domain must publish, before any check. */
export function expectedRecords(runtime: Pick<Runtime, 'config'>, row: Pick<TDomainRow, 'domain' | 'dkim_selector' | 'dkim_public_key'>): TDnsRecordCheck[] {
  const unchecked = { type: 'TXT' as const, status: 'unchecked' as const, found: [], error: null };
  return [
    { ...unchecked, purpose: 'dkim', name: `${row.dkim_selector}._domainkey.${row.domain}`, value: `v=DKIM1; k=rsa; p=${row.dkim_public_key}` },
    { ...unchecked, purpose: 'spf', name: row.domain, value: `v=spf1 ${runtime.config.spfInclude ?? 'mx'} ~all` },
    { ...unchecked, purpose: 'dmarc', name: `_dmarc.${row.domain}`, value: `v=DMARC1; p=none; rua=mailto:dmarc@${row.domain}` },
  ];
}

/** Looks the domain's three records up in DNS and stores what was found; the domain as the API shows it. */
export async function checkDomain(runtime: TRuntime, tenant: Tenant, id: string): Promise<TDomainRow> {
  const row = await getDomain(tenant, id);
  const checks = await Promise.all(
    expectedRecords(runtime, row).map(async (record): Promise<TDnsRecordCheck> => {
      const { records, error } = await lookupTxt(record.name, runtime.config.dnsServers);
      return { ...record, found: records.slice(0, 10).map((r) => r.slice(0, 2000)), error, status: error ? 'missing' : statusOf(runtime, record, records) };
    }),
  );
  const dkimFound = checks.some((c) => c.purpose === 'dkim' && c.status === 'ok');
  const status = dkimFound ? 'verified' : row.status === 'verified' || row.status === 'failing' ? 'failing' : 'pending';
  return tenant.update(
    emailDomains,
    row.id,
    { checks, checked_at: new Date(), status, verified_at: dkimFound ? (row.verified_at ?? new Date()) : row.verified_at },
    'Sending domain',
  );
}

function statusOf(runtime: Pick<Runtime, 'config'>, expected: TDnsRecordCheck, found: string[]): TDnsRecordCheck['status'] {
  switch (expected.purpose) {
    case 'dkim': {
      const keys = found.filter((r) => /(^|;)\s*p=/i.test(r)).map((r) => tagsOf(r).get('p')?.replace(/\s+/g, ''));
      if (keys.length === 0) return 'missing';
      return keys.includes(tagsOf(expected.value).get('p')) ? 'ok' : 'mismatch';
    }
    case 'spf': {
      const spf = found.filter((r) => /^v=spf1(\s|$)/i.test(r.trim()));
      if (spf.length === 0) return 'missing';
      // Two SPF records make SPF fail for every message (RFC 7208 §4.5).
      if (spf.length > 1) return 'mismatch';
      const mechanism = runtime.config.spfInclude;
      return !mechanism || spf[0]!.toLowerCase().split(/\s+/).includes(mechanism.toLowerCase()) ? 'ok' : 'mismatch';
    }
    case 'dmarc':
      return found.some((r) => /^v=DMARC1\s*(;|$)/i.test(r.trim())) ? 'ok' : 'missing';
  }
}

/** The tags of a DKIM or DMARC record (`v=DKIM1; k=rsa; p=…`). */
function tagsOf(record: string): Map<string, string> {
  return new Map(
    record
      .split(';')
      .map((part) => part.split('='))
      .filter((pair) => pair.length >= 2)
      .map(([key, ...value]) => [key!.trim().toLowerCase(), value.join('=').trim()]),
  );
}

/** A domain as the API shows it: its records with the last check's outcome (unchecked ones for records it did not check). */
export function domainWire(runtime: Pick<Runtime, 'config'>, row: TDomainRow): TEmailDomain {
  const checked = new Map((row.checks ?? []).map((c) => [`${c.purpose}:${c.value}`, c]));
  return {
    id: row.id,
    domain: row.domain,
    dkim_selector: row.dkim_selector,
    status: row.status,
    records: expectedRecords(runtime, row).map((record) => checked.get(`${record.purpose}:${record.value}`) ?? record),
    checked_at: row.checked_at?.toISOString() ?? null,
    verified_at: row.verified_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}

export type TDkimKey = { domainName: string; keySelector: string; privateKey: string };

/** The workspace's sending domains with their DKIM keys, opened: the senders sign with them. */
export async function dkimKeys(runtime: Pick<Runtime, 'secrets'>, tenant: Tenant): Promise<Map<string, TDkimKey>> {
  const rows = await listDomains(tenant);
  return new Map(
    rows.map((row) => [
      row.domain,
      {
        domainName: row.domain,
        keySelector: row.dkim_selector,
        privateKey: runtime.secrets.decrypt(row.dkim_private_key_sealed, keyContext(tenant.workspaceId, row.domain)),
      },
    ]),
  );
}
