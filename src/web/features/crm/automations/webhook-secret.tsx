import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAutomation } from '../../../../contracts/crm-automations.js';
import { api } from '../../../lib/api.js';
import { isAdmin, useSignedInMe } from '../../auth/session.js';
import { AUTOMATIONS_KEY } from './automations-api.js';

type TSecret = { secret: string };

/**
 * The secret an automation's webhook calls are signed with (Standard Webhooks), for admins of a saved
 * automation that calls a webhook: shown on request, copied into the receiver, replaced if it leaked.
 */
export function WebhookSecret({ automation }: { automation: TAutomation | null }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [shown, setShown] = useState(false);
  const queryClient = useQueryClient();
  const key = [...AUTOMATIONS_KEY, automation?.id, 'webhook-secret'];
  const secret = useQuery({
    queryKey: key,
    queryFn: () => api.get<TSecret>(`/api/marketing/automations/${automation!.id}/webhook-secret`),
    enabled: shown && automation !== null,
  });
  const rotate = useMutation({
    mutationFn: () => api.post<TSecret>(`/api/marketing/automations/${automation!.id}/webhook-secret/rotate`, {}),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      setShown(true);
      notifications.show({ color: 'teal', message: t('crmAutomations.editor.secretRotated') });
    },
  });
  if (!automation || !isAdmin(me.role) || !automation.actions.some((a) => a.type === 'call_webhook')) return null;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('crmAutomations.editor.webhookSecret')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('crmAutomations.editor.webhookSecretHint')}
      </Text>
      {shown && secret.data && (
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: 'break-all' }}>{secret.data.secret}</Code>
          <CopyButton value={secret.data.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? t('crmAutomations.editor.secretCopied') : t('crmAutomations.editor.copySecret')}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      <Group gap="xs">
        {!shown && (
          <Button size="xs" variant="default" onClick={() => setShown(true)} loading={secret.isFetching}>
            {t('crmAutomations.editor.showSecret')}
          </Button>
        )}
        <Button size="xs" variant="subtle" color="red" onClick={() => rotate.mutate()} loading={rotate.isPending}>
          {t('crmAutomations.editor.rotateSecret')}
        </Button>
      </Group>
    </Stack>
  );
}
