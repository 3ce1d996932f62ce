import { useQuery } from '@tanstack/react-query';
import type { TCustomField, TLead, TLeadStats } from '../../../contracts/crm.js';
import type { TMember } from '../../../contracts/workspaces.js';
import { api } from '../../lib/api.js';
import { MEMBERS_KEY } from '../settings/query-keys.js';

export const LEADS_KEY = ['crm', 'leads'] as const;
export const STATS_KEY = ['crm', 'stats'] as const;
export const CUSTOM_FIELDS_KEY = ['crm', 'custom-fields'] as const;

/** Counts and values per status, pipeline value, conversion rate. */
export function useLeadStats() {
  return useQuery({ queryKey: STATS_KEY, queryFn: () => api.get<TLeadStats>('/api/marketing/leads/stats') });
}

/** A lead's display name: its name, else its email, else its company. */
export function leadName(lead: TLead): string {
  const name = [lead.first_name, lead.last_name].filter(Boolean).join(' ');
  return name || lead.email || lead.company || '—';
}

/** The workspace's members (owner pickers, author names); same cache as Settings > Team. */
export function useWorkspaceMembers() {
  return useQuery({ queryKey: MEMBERS_KEY, queryFn: () => api.get<TMember[]>('/api/workspace/members'), staleTime: 60_000 });
}

/** The workspace's custom lead fields, in their display order. */
export function useCustomFields() {
  return useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: () => api.get<TCustomField[]>('/api/marketing/custom-fields'), staleTime: 60_000 });
}
