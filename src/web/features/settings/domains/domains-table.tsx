import { Button, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TDomain } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { PINNED_COLUMN } from '../pinned-column.js';
import { DOMAINS_KEY } from '../query-keys.js';
import { useConfirmedDelete } from '../use-confirmed-delete.js';

type Props = { canEdit: boolean; onAdd: () => void };

/** The workspace's custom domains; admins remove them after confirmation. */
export function DomainsTable({ canEdit, onAdd }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const domains = useQuery({ queryKey: DOMAINS_KEY, queryFn: () => api.get<TDomain[]>('/api/workspace/domains') });
  const remove = useConfirmedDelete<TDomain>({ basePath: '/api/workspace/domains', queryKey: DOMAINS_KEY, successMessage: t('settings.domains.removed') });

  return (
    <>
      <QueryState query={domains}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState
              title={t('settings.domains.emptyTitle')}
              message={t('settings.domains.empty')}
              actions={canEdit ? [{ label: t('settings.domains.addTitle'), icon: <IconPlus size={16} aria-hidden />, onClick: onAdd, primary: true }] : []}
            />
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={PINNED_COLUMN}>{t('settings.domains.hostname')}</Table.Th>
                    <Table.Th>{t('settings.domains.createdAt')}</Table.Th>
                    {canEdit && <Table.Th>{t('settings.domains.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((domain) => (
                    <Table.Tr key={domain.id}>
                      <Table.Td style={{ ...PINNED_COLUMN, overflowWrap: 'anywhere' }}>{domain.hostname}</Table.Td>
                      <Table.Td>{format.date(domain.created_at)}</Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('settings.domains.removeOf', { hostname: domain.hostname })}
                            onClick={() => remove.ask(domain)}
                          >
                            {t('settings.domains.remove')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <ConfirmModal
        opened={remove.pending !== null}
        title={t('settings.domains.removeTitle', { hostname: remove.pending?.hostname ?? '' })}
        confirmLabel={t('settings.domains.remove')}
        loading={remove.isPending}
        onConfirm={remove.confirm}
        onClose={remove.cancel}
      >
        {t('settings.domains.removeBody')}
      </ConfirmModal>
    </>
  );
}
