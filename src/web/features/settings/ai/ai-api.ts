import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAiLanguage, TAiStatus, TAiTone, TBrandKit, TBrandKitBody } from '../../../../contracts/ai.js';
import { REWRITE_ACTIONS } from '../../../../contracts/ai.js';
import { api } from '../../../lib/api.js';

// The AI endpoints the web calls: the brand kit, the writer's status, and the editors' "rewrite the selection".

export const BRAND_KIT_KEY = ['ai', 'brand-kit'] as const;
export const AI_STATUS_KEY = ['ai', 'status'] as const;
const BASE = '/api/marketing/ai';

/** GET /ai/brand-kit (the defaults until the first save). */
export function useBrandKit() {
  return useQuery({ queryKey: BRAND_KIT_KEY, queryFn: () => api.get<TBrandKit>(`${BASE}/brand-kit`) });
}

/** PUT /ai/brand-kit: the fields sent are saved, the answer replaces the cached kit. */
export function useSaveBrandKit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBrandKitBody) => api.put<TBrandKit>(`${BASE}/brand-kit`, body),
    onSuccess: (saved) => queryClient.setQueryData(BRAND_KIT_KEY, saved),
  });
}

/** GET /ai/status: which writer generations use, where its settings come from, this month's usage. */
export function useAiStatus() {
  return useQuery({ queryKey: AI_STATUS_KEY, queryFn: () => api.get<TAiStatus>(`${BASE}/status`) });
}

export type TRewriteAction = (typeof REWRITE_ACTIONS)[number];
export type TRewriteRequest = { text: string; action: TRewriteAction; tone?: TAiTone; language: TAiLanguage };
export type TRewriteAnswer = { text: string; writer: 'builtin' | 'model' };

/** POST /ai/rewrite: the selected plain text, rewritten (plain text too). */
export function rewriteText(request: TRewriteRequest): Promise<TRewriteAnswer> {
  return api.post<TRewriteAnswer>(`${BASE}/rewrite`, request);
}
