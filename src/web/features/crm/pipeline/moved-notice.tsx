import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

type Props = { message: string; undoLabel: string; onUndo: () => void };

/** "Élodie Garnier → Gagné" with an "Annuler" button that hides the notice and calls `onUndo`. */
export function showMovedNotice({ message, undoLabel, onUndo }: Props): void {
  const id = `lead-moved-${Date.now()}`;
  notifications.show({
    id,
    color: 'green',
    autoClose: 8000,
    message: (
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            notifications.hide(id);
            onUndo();
          }}
        >
          {undoLabel}
        </Button>
      </Group>
    ),
  });
}
