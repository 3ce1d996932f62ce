import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ZAdCreativeSet,
  type TAdCreativeSet,
  type TAiGeneration,
  type TAiStatus,
  type TRegenerateBody,
  type TRegenerateResult,
} from '../../../contracts/ai.js';
import { api } from '../../lib/api.js';
import { notifyError } from '../../lib/errors.js';

export const AI_PATH = '/api/marketing/ai';
export const AI_KEY = ['ai'] as const;
export const AI_STATUS_KEY = [...AI_KEY, 'status'] as const;
export const generationsKey = (targetId: string) => [...AI_KEY, 'generations', targetId] as const;

export const GENERATE_PATHS = {
  funnel: '/api/marketing/funnels/generate',
  email: '/api/marketing/email-campaigns/generate',
  ad: '/api/marketing/ads/generate',
} as const;

/**
 * GET /ai/status: which writer the workspace's generations use (the built-in generator or a model), where its settings
 * come from, this month's usage. The dialogs' badge may take it a minute old (`staleTime`); the settings page reads it fresh.
 */
export function useAiStatus({ staleTime = 0 }: { staleTime?: number } = {}) {
  return useQuery({ queryKey: AI_STATUS_KEY, queryFn: () => api.get<TAiStatus>(`${AI_PATH}/status`), staleTime });
}

/** Writes one part of a generation again (a funnel page, the email, an ad variant). */
export function useRegenerate() {
  return useMutation({
    mutationFn: ({ generationId, body }: { generationId: string; body: TRegenerateBody }) =>
      api.post<TRegenerateResult>(`${AI_PATH}/generations/${generationId}/regenerate`, body),
  });
}

/**
 * Writes one funnel page or ad variant again, one at a time: `busyIndex` is the one being written (null when none);
 * `onDone` takes the answer, a failure shows as a notification.
 */
export function useRegenerateAt(part: 'page' | 'variant', onDone: (result: TRegenerateResult, index: number) => void) {
  const { t } = useTranslation();
  const regenerate = useRegenerate();
  const [busyIndex, setBusyIndex] = useState<number | null>(null);
  const regenerateAt = (generationId: string, index: number) => {
    setBusyIndex(index);
    regenerate.mutate(
      { generationId, body: { part, index } },
      {
        onSuccess: (result) => onDone(result, index),
        onError: (error) => notifyError(error, t),
        onSettled: () => setBusyIndex(null),
      },
    );
  };
  return { busyIndex, regenerateAt };
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
