import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { TLead, TLeadStatus } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';
import { LEADS_KEY } from '../crm-api.js';

/** Cards fetched per page of a board column; the next page loads as the column scrolls to its end. */
export const BOARD_PAGE_SIZE = 50;

export type TColumnPage = { items: TLead[]; next_cursor: string | null };
export type TColumnData = InfiniteData<TColumnPage, string | null>;

/** The cache key of one column's pages. */
export const columnKey = (status: TLeadStatus) => [...LEADS_KEY, 'column', status] as const;

/** One pipeline column's leads, newest first, page after page (the list's keyset cursor). */
export function useColumnLeads(status: TLeadStatus) {
  return useInfiniteQuery({
    queryKey: columnKey(status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ status, limit: String(BOARD_PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TColumnPage>(`/api/marketing/leads?${params.toString()}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}
