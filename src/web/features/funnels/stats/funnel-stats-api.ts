import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunnelStats } from '../../../../contracts/funnels.js';
import { api } from '../../../lib/api.js';
import { FUNNELS_KEY, FUNNELS_PATH } from '../funnels-api.js';
import type { TDayRange } from './stats-range.js';

/** How often the statistics are read again while the page is visible. */
export const LIVE_REFRESH_MS = 5000;

export const funnelStatsKey = (id: string, range: TDayRange | null) => [...FUNNELS_KEY, 'stats', id, range?.from ?? null, range?.to ?? null] as const;

/**
 * A funnel's numbers over a range of days (the server's last 30 days when null), read again every 5 seconds while
 * the browser tab is visible. The previous range's numbers stay on screen while another range loads, so the page
 * keeps its layout.
 */
export function useFunnelStats(id: string, range: TDayRange | null) {
  return useQuery({
    queryKey: funnelStatsKey(id, range),
    queryFn: () => {
      const query = range ? `?${new URLSearchParams({ from: range.from, to: range.to })}` : '';
      return api.get<TFunnelStats>(`${FUNNELS_PATH}/${id}/stats${query}`);
    },
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
  });
}
