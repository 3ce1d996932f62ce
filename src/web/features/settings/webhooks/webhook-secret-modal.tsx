import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TWebhookEndpoint } from '../../../../contracts/webhooks.js';

/** What creation and rotation answer (ZWebhookEndpointWithSecret): the webhook and its secret. */
export type TWebhookWithSecret = TWebhookEndpoint & { secret: string };

type Props = { shown: TWebhookWithSecret | null; onClose: () => void };

/** A webhook's signing secret, the only time the server returns it (at creation and on rotation). */
export function WebhookSecretModal({ shown, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={shown !== null}
      onClose={onClose}
      title={t('settings.webhooks.secretTitle')}
      centered
      size="lg"
      // A stray click outside must not lose a secret that cannot be shown again.
      closeOnClickOutside={false}
    >
      {shown && (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />}>
            {t('settings.webhooks.secretWarning')}
          </Alert>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {shown.url}
          </Text>
          <Code block data-testid="webhook-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {shown.secret}
          </Code>
          <Text size="sm" c="dimmed">
            {t('settings.webhooks.signing')}
          </Text>
          <Group justify="space-between">
            <CopyButton value={shown.secret}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? t('settings.webhooks.copied') : t('settings.webhooks.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('settings.webhooks.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
