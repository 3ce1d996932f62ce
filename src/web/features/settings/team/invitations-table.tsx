import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInvitation } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatDate } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { QueryState } from '../../../ui/query-state.js';
import { INVITATIONS_KEY } from '../query-keys.js';

/** Pending invitations, each revocable after confirmation. */
export function InvitationsTable() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: INVITATIONS_KEY, queryFn: () => api.get<TInvitation[]>('/api/workspace/invitations') });
  const [revoking, setRevoking] = useState<TInvitation | null>(null);
  const revoke = useMutation({
    mutationFn: (invitation: TInvitation) => api.delete(`/api/workspace/invitations/${invitation.id}`),
    onSuccess: async () => {
      setRevoking(null);
      notifications.show({ color: 'teal', message: t('settings.team.revoked') });
      await queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });
    },
    onError: (error) => notifyError(error, t),
  });

  return (
    <>
      <QueryState query={invitations}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('settings.team.noInvitations')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('settings.team.email')}</Table.Th>
                    <Table.Th>{t('settings.team.role')}</Table.Th>
                    <Table.Th>{t('settings.team.invitedBy')}</Table.Th>
                    <Table.Th>{t('settings.team.expires')}</Table.Th>
                    <Table.Th>{t('settings.team.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((invitation) => (
                    <Table.Tr key={invitation.id}>
                      <Table.Td>{invitation.email}</Table.Td>
                      <Table.Td>
                        <Badge variant="outline">{t(`roles.${invitation.role}`)}</Badge>
                      </Table.Td>
                      <Table.Td>{invitation.invited_by_name ?? '—'}</Table.Td>
                      <Table.Td>{formatDate(invitation.expires_at)}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(invitation)}>
                          {t('settings.team.revoke')}
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
        title={t('settings.team.revokeTitle')}
        confirmLabel={t('settings.team.revoke')}
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        {revoking && t('settings.team.revokeBody', { email: revoking.email })}
      </ConfirmModal>
    </>
  );
}
