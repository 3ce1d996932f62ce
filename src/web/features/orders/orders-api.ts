import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TOrderDetail, TOrderRefundBody, TOrderStatus } from '../../../contracts/commerce-orders.js';
import type { TOrder } from '../../../contracts/commerce-orders.js';
import { api } from '../../lib/api.js';

export const ORDERS_KEY = ['orders'] as const;
export const ORDERS_PATH = '/api/marketing/orders';

type TOrderList = { items: TOrder[]; next_cursor: string | null };

/** The orders, newest first, 50 a page, by status and part of the buyer's email. */
export function useOrders(status: TOrderStatus | null, q: string) {
  return useInfiniteQuery({
    queryKey: [...ORDERS_KEY, 'list', status, q],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (status) params.set('status', status);
      if (q.trim()) params.set('q', q.trim());
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TOrderList>(`${ORDERS_PATH}?${params}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** One order with its lines (the drawer). */
export function useOrder(id: string | null) {
  return useQuery({ queryKey: [...ORDERS_KEY, 'one', id], queryFn: () => api.get<TOrderDetail>(`${ORDERS_PATH}/${id}`), enabled: id !== null });
}

/** Refunds all or part of an order; the lists and the order are refetched. */
export function useRefundOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TOrderRefundBody }) => api.post<TOrderDetail>(`${ORDERS_PATH}/${id}/refund`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORDERS_KEY }),
  });
}

/** An amount of cents in the order's own currency, always with cents ("124,00 €"). */
export function formatCents(locale: string, cents: number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}
