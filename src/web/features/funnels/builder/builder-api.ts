import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunnel, TFunnelPage, TFunnelPageUpdateBody } from '../../../../contracts/funnels.js';
import { api } from '../../../lib/api.js';

// The builder's calls. The keys follow the funnels screens' (['funnels', …]) so a publication here refreshes them.

export const FUNNELS_PATH = '/api/marketing/funnels';
export const FILES_PATH = '/api/marketing/files';

export const funnelKey = (id: string) => ['funnels', 'one', id] as const;
export const pageKey = (id: string, pageId: string) => ['funnels', 'page', id, pageId] as const;

export const pagePath = (id: string, pageId: string) => `${FUNNELS_PATH}/${id}/pages/${pageId}`;

/** The funnel (its language and whether it is published). */
export function useBuilderFunnel(id: string) {
  return useQuery({ queryKey: funnelKey(id), queryFn: () => api.get<TFunnel>(`${FUNNELS_PATH}/${id}`) });
}

/**
 * The page, read once: the builder holds the truth while it is open, so a refetch (window focus…) must not reload
 * the canvas under the user's hands.
 */
export function useBuilderPage(id: string, pageId: string) {
  return useQuery({
    queryKey: pageKey(id, pageId),
    queryFn: async () => {
      await pendingSaves.get(pageId);
      return api.get<TFunnelPage>(pagePath(id, pageId));
    },
    staleTime: Infinity,
    // Dropped when the builder closes: opening it again reads the page afresh.
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

// Saves still on their way, by page: opening the page again waits for them before reading it (a quick back and
// forth must not load the version before the last save, then save over it).
const pendingSaves = new Map<string, Promise<unknown>>();

/** Saves part of the page (the builder's content, its JavaScript…). */
export function patchPage(id: string, pageId: string, body: TFunnelPageUpdateBody): Promise<TFunnelPage> {
  const request = api.patch<TFunnelPage>(pagePath(id, pageId), body);
  const settled = request.catch(() => undefined);
  pendingSaves.set(pageId, settled);
  void settled.then(() => {
    if (pendingSaves.get(pageId) === settled) pendingSaves.delete(pageId);
  });
  return request;
}

/** Publishes the funnel (its pages' current versions go live) and refreshes what the funnels screens show. */
export function usePublishFunnel(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TFunnel>(`${FUNNELS_PATH}/${id}/publish`),
    onSuccess: async (funnel) => {
      queryClient.setQueryData(funnelKey(id), funnel);
      await queryClient.invalidateQueries({ queryKey: ['funnels'], predicate: (query) => query.queryKey[1] !== 'page' });
    },
  });
}
