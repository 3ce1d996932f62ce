import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TInvitation, TInvitationCreateBody } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { INVITATIONS_KEY, OUTBOX_KEY } from '../query-keys.js';
import { GRANTABLE_ROLES, roleOptions } from '../role-options.js';

/** Email + role; the server mails the invitation link (or keeps it in the outbox). */
export function InviteForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<TInvitationCreateBody>({
    initialValues: { email: '', role: 'member' },
    validate: { email: isEmail(t('validation.email')) },
  });
  const invite = useMutation({
    mutationFn: (values: TInvitationCreateBody) => api.post<TInvitation>('/api/workspace/invitations', values),
    onSuccess: async (invitation) => {
      notifications.show({ color: 'teal', message: t('settings.team.invited', { email: invitation.email }) });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });
      await queryClient.invalidateQueries({ queryKey: OUTBOX_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => invite.mutate(values))}>
      <Stack gap="sm" align="flex-start">
        <Group align="flex-start" gap="sm" w="100%">
          <TextInput label={t('auth.email')} type="email" autoComplete="off" required style={{ flex: '1 1 240px' }} {...form.getInputProps('email')} />
          <NativeSelect label={t('settings.team.role')} data={roleOptions(GRANTABLE_ROLES, t)} style={{ flex: '0 1 200px' }} {...form.getInputProps('role')} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('settings.team.inviteHint')}
        </Text>
        <Button type="submit" loading={invite.isPending}>
          {t('settings.team.invite')}
        </Button>
      </Stack>
    </form>
  );
}
