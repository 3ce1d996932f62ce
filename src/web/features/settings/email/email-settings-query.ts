import { useQuery } from '@tanstack/react-query';
import type { TEmailSettingsView } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';

export const EMAIL_SETTINGS_KEY = ['email-settings'] as const;
export const SENDING_DOMAINS_KEY = ['email-domains'] as const;

export function useEmailSettings() {
  return useQuery({ queryKey: EMAIL_SETTINGS_KEY, queryFn: () => api.get<TEmailSettingsView>('/api/marketing/email-settings') });
}
