import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAiLanguage, TAiTone, TBrandKit, TBrandKitBody } from '../../../../contracts/ai.js';
import { REWRITE_ACTIONS } from '../../../../contracts/ai.js';
import { api } from '../../../lib/api.js';
import { AI_KEY, AI_PATH } from '../../ai/ai-api.js';

// The AI endpoints of the settings and the editors: the brand kit and "rewrite the selection" (the writer's status
// and the generations are in features/ai/ai-api.ts).

export const BRAND_KIT_KEY = [...AI_KEY, 'brand-kit'] as const;

/** GET /ai/brand-kit (the defaults until the first save). */
export function useBrandKit() {
  return useQuery({ queryKey: BRAND_KIT_KEY, queryFn: () => api.get<TBrandKit>(`${AI_PATH}/brand-kit`) });
}

/** PUT /ai/brand-kit: the fields sent are saved, the answer replaces the cached kit. */
export function useSaveBrandKit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBrandKitBody) => api.put<TBrandKit>(`${AI_PATH}/brand-kit`, body),
    onSuccess: (saved) => queryClient.setQueryData(BRAND_KIT_KEY, saved),
  });
}

export type TRewriteAction = (typeof REWRITE_ACTIONS)[number];
export type TRewriteRequest = { text: string; action: TRewriteAction; tone?: TAiTone; language: TAiLanguage };
export type TRewriteAnswer = { text: string; writer: 'builtin' | 'model' };

/** POST /ai/rewrite: the selected plain text, rewritten (plain text too). */
export function rewriteText(request: TRewriteRequest): Promise<TRewriteAnswer> {
  return api.post<TRewriteAnswer>(`${AI_PATH}/rewrite`, request);
}
