import { NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TMe } from '../../contracts/accounts.js';
import { api } from '../lib/api.js';
import { notifyError } from '../lib/errors.js';
import { startNewContext, useSignedInMe } from '../features/auth/session.js';

/** The current workspace; a selector when the user belongs to several. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const switchTo = useMutation({
    mutationFn: (workspaceId: string) => api.post<TMe>('/api/auth/switch-workspace', { workspace_id: workspaceId }),
    onSuccess: async (next) => {
      await startNewContext(queryClient, next);
      notifications.show({ color: 'teal', message: t('header.switched', { name: next.workspace.name }) });
    },
    onError: (error) => notifyError(error, t),
  });

  if (me.workspaces.length < 2) {
    return (
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('header.workspace')}
        </Text>
        <Text fw={600} truncate>
          {me.workspace.name}
        </Text>
      </Stack>
    );
  }
  return (
    <NativeSelect
      label={t('header.workspace')}
      value={me.workspace.id}
      disabled={switchTo.isPending}
      onChange={(event) => switchTo.mutate(event.currentTarget.value)}
      data={me.workspaces.map((w) => ({ value: w.id, label: w.name }))}
    />
  );
}
