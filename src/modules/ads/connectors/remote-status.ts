import type { Tenant } from '../../../platform/db/tenant.js';
import type { Runtime } from '../../../platform/runtime.js';
import { callPlatform } from './connection-tokens.js';

/**
 * Pauses or resumes a linked campaign on its platform before the local status changes (pause and resume from /ads):
 * when the platform refuses, this throws the problem (502 `ad_platform_error`, 429 `ad_platform_rate_limited`, 409
 * `ad_connection_expired`) and the caller leaves the campaign as it was. Returns false, calling nothing, for a campaign
 * no connection syncs (manual entry and imports: the status is only local).
 */
export async function setRemoteCampaignStatus(
  runtime: Runtime,
  tenant: Tenant,
  campaign: { id: string; connection_id: string | null; platform_campaign_id: string | null },
  status: 'active' | 'paused',
): Promise<boolean> {
  if (!campaign.connection_id || !campaign.platform_campaign_id) return false;
  const remoteId = campaign.platform_campaign_id;
  await callPlatform(runtime, tenant, campaign.connection_id, (connector, tokens, accountId) =>
    connector.setCampaignStatus(tokens, accountId, remoteId, status),
  );
  return true;
}
