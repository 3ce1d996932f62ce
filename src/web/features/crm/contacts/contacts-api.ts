import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TLead, TLeadFilter, TLeadSort } from '../../../../contracts/crm.js';
import type { TLeadBulkBody, TSavedView, TSavedViewBody } from '../../../../contracts/crm-contacts.js';
import { api } from '../../../lib/api.js';
import { LEADS_KEY, STATS_KEY } from '../crm-api.js';
import { leadQueryString } from './contacts-filter.js';

export const SAVED_VIEWS_KEY = ['crm', 'saved-views'] as const;

/** Rows fetched per page of the Contacts table. */
const PAGE_SIZE = 100;

/** The Contacts rows, page after page (keyset cursor), for a filter and a sort. */
export function useContactPages(filter: TLeadFilter, sort: TLeadSort) {
  return useInfiniteQuery({
    queryKey: [...LEADS_KEY, 'contacts', filter, sort],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = leadQueryString(filter, sort);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return api.get<{ items: TLead[]; next_cursor: string | null }>(`/api/marketing/leads?${params.toString()}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** How many leads match the filter. */
export function useLeadCount(filter: TLeadFilter) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'count', filter],
    queryFn: () => api.get<{ count: number }>(`/api/marketing/leads/count?${leadQueryString(filter).toString()}`).then((r) => r.count),
  });
}

/** Runs a bulk action, then refreshes every lead list and the key numbers. */
export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLeadBulkBody) => api.post<{ affected: number }>('/api/marketing/leads/bulk', body),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
    },
  });
}

/** The workspace's saved Contacts views. */
export function useSavedViews() {
  return useQuery({ queryKey: SAVED_VIEWS_KEY, queryFn: () => api.get<TSavedView[]>('/api/marketing/saved-views') });
}

/** Saves a view. */
export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSavedViewBody) => api.post<TSavedView>('/api/marketing/saved-views', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY }),
  });
}

/** Deletes a view. */
export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/marketing/saved-views/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY }),
  });
}
