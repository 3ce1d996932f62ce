import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TEmailCampaign } from '../../../../../contracts/email-campaigns.js';
import { api } from '../../../../lib/api.js';
import { CAMPAIGNS_KEY, CAMPAIGNS_PATH, campaignKey } from '../../email-api.js';

/** Turns a campaign's send-time optimisation on or off alone; the saved campaign replaces the cached one. */
export function useSaveSendTime(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => api.patch<TEmailCampaign>(`${CAMPAIGNS_PATH}/${campaignId}`, { send_time_optimization: on }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(campaignKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, 'list'] });
    },
  });
}
