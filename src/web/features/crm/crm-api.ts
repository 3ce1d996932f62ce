import { useQuery } from '@tanstack/react-query';
import type { TCustomField, TLead, TLeadStats, TLeadStatus } from '../../../contracts/crm.js';
import type { TMember } from '../../../contracts/workspaces.js';
import { api } from '../../lib/api.js';
import { MEMBERS_KEY } from '../settings/query-keys.js';

export const LEADS_KEY = ['crm', 'leads'] as const;
export const STATS_KEY = ['crm', 'stats'] as const;
export const CUSTOM_FIELDS_KEY = ['crm', 'custom-fields'] as const;

/** Cards shown per board column; the column header still counts every lead. */
export const BOARD_COLUMN_LIMIT = 50;

/** The first leads of one pipeline column. */
export function useColumnLeads(status: TLeadStatus) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'column', status],
    queryFn: () => api.get<{ items: TLead[] }>(`/api/marketing/leads?status=${status}&limit=${BOARD_COLUMN_LIMIT}`).then((r) => r.items),
  });
}

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
