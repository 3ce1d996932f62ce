import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPriceCreateBody, TPriceUpdateBody, TProduct, TProductStatus, TProductUpdateBody } from '../../../contracts/commerce-products.js';
import { api } from '../../lib/api.js';
import { useCursorPages } from '../../lib/cursor-pages.js';

export const PRODUCTS_KEY = ['products'] as const;
export const PRODUCTS_PATH = '/api/marketing/products';

/** The products, newest first, 50 a page, filtered by status and a part of the name. */
export function useProducts(status: TProductStatus | null, q: string) {
  return useCursorPages<TProduct>(PRODUCTS_KEY, PRODUCTS_PATH, { status, q });
}

/** Every change answers the product as it is now: the lists are refetched. */
function useProductMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<TProduct>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY }) });
}

export type TProductCreateInput = {
  name: string;
  description: string | null;
  image_file_id: string | null;
  tax_behavior: 'inclusive' | 'exclusive';
  tax_rate_bps: number | null;
  stripe_tax: boolean;
  prices: TPriceCreateBody[];
};

export const useCreateProduct = () => useProductMutation((body: TProductCreateInput) => api.post<TProduct>(PRODUCTS_PATH, body));
export const useUpdateProduct = () =>
  useProductMutation(({ id, body }: { id: string; body: TProductUpdateBody }) => api.patch<TProduct>(`${PRODUCTS_PATH}/${id}`, body));
export const useDuplicateProduct = () => useProductMutation((id: string) => api.post<TProduct>(`${PRODUCTS_PATH}/${id}/duplicate`, {}));
export const useAddPrice = () =>
  useProductMutation(({ id, body }: { id: string; body: TPriceCreateBody }) => api.post<TProduct>(`${PRODUCTS_PATH}/${id}/prices`, body));
export const useUpdatePrice = () =>
  useProductMutation(({ id, priceId, body }: { id: string; priceId: string; body: TPriceUpdateBody }) =>
    api.patch<TProduct>(`${PRODUCTS_PATH}/${id}/prices/${priceId}`, body),
  );

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${PRODUCTS_PATH}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY }),
  });
}
