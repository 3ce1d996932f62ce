import { Button, Stack, Text, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TUser } from '../../../../contracts/accounts.js';
import { LANGUAGE_NAMES } from '../../../app/language-switcher.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { ME_KEY, useSignedInMe } from '../../auth/session.js';
import { MEMBERS_KEY } from '../query-keys.js';
import { TitledSection } from '../../../ui/titled-section.js';

/** The user's name; the language is chosen with the header's selector, which saves it here too. */
export function ProfileForm() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: me.user?.name ?? '' },
    validate: { name: isNotEmpty(t('validation.required')) },
  });
  const save = useMutation({
    mutationFn: (values: { name: string }) => api.patch<TUser>('/api/auth/profile', values),
    onSuccess: async (user) => {
      form.resetDirty({ name: user.name });
      notifications.show({ color: 'teal', message: t('common.saved') });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      await queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  if (!me.user) return null;

  return (
    <TitledSection id="profile-title" title={t('settings.profile.title')}>
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack align="flex-start">
          <TextInput label={t('settings.profile.name')} autoComplete="name" required w="100%" {...form.getInputProps('name')} />
          <Text size="sm">{t('settings.profile.email', { email: me.user.email })}</Text>
          <Text size="sm">{t('settings.profile.language', { language: LANGUAGE_NAMES[me.user.locale] })}</Text>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </TitledSection>
  );
}
