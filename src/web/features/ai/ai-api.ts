import { useMutation, useQuery } from '@tanstack/react-query';
import {
  ZAdCreativeSet,
  type TAdCreativeSet,
  type TAiGeneration,
  type TAiStatus,
  type TRegenerateBody,
  type TRegenerateResult,
} from '../../../contracts/ai.js';
import { api } from '../../lib/api.js';

export const AI_PATH = '/api/marketing/ai';
export const AI_KEY = ['ai'] as const;
export const generationsKey = (targetId: string) => [...AI_KEY, 'generations', targetId] as const;

export const GENERATE_PATHS = {
  funnel: '/api/marketing/funnels/generate',
  email: '/api/marketing/email-campaigns/generate',
  ad: '/api/marketing/ads/generate',
} as const;

/** Which writer the workspace's generations use (the built-in generator or a model), for the dialog's badge. */
export function useAiStatus() {
  return useQuery({ queryKey: [...AI_KEY, 'status'], queryFn: () => api.get<TAiStatus>(`${AI_PATH}/status`), staleTime: 60_000 });
}

/** Writes one part of a generation again (a funnel page, the email, an ad variant). */
export function useRegenerate() {
  return useMutation({
    mutationFn: ({ generationId, body }: { generationId: string; body: TRegenerateBody }) =>
      api.post<TRegenerateResult>(`${AI_PATH}/generations/${generationId}/regenerate`, body),
  });
}

/** The generations that made this funnel, campaign or ad campaign, latest first. */
export function useGenerations(targetId: string) {
  return useQuery({
    queryKey: generationsKey(targetId),
    queryFn: async () => (await api.get<{ items: TAiGeneration[] }>(`${AI_PATH}/generations?target_id=${encodeURIComponent(targetId)}`)).items,
    // A campaign made by hand has none; an installation without the AI routes answers 404: the page just shows nothing.
    retry: false,
  });
}

/** The creatives kept on an ad generation (variants, visuals, audiences, budget plan), or null when it holds none. */
export function creativeSetOf(generation: TAiGeneration | undefined): TAdCreativeSet | null {
  if (!generation || generation.kind !== 'ad') return null;
  const parsed = ZAdCreativeSet.safeParse({ generation_id: generation.id, ...generation.output });
  return parsed.success ? parsed.data : null;
}

/** The latest generation of this ad campaign that holds creatives, with them (both null for a campaign made by hand). */
export function useGeneratedCreatives(campaignId: string): { generation: TAiGeneration | null; set: TAdCreativeSet | null } {
  const generations = useGenerations(campaignId);
  const generation = generations.data?.find((item) => creativeSetOf(item) !== null) ?? null;
  return { generation, set: creativeSetOf(generation ?? undefined) };
}
