import { useQuery } from '@tanstack/react-query';
import type { TCrmSettings, TScoreExplanation, TScoringRule } from '../../../../contracts/crm-scoring.js';
import { api } from '../../../lib/api.js';
import { LEADS_KEY } from '../crm-api.js';

export const SCORING_RULES_KEY = ['crm', 'scoring-rules'] as const;
export const CRM_SETTINGS_KEY = ['crm', 'settings'] as const;

/** The explanation's cache key sits under the leads' key: refreshing leads refreshes scores. */
export const scoreKey = (leadId: string) => [...LEADS_KEY, leadId, 'score'] as const;

/** The workspace's scoring rules, oldest first. */
export function useScoringRules() {
  return useQuery({ queryKey: SCORING_RULES_KEY, queryFn: () => api.get<TScoringRule[]>('/api/marketing/scoring-rules') });
}

/** Half-life and round-robin settings (defaults until first saved). */
export function useCrmSettings() {
  return useQuery({ queryKey: CRM_SETTINGS_KEY, queryFn: () => api.get<TCrmSettings>('/api/marketing/crm-settings') });
}

/** Why a lead has its score: items, decayed values and recent changes. */
export function useScoreExplanation(leadId: string) {
  return useQuery({ queryKey: scoreKey(leadId), queryFn: () => api.get<TScoreExplanation>(`/api/marketing/leads/${leadId}/score`) });
}
