import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TLead } from '../../../../contracts/crm.js';
import type { TRuleGroup, TSegment } from '../../../../contracts/crm-segments.js';
import { api } from '../../../lib/api.js';

export const SEGMENTS_KEY = ['crm', 'segments'] as const;

/** The workspace's saved segments. */
export function useSegments() {
  return useQuery({ queryKey: SEGMENTS_KEY, queryFn: () => api.get<TSegment[]>('/api/marketing/segments') });
}

/** The live count of a rule tree, asked again 400 ms after the last edit. */
export function useSegmentPreview(rules: TRuleGroup) {
  const [debounced] = useDebouncedValue(rules, 400);
  return useQuery({
    queryKey: ['crm', 'segment-preview', debounced],
    queryFn: () => api.post<{ count: number; sample: TLead[] }>('/api/marketing/segments/preview', { rules: debounced }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
