import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPageAbTestState, TPageVariant, TPageVariantCreateBody, TPageVariantUpdateBody } from '../../../../contracts/funnels.js';
import { api } from '../../../lib/api.js';
import { FUNNELS_KEY, FUNNELS_PATH, funnelPagesKey } from '../funnels-api.js';

// A page's A/B test: the test with its numbers (refreshed every 30 s while open), and its changes. Every change
// answers with the test (or a variant) and refreshes the test's query and the funnel's pages (a decision changes the page).

export const abTestPath = (funnelId: string, pageId: string) => `${FUNNELS_PATH}/${funnelId}/pages/${pageId}/ab-test`;
export const abTestKey = (funnelId: string, pageId: string) => [...FUNNELS_KEY, 'ab-test', funnelId, pageId] as const;

export function usePageAbTest(funnelId: string, pageId: string) {
  return useQuery({
    queryKey: abTestKey(funnelId, pageId),
    queryFn: () => api.get<TPageAbTestState>(abTestPath(funnelId, pageId)),
    refetchInterval: 30_000,
  });
}

type TAction =
  | { kind: 'create'; body: TPageVariantCreateBody }
  | { kind: 'update'; variantId: string; body: TPageVariantUpdateBody }
  | { kind: 'delete-variant'; variantId: string }
  | { kind: 'auto-apply'; value: boolean }
  | { kind: 'start' }
  | { kind: 'stop' }
  | { kind: 'publish' }
  | { kind: 'apply-winner'; variantId: string }
  | { kind: 'delete-test' };

function send(base: string, action: TAction): Promise<unknown> {
  switch (action.kind) {
    case 'create':
      return api.post<TPageVariant>(`${base}/variants`, action.body);
    case 'update':
      return api.patch<TPageVariant>(`${base}/variants/${action.variantId}`, action.body);
    case 'delete-variant':
      return api.delete(`${base}/variants/${action.variantId}`);
    case 'auto-apply':
      return api.patch<TPageAbTestState>(base, { auto_apply: action.value });
    case 'start':
      return api.post<TPageAbTestState>(`${base}/start`, {});
    case 'stop':
      return api.post<TPageAbTestState>(`${base}/stop`, {});
    case 'publish':
      return api.post<TPageAbTestState>(`${base}/publish`, {});
    case 'apply-winner':
      return api.post<TPageAbTestState>(`${base}/apply-winner`, { variant_id: action.variantId });
    case 'delete-test':
      return api.delete(base);
  }
}

/** One mutation for every change of the test; callers show errors (notifyError) and successes. */
export function usePageAbAction(funnelId: string, pageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TAction) => send(abTestPath(funnelId, pageId), action),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: abTestKey(funnelId, pageId) });
      await queryClient.invalidateQueries({ queryKey: funnelPagesKey(funnelId) });
    },
  });
}
