import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './api.js';

/** A page of a list route: `{items, next_cursor}` (every list of the API answers so). */
export type TCursorPage<T> = { items: T[]; next_cursor: string | null };

/**
 * A list route read page after page (`?cursor=`), `limit` a page, with its filters as query parameters: empty or
 * null filters are left out, text is trimmed. The query key holds the filters, so a change of filter starts over.
 */
export function useCursorPages<T>(key: readonly unknown[], path: string, filters: Record<string, string | null | undefined>, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...key, 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      for (const [name, value] of Object.entries(filters)) if (value?.trim()) params.set(name, value.trim());
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TCursorPage<T>>(`${path}?${params}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}
