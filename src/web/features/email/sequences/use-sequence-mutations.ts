import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TSequence, TSequenceUpdateBody } from '../../../../contracts/email-sequences.js';
import { api } from '../../../lib/api.js';
import { SEQUENCES_KEY, SEQUENCES_PATH, sequenceKey, sequenceReportKey } from './sequences-api.js';

/** Keeps the page and the list in step with a sequence the server just returned. */
function useStoreSequence() {
  const queryClient = useQueryClient();
  return async (saved: TSequence) => {
    queryClient.setQueryData(sequenceKey(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: [...SEQUENCES_KEY, 'list'] });
    await queryClient.invalidateQueries({ queryKey: [...SEQUENCES_KEY, 'options'] });
    await queryClient.invalidateQueries({ queryKey: sequenceReportKey(saved.id) });
  };
}

/** PATCH a subset of the sequence's fields; callers show their own errors (on fields, on steps). */
export function useUpdateSequence(id: string) {
  const store = useStoreSequence();
  return useMutation({
    mutationFn: (body: TSequenceUpdateBody) => api.patch<TSequence>(`${SEQUENCES_PATH}/${id}`, body),
    onSuccess: store,
  });
}

/** Activer / Mettre en pause; a refused activation (400, one error per step not ready) is the caller's to show. */
export function useSequenceStatusChange(id: string) {
  const { t } = useTranslation();
  const store = useStoreSequence();
  return useMutation({
    mutationFn: (action: 'activate' | 'pause') => api.post<TSequence>(`${SEQUENCES_PATH}/${id}/${action}`),
    onSuccess: async (saved, action) => {
      await store(saved);
      notifications.show({ color: 'teal', message: t(action === 'activate' ? 'email.sequences.page.activated' : 'email.sequences.page.paused') });
    },
  });
}

/** DELETE (refused with `sequence_active` while it runs). */
export function useDeleteSequence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${SEQUENCES_PATH}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SEQUENCES_KEY }),
  });
}
