import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { hasLength, isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TMe } from '../../../contracts/accounts.js';
import type { TInvitationPreview } from '../../../contracts/workspaces.js';
import { api } from '../../lib/api.js';
import { setFormErrors } from '../../lib/errors.js';
import { FormError } from '../../ui/form-error.js';
import { loginUrl } from './safe-next.js';
import { applyMe, startNewContext } from './session.js';
import { useLogout } from './use-logout.js';
import { NewPasswordField } from '../../ui/password-field.js';

type Props = { token: string; invitation: TInvitationPreview; me: TMe | null };
type TNewAccount = { name: string; password: string };

/** Accept as the signed-in user, log in first, or create the account, depending on who is here. */
export function InvitationActions({ token, invitation, me }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout(null);
  const form = useForm<TNewAccount>({
    initialValues: { name: '', password: '' },
    validate: { name: isNotEmpty(t('validation.required')), password: hasLength({ min: 10 }, t('validation.passwordLength')) },
  });
  const accept = useMutation({
    mutationFn: (body: Partial<TNewAccount>) => api.post<TMe>(`/api/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: (joined) => {
      // Identity first, so the auth guard lets the dashboard through.
      applyMe(queryClient, joined);
      void navigate('/', { replace: true });
      void startNewContext(queryClient, joined);
      notifications.show({ color: 'teal', message: t('auth.invitation.joined', { workspace: joined.workspace.name }) });
    },
    onError: (error) => setFormErrors(form, error),
  });
  const acceptButton = (
    <Button type={me ? 'button' : 'submit'} loading={accept.isPending} fullWidth onClick={me ? () => accept.mutate({}) : undefined}>
      {t('auth.invitation.accept')}
    </Button>
  );

  if (me?.user) {
    if (me.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      return (
        <Stack>
          <Alert color="yellow">{t('auth.invitation.wrongAccount', { current: me.user.email, email: invitation.email })}</Alert>
          <Button variant="default" loading={logout.isPending} onClick={() => logout.mutate()}>
            {t('auth.invitation.logout')}
          </Button>
        </Stack>
      );
    }
    return (
      <Stack>
        <FormError error={accept.error} />
        {acceptButton}
      </Stack>
    );
  }

  if (invitation.account_exists) {
    return (
      <Stack>
        <Text>{t('auth.invitation.loginFirst', { email: invitation.email })}</Text>
        <Button component={Link} to={loginUrl(`/invitations/${token}`)}>
          {t('auth.invitation.login')}
        </Button>
      </Stack>
    );
  }

  return (
    <form noValidate onSubmit={form.onSubmit((values) => accept.mutate(values))}>
      <Stack>
        <Text>{t('auth.invitation.createAccount', { email: invitation.email })}</Text>
        <FormError error={accept.error} />
        <TextInput label={t('auth.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <NewPasswordField {...form.getInputProps('password')} />
        {acceptButton}
      </Stack>
    </form>
  );
}
