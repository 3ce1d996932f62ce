import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAbTest, TAbVariantKey, TEmailCampaign } from '../../../../../contracts/email-campaigns.js';
import { api } from '../../../../lib/api.js';
import { CAMPAIGNS_KEY, CAMPAIGNS_PATH, campaignKey, reportKey } from '../../email-api.js';

/** Saves a campaign's A/B test alone (`null` removes it); the saved campaign replaces the cached one. */
export function useSaveAbTest(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (abTest: TAbTest | null) => api.patch<TEmailCampaign>(`${CAMPAIGNS_PATH}/${campaignId}`, { ab_test: abTest }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(campaignKey(saved.id), saved);
      // The cards show an "A/B" badge.
      await queryClient.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, 'list'] });
    },
  });
}

/** A member picks the winner by hand: it goes to the rest of the recipients at once. */
export function usePickWinner(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variant: TAbVariantKey) => api.post<TEmailCampaign>(`${CAMPAIGNS_PATH}/${campaignId}/ab-test/winner`, { variant }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(campaignKey(saved.id), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reportKey(saved.id) }),
        queryClient.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, 'list'] }),
      ]);
    },
  });
}
