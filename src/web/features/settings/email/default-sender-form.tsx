import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TEmailSettingsView } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { optionalEmail } from '../../../ui/email-address.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { EMAIL_SETTINGS_KEY } from './email-settings-query.js';

type TValues = { default_from_name: string; default_from_email: string; default_reply_to: string };

/** Who campaigns are from when they name no sender; the address must be on an added domain (the server says so). */
export function DefaultSenderForm({ settings, canEdit }: { settings: TEmailSettingsView; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const validEmail = optionalEmail(t('settings.emailSender.invalidEmail'));
  const form = useForm<TValues>({
    initialValues: {
      default_from_name: settings.default_from_name,
      default_from_email: settings.default_from_email,
      default_reply_to: settings.default_reply_to,
    },
    validate: { default_from_email: validEmail, default_reply_to: validEmail },
  });
  const save = useMutation({
    mutationFn: (values: TValues) =>
      api.patch<TEmailSettingsView>('/api/marketing/email-settings', {
        default_from_name: values.default_from_name.trim(),
        default_from_email: values.default_from_email.trim(),
        default_reply_to: values.default_reply_to.trim(),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(EMAIL_SETTINGS_KEY, saved);
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('settings.emailSender.saved') });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack align="flex-start" gap="sm">
        <TextInput
          label={t('settings.emailSender.fromName')}
          description={t('settings.emailSender.fromNameHint')}
          readOnly={!canEdit}
          maxLength={200}
          w="100%"
          {...form.getInputProps('default_from_name')}
        />
        <TextInput
          label={t('settings.emailSender.fromEmail')}
          description={t('settings.emailSender.fromEmailHint')}
          type="email"
          autoComplete="off"
          readOnly={!canEdit}
          w="100%"
          {...form.getInputProps('default_from_email')}
        />
        <TextInput
          label={t('settings.emailSender.replyTo')}
          description={t('settings.emailSender.replyToHint')}
          type="email"
          autoComplete="off"
          readOnly={!canEdit}
          w="100%"
          {...form.getInputProps('default_reply_to')}
        />
        {canEdit ? (
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('settings.emailSender.save')}
          </Button>
        ) : (
          <Alert color="gray">{t('settings.email.readOnly')}</Alert>
        )}
      </Stack>
    </form>
  );
}
