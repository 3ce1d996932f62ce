import { Button, Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { onCancel: () => void; submitLabel: string; loading?: boolean; color?: MantineColor };

/** The end of a form in a modal: "Annuler" and the submit button, right-aligned. */
export function FormActions({ onCancel, submitLabel, loading, color }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} color={color}>
        {submitLabel}
      </Button>
    </Group>
  );
}
