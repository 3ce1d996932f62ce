import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TTask, TTaskCreateBody, TTaskUpdateBody, TTimeline } from '../../../../contracts/crm-contacts.js';
import type { TInteraction, TInteractionCreateBody, TLead, TLeadUpdateBody } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';
import { LEADS_KEY, STATS_KEY } from '../crm-api.js';

export const leadKey = (id: string) => [...LEADS_KEY, 'one', id] as const;
export const timelineKey = (id: string) => ['crm', 'timeline', id] as const;
export const tasksKey = (id: string) => ['crm', 'tasks', id] as const;
export const INTERACTIONS_KEY = ['crm', 'interactions'] as const;

/** One lead. */
export function useLead(id: string) {
  return useQuery({ queryKey: leadKey(id), queryFn: () => api.get<TLead>(`/api/marketing/leads/${id}`), retry: false });
}

/** The lead's merged timeline (interactions + events), newest first, a page at a time. */
export function useTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: timelineKey(id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<TTimeline>(`/api/marketing/leads/${id}/timeline?limit=50${pageParam ? `&cursor=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** The lead's tasks. */
export function useTasks(id: string) {
  return useQuery({ queryKey: tasksKey(id), queryFn: () => api.get<TTask[]>(`/api/marketing/leads/${id}/tasks`) });
}

/** What a change to a lead makes stale: every lead list, the numbers and its timeline. */
function useLeadRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    void queryClient.invalidateQueries({ queryKey: STATS_KEY });
    void queryClient.invalidateQueries({ queryKey: timelineKey(id) });
  };
}

/** Saves changed fields of a lead. */
export function useUpdateLead(id: string) {
  const refresh = useLeadRefresh(id);
  return useMutation({ mutationFn: (body: TLeadUpdateBody) => api.patch<TLead>(`/api/marketing/leads/${id}`, body), onSuccess: refresh });
}

/** Deletes a lead, or erases it at the person's request (GDPR). */
export function useDeleteLead(id: string, how: 'delete' | 'erase' = 'delete') {
  const queryClient = useQueryClient();
  return useMutation({
    // Erasing (GDPR) also keeps a hash of the email so the person cannot come back through an import.
    mutationFn: () => (how === 'erase' ? api.post(`/api/marketing/leads/${id}/erase`, {}) : api.delete(`/api/marketing/leads/${id}`)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: leadKey(id) });
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
      void queryClient.invalidateQueries({ queryKey: INTERACTIONS_KEY });
    },
  });
}

/** Logs an interaction on the lead. */
export function useAddInteraction(id: string) {
  const queryClient = useQueryClient();
  const refresh = useLeadRefresh(id);
  return useMutation({
    mutationFn: (body: TInteractionCreateBody) => api.post<TInteraction>(`/api/marketing/leads/${id}/interactions`, body),
    onSuccess: () => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: INTERACTIONS_KEY });
    },
  });
}

/** Adds, edits (ticks) and deletes the lead's tasks. */
export function useTaskMutations(leadId: string) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: tasksKey(leadId) });
    void queryClient.invalidateQueries({ queryKey: timelineKey(leadId) });
  };
  return {
    add: useMutation({ mutationFn: (body: TTaskCreateBody) => api.post<TTask>(`/api/marketing/leads/${leadId}/tasks`, body), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: TTaskUpdateBody }) => api.patch<TTask>(`/api/marketing/tasks/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/api/marketing/tasks/${id}`), onSuccess: refresh }),
  };
}
