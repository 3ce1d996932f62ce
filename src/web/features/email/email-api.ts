import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TEmailCampaign, TEmailCampaignList, TEmailCampaignRecipients, TEmailCampaignStatus } from '../../../contracts/email-campaigns.js';
import { api } from '../../lib/api.js';

export const CAMPAIGNS_KEY = ['email-campaigns'] as const;
export const campaignKey = (id: string) => [...CAMPAIGNS_KEY, 'one', id] as const;
export const recipientsKey = (id: string) => [...CAMPAIGNS_KEY, 'recipients', id] as const;
export const CAMPAIGNS_PATH = '/api/marketing/email-campaigns';

/** Liquid shown as an example in the forms (passed as a value: i18next would read the braces as its own placeholders). */
export const SUBJECT_EXAMPLE = '{{ lead.first_name | default: "ami" }}';

export type TCampaignFilter = { status: TEmailCampaignStatus | null; q: string };

/** The campaigns matching the filter, newest first, a page of cards at a time. */
export function useCampaigns(filter: TCampaignFilter) {
  return useInfiniteQuery({
    queryKey: [...CAMPAIGNS_KEY, 'list', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '24' });
      if (filter.status) params.set('status', filter.status);
      if (filter.q.trim()) params.set('q', filter.q.trim());
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TEmailCampaignList>(`${CAMPAIGNS_PATH}?${params}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKey(id), queryFn: () => api.get<TEmailCampaign>(`${CAMPAIGNS_PATH}/${id}`) });
}

/** Who the saved campaign would reach now, and who its audience holds that it would not mail. */
export function useCampaignRecipients(id: string) {
  return useQuery({ queryKey: recipientsKey(id), queryFn: () => api.get<TEmailCampaignRecipients>(`${CAMPAIGNS_PATH}/${id}/recipients`) });
}
