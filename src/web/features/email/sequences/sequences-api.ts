import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import type {
  TEnrollmentList,
  TEnrollmentState,
  TSequence,
  TSequenceList,
  TSequenceReport,
  TSequenceStatus,
  TSequenceStep,
} from '../../../../contracts/email-sequences.js';
import { flattenSteps } from '../../../../contracts/email-sequences.js';
import { api } from '../../../lib/api.js';
import { CAMPAIGNS_PATH, campaignKey } from '../email-api.js';

export const SEQUENCES_KEY = ['email-sequences'] as const;
export const SEQUENCES_PATH = '/api/marketing/sequences';
export const sequenceKey = (id: string) => [...SEQUENCES_KEY, 'one', id] as const;
export const enrollmentsKey = (id: string) => [...SEQUENCES_KEY, 'enrollments', id] as const;
export const sequenceReportKey = (id: string) => [...SEQUENCES_KEY, 'report', id] as const;

/** The sequences, newest first, a page of cards at a time (optionally of one status). */
export function useSequences(status: TSequenceStatus | null) {
  return useInfiniteQuery({
    queryKey: [...SEQUENCES_KEY, 'list', status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '24' });
      if (status) params.set('status', status);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TSequenceList>(`${SEQUENCES_PATH}?${params}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** The first hundred sequences, for pickers (the automation action "Inscrire dans une séquence"). */
export function useSequenceOptions(enabled = true) {
  return useQuery({
    queryKey: [...SEQUENCES_KEY, 'options'],
    queryFn: () => api.get<TSequenceList>(`${SEQUENCES_PATH}?limit=100`),
    enabled,
  });
}

export function useSequence(id: string) {
  return useQuery({ queryKey: sequenceKey(id), queryFn: () => api.get<TSequence>(`${SEQUENCES_PATH}/${id}`) });
}

/** The enrollments of a sequence, optionally in one state, fifty at a time; refreshed while the tab is open (leads move on their own). */
export function useEnrollments(id: string, state: TEnrollmentState | null) {
  return useInfiniteQuery({
    queryKey: [...enrollmentsKey(id), state],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (state) params.set('state', state);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TEnrollmentList>(`${SEQUENCES_PATH}/${id}/enrollments?${params}`);
    },
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval: 15_000,
  });
}

export function useSequenceReport(id: string) {
  return useQuery({
    queryKey: sequenceReportKey(id),
    queryFn: () => api.get<TSequenceReport>(`${SEQUENCES_PATH}/${id}/report`),
    refetchInterval: 30_000,
  });
}

/** The emails of these steps (campaign objects, shared with the campaign editor's cache), by email id. */
export function useSequenceEmails(steps: readonly TSequenceStep[]): Map<string, TEmailCampaign> {
  const ids = [...new Set(flattenSteps(steps).flatMap(({ step }) => (step.type === 'email' ? [step.email_id] : [])))];
  const results = useQueries({
    queries: ids.map((emailId) => ({
      queryKey: campaignKey(emailId),
      queryFn: () => api.get<TEmailCampaign>(`${CAMPAIGNS_PATH}/${emailId}`),
      staleTime: 30_000,
    })),
  });
  const emails = new Map<string, TEmailCampaign>();
  results.forEach((result) => result.data && emails.set(result.data.id, result.data));
  return emails;
}

/** POST /sequences/:id/emails: a new draft email of the sequence, edited in the campaign editor. */
export function createSequenceEmail(sequenceId: string, name: string) {
  return api.post<TEmailCampaign>(`${SEQUENCES_PATH}/${sequenceId}/emails`, { name });
}
