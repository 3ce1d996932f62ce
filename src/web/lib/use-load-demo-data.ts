import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api.js';
import { notifyError } from './errors.js';

// In lib/ (the shared "app" chunk) because the dashboard and the CRM both offer it: a file of its own would be one
// more request on a cold /crm.

/**
 * "Charger les données de démo" (admins, in a workspace without leads): the server loads the demo pipeline in one
 * transaction; every screen then refetches, so the board, Contacts and the dashboard fill at once.
 */
export function useLoadDemoData() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ leads: number }>('/api/workspace/demo-data'),
    onSuccess: async ({ leads }) => {
      await queryClient.invalidateQueries();
      notifications.show({ color: 'teal', message: t('crmContacts.demo.loaded', { count: leads }) });
    },
    onError: (error) => notifyError(error, t),
  });
}
