import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TWebinarSettings, TWebinarSettingsBody } from '../../../../contracts/funnels.js';
import { api } from '../../../lib/api.js';
import { FUNNELS_KEY, FUNNELS_PATH } from '../funnels-api.js';

export const webinarKey = (funnelId: string) => [...FUNNELS_KEY, 'webinar', funnelId] as const;

/** A webinar funnel's settings, its sessions with their registration counts, and the sequences to remind with. */
export function useWebinar(funnelId: string) {
  return useQuery({ queryKey: webinarKey(funnelId), queryFn: () => api.get<TWebinarSettings>(`${FUNNELS_PATH}/${funnelId}/webinar`) });
}

/** PUT the settings; the answer replaces the cached ones. Callers show field errors. */
export function useSaveWebinar(funnelId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<TWebinarSettingsBody> & Pick<TWebinarSettingsBody, 'mode'>) =>
      api.put<TWebinarSettings>(`${FUNNELS_PATH}/${funnelId}/webinar`, body),
    onSuccess: (data) => client.setQueryData(webinarKey(funnelId), data),
  });
}
