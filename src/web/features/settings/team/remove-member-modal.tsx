import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TMember } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { useSignedInMe } from '../../auth/session.js';
import { MEMBERS_KEY } from '../query-keys.js';

/** Confirms, then removes a member from the workspace. */
export function RemoveMemberModal({ member, onClose }: { member: TMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (target: TMember) => api.delete(`/api/workspace/members/${target.id}`),
    onSuccess: async (_, target) => {
      onClose();
      notifications.show({ color: 'teal', message: t('settings.team.removed', { name: target.name }) });
      await queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
    },
    onError: (error) => notifyError(error, t),
  });
  return (
    <ConfirmModal
      opened={member !== null}
      title={t('settings.team.removeTitle')}
      confirmLabel={t('settings.team.remove')}
      loading={remove.isPending}
      onConfirm={() => member && remove.mutate(member)}
      onClose={onClose}
    >
      {member && t('settings.team.removeBody', { name: member.name, email: member.email, workspace: me.workspace.name })}
    </ConfirmModal>
  );
}
