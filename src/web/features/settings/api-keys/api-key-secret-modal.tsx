import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TApiKeyCreated } from '../../../../contracts/workspaces.js';

type Props = { created: TApiKeyCreated | null; onClose: () => void };

/** Shows a new key's secret, the only time the server ever returns it. */
export function ApiKeySecretModal({ created, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t('settings.apiKeys.secretTitle')}
      centered
      size="lg"
      // A stray click outside must not lose a secret that cannot be shown again.
      closeOnClickOutside={false}
    >
      {created && (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />}>
            {t('settings.apiKeys.secretWarning')}
          </Alert>
          <Text fw={600}>{created.name}</Text>
          <Code block data-testid="api-key-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {created.key}
          </Code>
          <Text size="sm" c="dimmed">
            {t('settings.apiKeys.secretUsage')}
          </Text>
          <Group justify="space-between">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? t('settings.apiKeys.copied') : t('settings.apiKeys.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('settings.apiKeys.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
