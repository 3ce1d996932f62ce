import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunnelSales } from '../../../../contracts/commerce-stats.js';
import { api } from '../../../lib/api.js';
import { FUNNELS_KEY, FUNNELS_PATH } from '../funnels-api.js';
import { LIVE_REFRESH_MS } from './funnel-stats-api.js';
import type { TDayRange } from './stats-range.js';

export const funnelSalesKey = (id: string, range: TDayRange | null) => [...FUNNELS_KEY, 'sales', id, range?.from ?? null, range?.to ?? null] as const;

/**
 * A funnel's sales over the same range as its statistics (the server's last 30 days when null), read again with them
 * while the tab is visible; the previous range's numbers stay on screen while another loads.
 */
export function useFunnelSales(id: string, range: TDayRange | null) {
  return useQuery({
    queryKey: funnelSalesKey(id, range),
    queryFn: () => {
      const query = range ? `?${new URLSearchParams({ from: range.from, to: range.to })}` : '';
      return api.get<TFunnelSales>(`${FUNNELS_PATH}/${id}/sales${query}`);
    },
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
  });
}
