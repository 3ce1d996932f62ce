import { useQuery } from '@tanstack/react-query';
import type { TDashboard, TDashboardPeriod } from '../../../contracts/dashboard.js';
import { api } from '../../lib/api.js';

export const DASHBOARD_KEY = ['dashboard'] as const;

/** The dashboard's numbers for a period (kept while another period loads, so the page does not flash). */
export function useDashboard(period: TDashboardPeriod) {
  return useQuery({
    queryKey: [...DASHBOARD_KEY, period],
    queryFn: () => api.get<TDashboard>(`/api/marketing/dashboard?period=${period}`),
    placeholderData: (previous) => previous,
  });
}
