import { Button, Stack } from '@mantine/core';
import { hasLength, isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TMe } from '../../../../contracts/accounts.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { applyMe, ME_KEY } from '../../auth/session.js';
import { NewPasswordField, PasswordField } from '../../../ui/password-field.js';
import { TitledSection } from '../../../ui/titled-section.js';

type TValues = { current_password: string; new_password: string };

/** Changes the password; the server rotates the session, so the new identity (and CSRF token) is stored. */
export function PasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<TValues>({
    initialValues: { current_password: '', new_password: '' },
    validate: {
      current_password: isNotEmpty(t('validation.required')),
      new_password: hasLength({ min: 10 }, t('validation.passwordLength')),
    },
  });
  const change = useMutation({
    mutationFn: (values: TValues) => api.post<TMe>('/api/auth/password', values),
    onSuccess: async (me) => {
      applyMe(queryClient, me);
      form.reset();
      notifications.show({ color: 'teal', message: t('settings.profile.passwordChanged') });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });

  return (
    <TitledSection id="password-title" title={t('settings.profile.passwordTitle')}>
      <form noValidate onSubmit={form.onSubmit((values) => change.mutate(values))}>
        <Stack align="flex-start">
          <PasswordField
            label={t('settings.profile.currentPassword')}
            autoComplete="current-password"
            required
            w="100%"
            {...form.getInputProps('current_password')}
          />
          <NewPasswordField label={t('settings.profile.newPassword')} w="100%" {...form.getInputProps('new_password')} />
          <Button type="submit" loading={change.isPending}>
            {t('settings.profile.changePassword')}
          </Button>
        </Stack>
      </form>
    </TitledSection>
  );
}
