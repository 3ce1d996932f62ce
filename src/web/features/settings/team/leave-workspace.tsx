import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../lib/api.js';
import { hasStatus, notifyError } from '../../../lib/errors.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { ME_KEY, useSignedInMe } from '../../auth/session.js';

/** Leaves the current workspace; the session then falls back to another one (or signs out if none). */
export function LeaveWorkspace() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const workspace = me.workspace.name;
  const leave = useMutation({
    mutationFn: () => api.post('/api/workspace/leave'),
    onSuccess: async () => {
      close();
      notifications.show({ color: 'teal', message: t('settings.team.left', { workspace }) });
      // The session falls back to another workspace, or ends when there is none left.
      await queryClient.refetchQueries({ queryKey: ME_KEY });
      if (!queryClient.getQueryData(ME_KEY)) return window.location.assign('/login');
      await navigate('/');
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    },
    onError: (error) => {
      close();
      if (hasStatus(error, 409)) notifications.show({ color: 'red', message: t('settings.team.lastOwner') });
      else notifyError(error, t);
    },
  });

  if (!me.user) return null;
  return (
    <Group>
      <Button variant="outline" color="red" onClick={open}>
        {t('settings.team.leave')}
      </Button>
      <ConfirmModal
        opened={opened}
        title={t('settings.team.leaveTitle', { workspace })}
        confirmLabel={t('settings.team.leave')}
        loading={leave.isPending}
        onConfirm={() => leave.mutate()}
        onClose={close}
      >
        {t('settings.team.leaveBody')}
      </ConfirmModal>
    </Group>
  );
}
