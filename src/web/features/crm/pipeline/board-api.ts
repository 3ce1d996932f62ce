import { useInfiniteQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { TLead, TLeadBoard, TLeadStatus } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';
import { LEADS_KEY } from '../crm-api.js';

/** Cards fetched per page of a board column; the next page loads as the column scrolls to its end. */
export const BOARD_PAGE_SIZE = 50;

export type TColumnPage = { items: TLead[]; next_cursor: string | null };
export type TColumnData = InfiniteData<TColumnPage, string | null>;

/** The cache key of one column's pages. */
export const columnKey = (status: TLeadStatus) => [...LEADS_KEY, 'column', status] as const;

/** The cache key of the board's first screen, every column's first page from one request. */
const BOARD_KEY = [...LEADS_KEY, 'board'] as const;

/**
 * One pipeline column's leads, newest first, page after page (the list's keyset cursor). The first pages of all
 * columns come from one request (`/api/marketing/leads/board`): the columns ask for it together and TanStack
 * Query runs a fetch already in flight once, so a cold board costs one request, not seven.
 */
export function useColumnLeads(status: TLeadStatus) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: columnKey(status),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      if (!pageParam) return firstPage(queryClient, status);
      const params = new URLSearchParams({ status, limit: String(BOARD_PAGE_SIZE), cursor: pageParam });
      return api.get<TColumnPage>(`/api/marketing/leads?${params.toString()}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}

async function firstPage(queryClient: QueryClient, status: TLeadStatus): Promise<TColumnPage> {
  // staleTime 0: a column refetched later (after a move) gets today's board, never a kept copy.
  const board = await queryClient.fetchQuery({
    queryKey: BOARD_KEY,
    queryFn: () => api.get<TLeadBoard>(`/api/marketing/leads/board?limit=${BOARD_PAGE_SIZE}`),
    staleTime: 0,
  });
  const column = board.columns.find((candidate) => candidate.status === status);
  return { items: column?.items ?? [], next_cursor: column?.next_cursor ?? null };
}
