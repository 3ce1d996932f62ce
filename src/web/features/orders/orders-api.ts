import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TOrderDetail, TOrderRefundBody, TOrderStatus } from '../../../contracts/commerce-orders.js';
import type { TOrder } from '../../../contracts/commerce-orders.js';
import { api } from '../../lib/api.js';
import { useCursorPages } from '../../lib/cursor-pages.js';

export const ORDERS_KEY = ['orders'] as const;
export const ORDERS_PATH = '/api/marketing/orders';

/** The orders, newest first, 50 a page, by status and part of the buyer's email. */
export function useOrders(status: TOrderStatus | null, q: string) {
  return useCursorPages<TOrder>(ORDERS_KEY, ORDERS_PATH, { status, q });
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

/** Ends the order's subscription at the provider (the refund stays separate); the lists and the order are refetched. */
export function useCancelSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TOrderDetail>(`${ORDERS_PATH}/${id}/cancel-subscription`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORDERS_KEY }),
  });
}

/** An amount of cents in the order's own currency, always with cents ("124,00 €"). */
export function formatCents(locale: string, cents: number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}
