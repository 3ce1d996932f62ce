import { randomUUID } from 'node:crypto';
import { and, asc, inArray } from 'drizzle-orm';
import type { TAdPendingConnection, TAdRemoteCampaign } from '../../../contracts/ads-connections.js';
import { EMPTY_AUDIENCE, type TAdNetwork, type TAdPlatform } from '../../../contracts/ads.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { adCampaigns, adConnections } from '../ads.tables.js';
import { createAdCampaign } from '../campaigns/ad-campaigns.service.js';
import { AdPlatformError, type TAdTokens } from './ad-connector.js';
import { adPlatformProblem, callPlatform, sealTokens, type TAdConnectionRow } from './connection-tokens.js';
import { connectorFor } from './connector-registry.js';

/** Connections a workspace may hold (each syncs daily). */
export const MAX_AD_CONNECTIONS_PER_WORKSPACE = 50;

/** The platforms a network's campaigns are recorded under; the first is the one a linked campaign gets. */
const PLATFORMS: Record<TAdNetwork, TAdPlatform[]> = { meta: ['facebook', 'instagram'], google: ['google'], linkedin: ['linkedin'] };

export async function listConnections(tenant: Tenant): Promise<TAdConnectionRow[]> {
  return tenant.db.select().from(adConnections).where(tenant.where(adConnections)).orderBy(asc(adConnections.created_at), asc(adConnections.id));
}

/** Removes a connection; its campaigns and their days stay (their connection_id empties). */
export async function deleteConnection(tenant: Tenant, id: string): Promise<void> {
  await tenant.delete(adConnections, id, 'ad connection');
}

/** The accounts a pending consent opens, each marked when already connected here. */
export async function pendingAccounts(
  runtime: Runtime,
  tenant: Tenant,
  pending: { id: string; network: TAdNetwork; tokens: TAdTokens },
): Promise<TAdPendingConnection> {
  const connector = connectorFor(pending.network, runtime.config);
  const accounts = await platformCall(pending.network, () => connector.listAccounts(pending.tokens));
  const connected = new Set((await listConnections(tenant)).filter((c) => c.network === pending.network).map((c) => c.account_id));
  return { id: pending.id, network: pending.network, accounts: accounts.map((a) => ({ ...a, connected: connected.has(a.id) })) };
}

/**
 * Creates the connection to the account the user picked among those the consent opens (or, for an account already
 * connected, renews its tokens and clears its errors: how an expired connection is repaired).
 */
export async function connectAccount(
  runtime: Runtime,
  tenant: Tenant,
  actor: TAuth,
  pending: { network: TAdNetwork; tokens: TAdTokens },
  accountId: string,
): Promise<{ row: TAdConnectionRow; created: boolean }> {
  const connector = connectorFor(pending.network, runtime.config);
  const accounts = await platformCall(pending.network, () => connector.listAccounts(pending.tokens));
  const account = accounts.find((a) => a.id === accountId);
  if (!account) {
    throw new AppError('bad_request', 'This account is not among those the consent gave access to', {
      reason: 'ad_account_unknown',
      errors: [{ path: 'body.account_id', message: 'not one of the consent’s accounts', code: 'ad_account_unknown' }],
    });
  }
  return tenant.db.transaction(async (db) => {
    const tx = new Tenant(db, tenant.workspaceId);
    await tx.lockForTransaction('ad_connections');
    const all = await listConnections(tx);
    const existing = all.find((c) => c.network === pending.network && c.account_id === account.id);
    const id = existing?.id ?? randomUUID();
    const sealed = sealTokens(runtime.secrets, tenant.workspaceId, id, pending.tokens);
    const values = {
      account_name: account.name,
      sealed_tokens: sealed,
      token_expires_at: pending.tokens.expires_at ?? null,
      status: 'active' as const,
      last_error: null,
      rate_limited_until: null,
    };
    if (existing) return { row: await tx.update(adConnections, id, { ...values, updated_at: new Date() }, 'ad connection'), created: false };
    if (all.length >= MAX_AD_CONNECTIONS_PER_WORKSPACE) {
      throw new AppError('conflict', `A workspace has at most ${MAX_AD_CONNECTIONS_PER_WORKSPACE} ad connections`, {
        reason: 'ad_connections_limit',
        params: { limit: MAX_AD_CONNECTIONS_PER_WORKSPACE },
      });
    }
    const row = await tx.insert(adConnections, { id, network: pending.network, account_id: account.id, created_by: actor.user_id, ...values });
    return { row, created: true };
  });
}

/** The account's campaigns on the platform, each with the local campaign that carries its id. */
export async function remoteCampaigns(runtime: Runtime, tenant: Tenant, connectionId: string): Promise<TAdRemoteCampaign[]> {
  const connection = await tenant.get(adConnections, connectionId, 'ad connection');
  const remote = await callPlatform(runtime, tenant, connectionId, (connector, tokens, accountId) => connector.listCampaigns(tokens, accountId));
  const local = await localCampaigns(
    tenant,
    connection.network,
    remote.map((r) => r.id),
  );
  return remote.map((r) => {
    const found = local.get(r.id);
    return { ...r, campaign_id: found?.id ?? null, linked: found?.connection_id === connectionId };
  });
}

/**
 * Links a remote campaign to this connection: the local campaign with its platform id when there is one (from a
 * report import, say), else a new campaign named and priced as on the platform. The next sync fills its days.
 */
export async function linkCampaign(runtime: Runtime, tenant: Tenant, connectionId: string, platformCampaignId: string): Promise<TAdRemoteCampaign> {
  const connection = await tenant.get(adConnections, connectionId, 'ad connection');
  const remote = (await callPlatform(runtime, tenant, connectionId, (connector, tokens, accountId) => connector.listCampaigns(tokens, accountId))).find(
    (r) => r.id === platformCampaignId,
  );
  if (!remote) {
    throw new AppError('bad_request', 'No campaign with this id in the connected account', {
      reason: 'ad_remote_campaign_unknown',
      errors: [{ path: 'body.platform_campaign_id', message: 'not a campaign of the connected account', code: 'ad_remote_campaign_unknown' }],
    });
  }
  let campaignId = (await localCampaigns(tenant, connection.network, [remote.id])).get(remote.id)?.id;
  if (!campaignId) {
    const created = await createAdCampaign(tenant, {
      name: remote.name.slice(0, 200) || remote.id,
      platform: PLATFORMS[connection.network][0]!,
      status: remote.status,
      currency: remote.currency && /^[A-Z]{3}$/.test(remote.currency) ? remote.currency : 'EUR',
      platform_campaign_id: remote.id,
      target_audience: EMPTY_AUDIENCE,
    });
    campaignId = created.row.id;
  }
  await tenant.update(adCampaigns, campaignId, { connection_id: connectionId, updated_at: new Date() }, 'ad campaign');
  return { ...remote, campaign_id: campaignId, linked: true };
}

/** Local campaigns of the network by platform id. */
async function localCampaigns(tenant: Tenant, network: TAdNetwork, ids: string[]): Promise<Map<string, { id: string; connection_id: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await tenant.db
    .select({ id: adCampaigns.id, platform_campaign_id: adCampaigns.platform_campaign_id, connection_id: adCampaigns.connection_id })
    .from(adCampaigns)
    .where(tenant.where(adCampaigns, and(inArray(adCampaigns.platform, PLATFORMS[network]), inArray(adCampaigns.platform_campaign_id, ids.slice(0, 5_000)))));
  return new Map(rows.map((r) => [r.platform_campaign_id!, { id: r.id, connection_id: r.connection_id }]));
}

/** A platform call outside a connection (the pending consent): its refusal as the HTTP problem. */
async function platformCall<T>(network: TAdNetwork, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AdPlatformError) throw adPlatformProblem(err, network);
    throw err;
  }
}
