import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPageOffer, TPageOfferBody } from '../../../../contracts/commerce-checkout.js';
import { api } from '../../../lib/api.js';
import { FUNNELS_PATH } from '../funnels-api.js';

// What each step of a funnel sells (commerce's step offers), read once for the whole funnel view.

export const funnelOffersKey = (funnelId: string) => ['funnels', funnelId, 'offers'] as const;

export function useFunnelOffers(funnelId: string) {
  return useQuery({
    queryKey: funnelOffersKey(funnelId),
    queryFn: async () => (await api.get<{ items: TPageOffer[] }>(`${FUNNELS_PATH}/${funnelId}/offers`)).items,
  });
}

export function useSetPageOffer(funnelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pageId, body }: { pageId: string; body: TPageOfferBody }) => api.put<TPageOffer>(`${FUNNELS_PATH}/${funnelId}/pages/${pageId}/offer`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: funnelOffersKey(funnelId) }),
  });
}

export function useDeletePageOffer(funnelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pageId: string) => api.delete(`${FUNNELS_PATH}/${funnelId}/pages/${pageId}/offer`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: funnelOffersKey(funnelId) }),
  });
}
