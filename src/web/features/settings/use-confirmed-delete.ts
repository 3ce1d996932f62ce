import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { notifyError } from '../../lib/errors.js';

/**
 * Delete-after-confirmation for a settings list (revoke a key, an invitation…): holds the row awaiting
 * confirmation, sends DELETE `${basePath}/${id}`, then confirms and refreshes the list.
 */
export function useConfirmedDelete<T extends { id: string }>(options: { basePath: string; queryKey: QueryKey; successMessage: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<T | null>(null);
  const mutation = useMutation({
    mutationFn: (row: T) => api.delete(`${options.basePath}/${row.id}`),
    onSuccess: async () => {
      setPending(null);
      notifications.show({ color: 'teal', message: options.successMessage });
      await queryClient.invalidateQueries({ queryKey: options.queryKey });
    },
    onError: (error) => notifyError(error, t),
  });
  return { pending, ask: setPending, cancel: () => setPending(null), confirm: () => pending && mutation.mutate(pending), isPending: mutation.isPending };
}
