import { and, between, eq, inArray } from 'drizzle-orm';
import type { TAdCampaignStatus } from '../../../contracts/ads.js';
import { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { workspaces } from '../../workspaces/tables.js';
import { adCampaignDays, adCampaigns, adConnections } from '../ads.tables.js';
import { replaceAdDays, type TAdDayFigures } from '../campaigns/ad-days.service.js';
import { addDays, todayIn } from '../campaigns/ad-dates.js';
import { AdPlatformError, type TRemoteCampaign, type TRemoteDay } from './ad-connector.js';
import { useConnection } from './connection-tokens.js';

// The sync of one connection: the figures of yesterday and the 28 days before it (platforms restate recent days:
// late conversions, invalid clicks refunded) for the campaigns linked to it, plus their name and status as they are
// on the platform. "Yesterday" is the workspace's (its time zone), today being incomplete.

/** Days re-read at each sync: yesterday and the 28 before it. */
export const SYNC_DAYS = 29;

export type TSyncOutcome =
  { ok: true; from: string; to: string; days_written: number; campaigns_updated: number } | { ok: false; kind: AdPlatformError['kind']; message: string };

/**
 * Syncs one connection. A platform's refusal is recorded on the connection by useConnection and returned (the job
 * does not retry it: the next daily run or the user's "Synchroniser" will); other failures throw.
 */
export async function syncConnection(runtime: Runtime, tenant: Tenant, connectionId: string, now = new Date()): Promise<TSyncOutcome> {
  const [workspace] = await tenant.db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, tenant.workspaceId)).limit(1);
  const to = addDays(todayIn(workspace?.timezone ?? 'UTC', now), -1);
  const from = addDays(to, -(SYNC_DAYS - 1));
  let remote: { campaigns: TRemoteCampaign[]; days: TRemoteDay[] };
  try {
    remote = await useConnection(runtime, tenant, connectionId, async (connector, tokens, accountId) => ({
      campaigns: await connector.listCampaigns(tokens, accountId),
      days: await connector.dailyFigures(tokens, accountId, from, to),
    }));
  } catch (err) {
    if (err instanceof AdPlatformError) return { ok: false, kind: err.kind, message: err.message };
    throw err;
  }
  const linked = await tenant.db
    .select({ id: adCampaigns.id, name: adCampaigns.name, status: adCampaigns.status, platform_campaign_id: adCampaigns.platform_campaign_id })
    .from(adCampaigns)
    .where(tenant.where(adCampaigns, eq(adCampaigns.connection_id, connectionId)));
  const byRemoteId = new Map(linked.filter((c) => c.platform_campaign_id).map((c) => [c.platform_campaign_id!, c]));
  const days: TAdDayFigures[] = remote.days
    .filter((d) => byRemoteId.has(d.campaign_id) && d.date >= from && d.date <= to)
    .map((d) => ({ ...d, campaign_id: byRemoteId.get(d.campaign_id)!.id }));

  let campaignsUpdated = 0;
  const written = await tenant.db.transaction(async (db) => {
    const tx = new Tenant(db, tenant.workspaceId);
    // A day the platform no longer reports (restated to nothing) must not keep its old synced figures; days typed in
    // or imported stay unless the platform reports them.
    if (linked.length > 0) {
      await tx.db.delete(adCampaignDays).where(
        and(
          eq(adCampaignDays.workspace_id, tenant.workspaceId),
          inArray(
            adCampaignDays.campaign_id,
            linked.map((c) => c.id),
          ),
          between(adCampaignDays.date, from, to),
          eq(adCampaignDays.source, 'sync'),
        ),
      );
    }
    const count = await replaceAdDays(tx, days, 'sync');
    for (const campaign of remote.campaigns) {
      const local = byRemoteId.get(campaign.id);
      if (!local) continue;
      const status: TAdCampaignStatus = campaign.status === 'draft' ? local.status : campaign.status;
      const name = campaign.name.slice(0, 200) || local.name;
      if (status === local.status && name === local.name) continue;
      await tx.update(adCampaigns, local.id, { status, name, updated_at: new Date() }, 'ad campaign');
      campaignsUpdated += 1;
    }
    await tx.db.update(adConnections).set({ last_sync_at: now, updated_at: new Date() }).where(tx.byId(adConnections, connectionId));
    return count;
  });
  return { ok: true, from, to, days_written: written, campaigns_updated: campaignsUpdated };
}
