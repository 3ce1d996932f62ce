import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  loading?: boolean;
  /** Red by default (destructive); an action that is not (sending a campaign) passes its own colour. */
  confirmColor?: string;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before a destructive or irreversible action; the confirm button repeats the action's verb. */
export function ConfirmModal({ opened, title, children, confirmLabel, loading, confirmColor = 'red', onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text>{children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={confirmColor} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
