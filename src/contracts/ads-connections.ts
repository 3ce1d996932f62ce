import { z } from 'zod';
import { ZAdConnection, ZAdNetwork } from './ads.js';
import { ZId } from './common.js';

// The routes of ad connections (issue 14, "Connectors") beyond the ZAdConnection wire of ads.ts: the networks the
// installation can connect, the OAuth round trip, the account choice and the remote campaigns to link.

/** Whether the installation has a network's app credentials; `missing` names the environment variables to set. */
export const ZAdNetworkSetup = z.object({
  network: ZAdNetwork,
  configured: z.boolean(),
  missing: z.array(z.string()),
  /** The OAuth redirect URI to register in the platform's app. */
  redirect_uri: z.string(),
});

export const ZAdConnectionList = z.object({ items: z.array(ZAdConnection), networks: z.array(ZAdNetworkSetup) });
export type TAdConnectionList = z.infer<typeof ZAdConnectionList>;

export const ZAdNetworkParams = z.object({ network: ZAdNetwork });

/** Where to send the browser for the platform's consent. */
export const ZAdAuthorize = z.object({ url: z.string() });

export const ZAdCallbackQuery = z.object({
  code: z.string().max(4_000).optional(),
  state: z.string().max(500).optional(),
  /** The platform's refusal (`access_denied` when the user declined). */
  error: z.string().max(200).optional(),
  error_description: z.string().max(2_000).optional(),
  error_reason: z.string().max(200).optional(),
});

/** Ad accounts the consent gave access to, for the user to pick one (after `/settings/ads?connect=<id>`). */
export const ZAdPendingConnection = z.object({
  id: ZId,
  network: ZAdNetwork,
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      currency: z.string().nullable(),
      /** Already connected in this workspace (choosing it again renews its tokens). */
      connected: z.boolean(),
    }),
  ),
});
export type TAdPendingConnection = z.infer<typeof ZAdPendingConnection>;

export const ZAdAccountChoice = z.strictObject({ account_id: z.string().trim().min(1).max(100) });

/** A campaign on the platform, with the local campaign that has its id (linked: synced by this connection). */
export const ZAdRemoteCampaign = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['active', 'paused', 'completed', 'draft']),
  currency: z.string().nullable(),
  /** The local campaign with this platform id, if any. */
  campaign_id: ZId.nullable(),
  /** That campaign is synced by this connection. */
  linked: z.boolean(),
});
export type TAdRemoteCampaign = z.infer<typeof ZAdRemoteCampaign>;

export const ZAdRemoteCampaignList = z.object({ items: z.array(ZAdRemoteCampaign) });

export const ZAdCampaignLinkBody = z.strictObject({ platform_campaign_id: z.string().trim().min(1).max(100) });

/** A sync queued (`POST /ad-connections/:id/sync`). */
export const ZAdSyncQueued = z.object({ queued: z.boolean() });
