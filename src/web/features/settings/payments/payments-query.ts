import { useQuery } from '@tanstack/react-query';
import type { TPaymentsView } from '../../../../contracts/commerce-payments.js';
import type { TCredential } from '../../../../contracts/credentials.js';
import { api } from '../../../lib/api.js';

export const PAYMENTS_KEY = ['workspace-payments'] as const;
/** Shared with Settings > Envoi des e-mails (the same credentials list). */
export const CREDENTIALS_KEY = ['workspace-credentials'] as const;

/** GET /api/workspace/payments: the provider in use, its mode, the webhook to set up. */
export function usePayments() {
  return useQuery({ queryKey: PAYMENTS_KEY, queryFn: () => api.get<TPaymentsView>('/api/workspace/payments') });
}

/** The workspace's saved credentials (secrets masked), of which the Stripe keys. */
export function useCredentials() {
  return useQuery({ queryKey: CREDENTIALS_KEY, queryFn: () => api.get<TCredential[]>('/api/workspace/credentials') });
}
