import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TApiKey } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatDate } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { QueryState } from '../../../ui/query-state.js';
import { API_KEYS_KEY } from '../query-keys.js';

/** Active keys (never their secret), each revocable after confirmation. */
export function ApiKeysTable() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: API_KEYS_KEY, queryFn: () => api.get<TApiKey[]>('/api/workspace/api-keys') });
  const [revoking, setRevoking] = useState<TApiKey | null>(null);
  const revoke = useMutation({
    mutationFn: (key: TApiKey) => api.delete(`/api/workspace/api-keys/${key.id}`),
    onSuccess: async () => {
      setRevoking(null);
      notifications.show({ color: 'teal', message: t('settings.apiKeys.revoked') });
      await queryClient.invalidateQueries({ queryKey: API_KEYS_KEY });
    },
    onError: (error) => notifyError(error, t),
  });

  return (
    <>
      <QueryState query={keys}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('settings.apiKeys.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('settings.apiKeys.name')}</Table.Th>
                    <Table.Th>{t('settings.apiKeys.prefix')}</Table.Th>
                    <Table.Th>{t('settings.apiKeys.role')}</Table.Th>
                    <Table.Th>{t('settings.apiKeys.createdAt')}</Table.Th>
                    <Table.Th>{t('settings.apiKeys.lastUsed')}</Table.Th>
                    <Table.Th>{t('settings.team.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((key) => (
                    <Table.Tr key={key.id}>
                      <Table.Td>{key.name}</Table.Td>
                      <Table.Td>
                        <Code>{key.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="outline">{t(`roles.${key.role}`)}</Badge>
                      </Table.Td>
                      <Table.Td>{formatDate(key.created_at)}</Table.Td>
                      <Table.Td>{key.last_used_at ? formatDate(key.last_used_at) : t('common.never')}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(key)}>
                          {t('settings.apiKeys.revoke')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <ConfirmModal
        opened={revoking !== null}
        title={t('settings.apiKeys.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('settings.apiKeys.revoke')}
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        {t('settings.apiKeys.revokeBody')}
      </ConfirmModal>
    </>
  );
}
