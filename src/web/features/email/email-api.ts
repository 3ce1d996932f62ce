import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  EMAIL_RECIPIENT_STATES,
  TEmailCampaign,
  TEmailCampaignList,
  TEmailCampaignRecipients,
  TEmailCampaignReport,
  TEmailCampaignStatus,
  TEmailRecipient,
} from '../../../contracts/email-campaigns.js';
import { api } from '../../lib/api.js';

export const CAMPAIGNS_KEY = ['email-campaigns'] as const;
export const campaignKey = (id: string) => [...CAMPAIGNS_KEY, 'one', id] as const;
export const recipientsKey = (id: string) => [...CAMPAIGNS_KEY, 'recipients', id] as const;
export const CAMPAIGNS_PATH = '/api/marketing/email-campaigns';

/** Liquid shown as an example in the forms (passed as a value: i18next would read the braces as its own placeholders). */
export const SUBJECT_EXAMPLE = '{{ lead.first_name | default: "ami" }}';

export type TEmailRecipientState = (typeof EMAIL_RECIPIENT_STATES)[number];

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

export const reportKey = (id: string) => [...CAMPAIGNS_KEY, 'report', id] as const;

/** While a campaign sends, its counters move: the page asks again every two seconds. */
export function useLiveCampaign(id: string) {
  return useQuery({
    queryKey: campaignKey(id),
    queryFn: () => api.get<TEmailCampaign>(`${CAMPAIGNS_PATH}/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'active' ? 2000 : false),
  });
}

/** The campaign's report; refreshed every five seconds while it sends or has just sent. */
export function useCampaignReport(id: string, live: boolean) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: () => api.get<TEmailCampaignReport>(`${CAMPAIGNS_PATH}/${id}/report`),
    refetchInterval: live ? 5000 : false,
  });
}

/** The recipients of the report, by state, a page at a time. */
export function useReportRecipients(id: string, state: TEmailRecipientState | null) {
  return useInfiniteQuery({
    queryKey: [...reportKey(id), 'recipients', state],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (state) params.set('state', state);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<{ items: TEmailRecipient[]; next_cursor: string | null }>(`${CAMPAIGNS_PATH}/${id}/report/recipients?${params}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}
