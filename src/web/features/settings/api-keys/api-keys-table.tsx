import { Badge, Button, Code, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TApiKey } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { useFormatDate } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { useConfirmedDelete } from '../use-confirmed-delete.js';
import { API_KEYS_KEY } from '../query-keys.js';
import { QueryTable } from '../../../ui/query-table.js';

/** Active keys (never their secret), each revocable after confirmation. */
export function ApiKeysTable() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const keys = useQuery({ queryKey: API_KEYS_KEY, queryFn: () => api.get<TApiKey[]>('/api/workspace/api-keys') });
  const revoke = useConfirmedDelete<TApiKey>({ basePath: '/api/workspace/api-keys', queryKey: API_KEYS_KEY, successMessage: t('settings.apiKeys.revoked') });

  return (
    <>
      <QueryTable
        query={keys}
        empty={t('settings.apiKeys.none')}
        minWidth={820}
        headers={[
          t('settings.apiKeys.name'),
          t('settings.apiKeys.prefix'),
          t('settings.apiKeys.role'),
          t('settings.apiKeys.createdBy'),
          t('settings.apiKeys.createdAt'),
          t('settings.apiKeys.lastUsed'),
          t('settings.team.actions'),
        ]}
        row={(key) => (
          <Table.Tr key={key.id}>
            <Table.Td>{key.name}</Table.Td>
            <Table.Td>
              <Code>{key.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <Badge variant="outline">{t(`roles.${key.role}`)}</Badge>
            </Table.Td>
            <Table.Td>{key.created_by_name ?? t('settings.apiKeys.createdByDeleted')}</Table.Td>
            <Table.Td>{formatDate(key.created_at)}</Table.Td>
            <Table.Td>{key.last_used_at ? formatDate(key.last_used_at) : t('common.never')}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="subtle" color="red" onClick={() => revoke.ask(key)}>
                {t('settings.apiKeys.revoke')}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ConfirmModal
        opened={revoke.pending !== null}
        title={t('settings.apiKeys.revokeTitle', { name: revoke.pending?.name ?? '' })}
        confirmLabel={t('settings.apiKeys.revoke')}
        loading={revoke.isPending}
        onConfirm={revoke.confirm}
        onClose={revoke.cancel}
      >
        {t('settings.apiKeys.revokeBody')}
      </ConfirmModal>
    </>
  );
}
