import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

type Props = {
  /** The secret to show, or null when the dialog is closed. */
  secret: string | null;
  onClose: () => void;
  title: string;
  /** What the secret belongs to (a key's name, a webhook's URL). */
  owner: string;
  /** One sentence on how the secret is used. */
  usage: string;
  /** The words of this kind of secret ("Copier la clé" or "Copier le secret"…), already translated. */
  labels: { warning: string; copy: string; copied: string; done: string };
  /** For tests: the secret's element. */
  testId?: string;
};

/**
 * A secret the server returns once (an API key, a webhook's signing secret): shown with a warning that it cannot be
 * shown again, a copy button, and no closing by a stray click outside.
 */
export function SecretOnceModal({ secret, onClose, title, owner, usage, labels, testId }: Props) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} centered size="lg" closeOnClickOutside={false}>
      {secret !== null && (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />}>
            {labels.warning}
          </Alert>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {owner}
          </Text>
          <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Text size="sm" c="dimmed">
            {usage}
          </Text>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? labels.copied : labels.copy}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{labels.done}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
