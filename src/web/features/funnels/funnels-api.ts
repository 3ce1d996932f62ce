import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TFunnel, TFunnelLanguage, TFunnelList, TFunnelPageSummary, TFunnelTemplate, TFunnelType } from '../../../contracts/funnels.js';
import { MAX_FUNNELS_PER_WORKSPACE } from '../../../contracts/funnels.js';
import { api } from '../../lib/api.js';

export const FUNNELS_KEY = ['funnels'] as const;
export const FUNNELS_PATH = '/api/marketing/funnels';
export const FUNNEL_TEMPLATES_PATH = '/api/marketing/funnel-templates';
export const funnelKey = (id: string) => [...FUNNELS_KEY, 'one', id] as const;
export const funnelPagesKey = (id: string) => [...FUNNELS_KEY, 'pages', id] as const;
export const funnelListKey = [...FUNNELS_KEY, 'list'] as const;
export const funnelTemplatesKey = [...FUNNELS_KEY, 'templates'] as const;

/** The funnels, newest first, a page of cards at a time (optionally of one type). */
export function useFunnels(funnelType: TFunnelType | null) {
  return useInfiniteQuery({
    queryKey: [...funnelListKey, 'cards', funnelType],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '24' });
      if (funnelType) params.set('funnel_type', funnelType);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TFunnelList>(`${FUNNELS_PATH}?${params}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}

/**
 * Every funnel of the workspace (at most MAX_FUNNELS_PER_WORKSPACE, so two pages of a hundred), for the
 * Statistiques tab, which sorts them by visitors.
 */
export function useAllFunnels() {
  return useQuery({
    queryKey: [...funnelListKey, 'all'],
    queryFn: async () => {
      const items: TFunnel[] = [];
      let cursor: string | null = null;
      do {
        const params = new URLSearchParams({ limit: '100' });
        if (cursor) params.set('cursor', cursor);
        const page: TFunnelList = await api.get<TFunnelList>(`${FUNNELS_PATH}?${params}`);
        items.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && items.length < MAX_FUNNELS_PER_WORKSPACE);
      return items;
    },
  });
}

export function useFunnel(id: string) {
  return useQuery({ queryKey: funnelKey(id), queryFn: () => api.get<TFunnel>(`${FUNNELS_PATH}/${id}`) });
}

/** The funnel's pages in order (no HTML). */
export function useFunnelPages(id: string) {
  return useQuery({
    queryKey: funnelPagesKey(id),
    queryFn: async () => (await api.get<{ items: TFunnelPageSummary[] }>(`${FUNNELS_PATH}/${id}/pages`)).items,
  });
}

export type TTemplateFilter = { language: TFunnelLanguage | null; funnelType: TFunnelType | null };

/** The templates offered (built in, and the workspace's funnels marked as templates), optionally of one language and type. */
export function useFunnelTemplates(filter: TTemplateFilter, enabled = true) {
  return useQuery({
    queryKey: [...funnelTemplatesKey, filter],
    queryFn: async () => {
      const params = new URLSearchParams();
      if (filter.language) params.set('language', filter.language);
      if (filter.funnelType) params.set('funnel_type', filter.funnelType);
      const query = params.toString() ? `?${params}` : '';
      return (await api.get<{ items: TFunnelTemplate[] }>(`${FUNNEL_TEMPLATES_PATH}${query}`)).items;
    },
    enabled,
    staleTime: 60_000,
  });
}
