import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TLoginBody, TMe } from '../../../contracts/accounts.js';
import { api } from '../../lib/api.js';
import { hasStatus, setFormErrors } from '../../lib/errors.js';
import { FormError } from '../../ui/form-error.js';
import { AuthHeading } from './auth-heading.js';
import { safeNext } from './safe-next.js';
import { startNewContext } from './session.js';
import { PasswordField } from '../../ui/password-field.js';

/** /login: email + password, then back to ?next= (or the dashboard). */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = safeNext(params.get('next'));
  const form = useForm<TLoginBody>({
    initialValues: { email: '', password: '' },
    validate: { email: isEmail(t('validation.email')), password: isNotEmpty(t('validation.required')) },
  });
  const login = useMutation({
    mutationFn: (values: TLoginBody) => api.post<TMe>('/api/auth/login', values),
    onSuccess: async (me) => {
      await startNewContext(queryClient, me);
      void navigate(next, { replace: true });
    },
    onError: (error) => setFormErrors(form, error),
  });
  const signupUrl = next === '/' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`;

  return (
    <>
      <AuthHeading title={t('auth.login.title')} subtitle={t('auth.login.subtitle')} />
      <form noValidate onSubmit={form.onSubmit((values) => login.mutate(values))}>
        <Stack>
          <FormError error={login.error} message={hasStatus(login.error, 401) ? t('auth.login.wrongCredentials') : undefined} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordField label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.login.forgot')}
          </Anchor>
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.login.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.login.noAccount')}{' '}
            <Anchor component={Link} to={signupUrl}>
              {t('auth.login.signupLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </>
  );
}
