import { Button, Group, Skeleton, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TSequenceStep } from '../../../../contracts/email-sequences.js';
import { useStepEditor } from './step-editor-context.js';

/** The email's subject (or that it has none yet) and the way to its content in the campaign editor. */
export function EmailStepBody({ step }: { step: Extract<TSequenceStep, { type: 'email' }> }) {
  const { t } = useTranslation();
  const editor = useStepEditor();
  const email = editor.emails.get(step.email_id);
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      {email ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0, flex: '1 1 200px' }} c={email.subject ? undefined : 'dimmed'}>
          {email.subject ? t('email.sequences.email.subject', { subject: email.subject }) : t('email.card.noSubject')}
        </Text>
      ) : (
        <Skeleton h={16} w={200} />
      )}
      <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => editor.openEmail(step.email_id)}>
        {t(editor.readOnly ? 'email.sequences.email.view' : 'email.sequences.email.edit')}
      </Button>
    </Group>
  );
}
