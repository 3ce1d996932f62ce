import { Button, Group, SegmentedControl, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERACTION_TYPES } from '../../../../contracts/crm.js';
import { ApiError } from '../../../lib/api.js';
import { useReportDirty } from './dirty-guard.js';
import { useAddInteraction } from './lead-drawer-api.js';

export type TInteractionType = (typeof INTERACTION_TYPES)[number];
type TType = TInteractionType;

/** "YYYY-MM-DDTHH:mm" of now in local time, the value a datetime-local input expects. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Logs an email, call, meeting or note on the lead (now, or at the date the user gives). `request` (from the
 * record's "Note" action) picks a type and puts the cursor in the form.
 */
export function AddInteractionForm({ leadId, request }: { leadId: string; request?: { type: TType; at: number } }) {
  const { t } = useTranslation();
  const add = useAddInteraction(leadId);
  const [type, setType] = useState<TType>('call');
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [at, setAt] = useState(localNow);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const subjectRef = useRef<HTMLInputElement>(null);
  useReportDirty('composer', subject.trim() !== '' || content.trim() !== '');
  useEffect(() => {
    if (!request) return;
    setType(request.type);
    subjectRef.current?.focus();
  }, [request]);

  const submit = () =>
    add.mutate(
      { interaction_type: type, subject: subject.trim() || null, content: content.trim() || null, ...(at ? { occurred_at: new Date(at).toISOString() } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('crmContacts.interaction.added') });
          setSubject('');
          setContent('');
          setAt(localNow());
          setErrors({});
        },
        onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
      },
    );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Title order={4}>{t('crmContacts.interaction.title')}</Title>
        <SegmentedControl
          aria-label={t('crmContacts.interaction.type')}
          value={type}
          onChange={(value) => setType(value as TType)}
          data={INTERACTION_TYPES.map((value) => ({ value, label: t(`crmContacts.interaction.types.${value}`) }))}
          fullWidth
        />
        <Group gap="xs" wrap="wrap" align="flex-start">
          <TextInput
            ref={subjectRef}
            label={t('crmContacts.interaction.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={errors.subject}
            style={{ flex: '2 1 200px' }}
            maxLength={300}
          />
          <TextInput
            label={t('crmContacts.interaction.date')}
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={errors.occurred_at}
            style={{ flex: '1 1 160px' }}
          />
        </Group>
        <Textarea
          label={t('crmContacts.interaction.content')}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          error={errors.content}
          autosize
          minRows={2}
          maxRows={8}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('crmContacts.interaction.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
