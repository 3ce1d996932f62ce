import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAutomation, TAutomationCreateBody, TAutomationRun, TAutomationUpdateBody } from '../../../../contracts/crm-automations.js';
import { api } from '../../../lib/api.js';

export const AUTOMATIONS_KEY = ['crm', 'automations'] as const;

/** The workspace's automations with their latest runs (refreshed now and then: runs happen in the background). */
export function useAutomations() {
  return useQuery({
    queryKey: AUTOMATIONS_KEY,
    queryFn: () => api.get<TAutomation[]>('/api/marketing/automations'),
    refetchInterval: 30_000,
  });
}

/** One automation's run log, newest first. */
export function useAutomationRuns(id: string | null) {
  return useQuery({
    queryKey: [...AUTOMATIONS_KEY, id, 'runs'],
    queryFn: () => api.get<TAutomationRun[]>(`/api/marketing/automations/${id}/runs?limit=100`),
    enabled: id !== null,
  });
}

/** Creates (no id) or updates an automation, then refreshes the list. */
export function useSaveAutomation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TAutomationCreateBody }) =>
      id ? api.patch<TAutomation>(`/api/marketing/automations/${id}`, body) : api.post<TAutomation>('/api/marketing/automations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AUTOMATIONS_KEY }),
  });
}

/** Switches an automation on or off. */
export function useToggleAutomation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.patch<TAutomation>(`/api/marketing/automations/${id}`, { active } satisfies TAutomationUpdateBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AUTOMATIONS_KEY }),
  });
}
