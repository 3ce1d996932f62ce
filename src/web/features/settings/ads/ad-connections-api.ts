import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAdNetwork } from '../../../../contracts/ads.js';
import type { TAdConnectionList, TAdPendingConnection, TAdRemoteCampaign } from '../../../../contracts/ads-connections.js';
import { api } from '../../../lib/api.js';
import { ADS_KEY } from '../../ads/ads-api.js';

export const CONNECTIONS_KEY = ['ad-connections'] as const;
export const CONNECTIONS_PATH = '/api/marketing/ad-connections';

/** The workspace's connections and, per network, whether the installation can connect it. */
export function useAdConnections() {
  return useQuery({
    queryKey: CONNECTIONS_KEY,
    queryFn: () => api.get<TAdConnectionList>(CONNECTIONS_PATH),
    // A sync runs in the background: its result shows up without a reload.
    refetchInterval: 15_000,
  });
}

/** The ad accounts a finished OAuth consent gave access to (`/settings/ads?connect=<id>`). */
export function usePendingConnection(id: string | null) {
  return useQuery({
    queryKey: [...CONNECTIONS_KEY, 'pending', id],
    queryFn: () => api.get<TAdPendingConnection>(`${CONNECTIONS_PATH}/pending/${id}`),
    enabled: id !== null,
    retry: false,
  });
}

/** The campaigns on the platform, with the local campaign each is linked to. */
export function useRemoteCampaigns(connectionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...CONNECTIONS_KEY, connectionId, 'campaigns'],
    queryFn: () => api.get<{ items: TAdRemoteCampaign[] }>(`${CONNECTIONS_PATH}/${connectionId}/campaigns`).then((r) => r.items),
    enabled,
  });
}

function useConnectionMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Connections and the campaigns they create or sync.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: CONNECTIONS_KEY }), queryClient.invalidateQueries({ queryKey: ADS_KEY })]),
  });
}

/** Starts the OAuth consent: the server answers the platform's page to send the browser to. */
export const useAuthorize = () =>
  useMutation({ mutationFn: (network: TAdNetwork) => api.post<{ url: string }>(`${CONNECTIONS_PATH}/${network}/authorize`, {}) });
export const useChooseAccount = () =>
  useConnectionMutation(({ pendingId, accountId }: { pendingId: string; accountId: string }) =>
    api.post(`${CONNECTIONS_PATH}/pending/${pendingId}`, { account_id: accountId }),
  );
export const useDeleteConnection = () => useConnectionMutation((id: string) => api.delete(`${CONNECTIONS_PATH}/${id}`));
export const useSyncConnection = () => useConnectionMutation((id: string) => api.post<{ queued: boolean }>(`${CONNECTIONS_PATH}/${id}/sync`, {}));
export const useLinkCampaign = () =>
  useConnectionMutation(({ id, platformCampaignId }: { id: string; platformCampaignId: string }) =>
    api.post(`${CONNECTIONS_PATH}/${id}/campaigns/link`, { platform_campaign_id: platformCampaignId }),
  );
