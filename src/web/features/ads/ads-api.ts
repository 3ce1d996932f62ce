import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAdCampaign,
  TAdCampaignCreateBody,
  TAdCampaignStatus,
  TAdCampaignUpdateBody,
  TAdConversionUpload,
  TAdDayBody,
  TAdMetrics,
  TAdPlatform,
  TAdReportImport,
  TAdStats,
} from '../../../contracts/ads.js';
import { api } from '../../lib/api.js';
import { useCursorPages } from '../../lib/cursor-pages.js';
import type { TRange } from './ad-range.js';

export const ADS_KEY = ['ads'] as const;
export const CAMPAIGNS_PATH = '/api/marketing/ad-campaigns';

const rangeQuery = (range: TRange) => {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** The campaigns of a platform (all when null), 50 a page, newest first. */
export function useAdCampaigns(platform: TAdPlatform | null, status: TAdCampaignStatus | null = null) {
  return useCursorPages<TAdCampaign>(ADS_KEY, CAMPAIGNS_PATH, { platform, status });
}

export function useAdCampaign(id: string) {
  return useQuery({ queryKey: [...ADS_KEY, 'campaign', id], queryFn: () => api.get<TAdCampaign>(`${CAMPAIGNS_PATH}/${id}`) });
}

/** Totals per platform and overall over the range (kept on screen while another range loads). */
export function useAdStats(range: TRange) {
  return useQuery({
    queryKey: [...ADS_KEY, 'stats', range],
    queryFn: () => api.get<TAdStats>(`${CAMPAIGNS_PATH}/stats${rangeQuery(range)}`),
    placeholderData: keepPreviousData,
  });
}

/** A campaign's days over the range (the server's default: its last 30 days of figures). */
export function useAdMetrics(id: string, range: TRange) {
  return useQuery({
    queryKey: [...ADS_KEY, 'metrics', id, range],
    queryFn: () => api.get<TAdMetrics>(`${CAMPAIGNS_PATH}/${id}/metrics${rangeQuery(range)}`),
    placeholderData: keepPreviousData,
  });
}

/** The offline conversions sent back to the platform for this campaign, newest first. */
export function useAdConversions(id: string) {
  return useQuery({
    queryKey: [...ADS_KEY, 'conversions', id],
    queryFn: () => api.get<{ items: TAdConversionUpload[] }>(`${CAMPAIGNS_PATH}/${id}/conversions`).then((r) => r.items),
  });
}

/** Every change touches totals, ratios and stats: everything under `ads` is refetched. */
function useAdsMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ADS_KEY }) });
}

export const useCreateAdCampaign = () => useAdsMutation((body: TAdCampaignCreateBody) => api.post<TAdCampaign>(CAMPAIGNS_PATH, body));
export const useUpdateAdCampaign = () =>
  useAdsMutation(({ id, body }: { id: string; body: TAdCampaignUpdateBody }) => api.patch<TAdCampaign>(`${CAMPAIGNS_PATH}/${id}`, body));
export const useDeleteAdCampaign = () => useAdsMutation((id: string) => api.delete(`${CAMPAIGNS_PATH}/${id}`));
/** Pause or resume (the server also calls the platform when the campaign is linked to a connection). */
export const useSetAdCampaignRunning = () =>
  useAdsMutation(({ id, running }: { id: string; running: boolean }) => api.post<TAdCampaign>(`${CAMPAIGNS_PATH}/${id}/${running ? 'resume' : 'pause'}`, {}));
export const usePutAdDay = () =>
  useAdsMutation(({ id, date, body }: { id: string; date: string; body: TAdDayBody }) => api.put(`${CAMPAIGNS_PATH}/${id}/metrics/${date}`, body));
export const useDeleteAdDay = () => useAdsMutation(({ id, date }: { id: string; date: string }) => api.delete(`${CAMPAIGNS_PATH}/${id}/metrics/${date}`));

/** The 20 latest report imports, newest first (the import dialog lists them, each with its refused rows). */
export function useAdReportImports() {
  return useQuery({ queryKey: [...ADS_KEY, 'imports'], queryFn: async () => (await api.get<{ items: TAdReportImport[] }>(`${CAMPAIGNS_PATH}/imports`)).items });
}

/** Uploads a Meta, Google or LinkedIn export (CSV or XLSX); the server recognises it from its columns. */
export const useImportAdReport = () =>
  useAdsMutation((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<TAdReportImport>(`${CAMPAIGNS_PATH}/imports`, form);
  });
