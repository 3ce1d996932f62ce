import { Badge, Button, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TInvitation } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { useFormatDate } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { useConfirmedDelete } from '../use-confirmed-delete.js';
import { INVITATIONS_KEY } from '../query-keys.js';
import { QueryTable } from '../../../ui/query-table.js';

/** Pending invitations, each revocable after confirmation. */
export function InvitationsTable() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const invitations = useQuery({ queryKey: INVITATIONS_KEY, queryFn: () => api.get<TInvitation[]>('/api/workspace/invitations') });
  const revoke = useConfirmedDelete<TInvitation>({
    basePath: '/api/workspace/invitations',
    queryKey: INVITATIONS_KEY,
    successMessage: t('settings.team.revoked'),
  });

  return (
    <>
      <QueryTable
        query={invitations}
        empty={t('settings.team.noInvitations')}
        minWidth={640}
        headers={[t('settings.team.email'), t('settings.team.role'), t('settings.team.invitedBy'), t('settings.team.expires'), t('settings.team.actions')]}
        row={(invitation) => (
          <Table.Tr key={invitation.id}>
            <Table.Td>{invitation.email}</Table.Td>
            <Table.Td>
              <Badge variant="outline">{t(`roles.${invitation.role}`)}</Badge>
            </Table.Td>
            <Table.Td>{invitation.invited_by_name ?? '—'}</Table.Td>
            <Table.Td>{formatDate(invitation.expires_at)}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="subtle" color="red" onClick={() => revoke.ask(invitation)}>
                {t('settings.team.revoke')}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ConfirmModal
        opened={revoke.pending !== null}
        title={t('settings.team.revokeTitle')}
        confirmLabel={t('settings.team.revoke')}
        loading={revoke.isPending}
        onConfirm={revoke.confirm}
        onClose={revoke.cancel}
      >
        {revoke.pending && t('settings.team.revokeBody', { email: revoke.pending.email })}
      </ConfirmModal>
    </>
  );
}
