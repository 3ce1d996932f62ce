import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { hasLength, isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TAuthOptions, TMe, TSignupBody } from '../../../contracts/accounts.js';
import { currentLanguage } from '../../app/i18n.js';
import { api } from '../../lib/api.js';
import { hasStatus, setFormErrors } from '../../lib/errors.js';
import { FormError } from '../../ui/form-error.js';
import { AuthHeading } from './auth-heading.js';
import { loginUrl, safeNext } from './safe-next.js';
import { startNewContext } from './session.js';
import { NewPasswordField } from '../../ui/password-field.js';
import { browserCurrency, browserTimeZone } from '../../lib/regional.js';

type TValues = Omit<TSignupBody, 'locale'>;

/** /signup: creates the account and its first workspace. */
export function SignupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = safeNext(params.get('next'));
  const form = useForm<TValues>({
    initialValues: { name: '', email: '', password: '', workspace_name: '' },
    validate: {
      name: isNotEmpty(t('validation.required')),
      email: isEmail(t('validation.email')),
      password: hasLength({ min: 10 }, t('validation.passwordLength')),
      workspace_name: isNotEmpty(t('validation.required')),
    },
  });
  const signup = useMutation({
    // The account's language (used for its mails) starts as the one on screen.
    mutationFn: (values: TValues) =>
      api.post<TMe>('/api/auth/signup', { ...values, locale: currentLanguage(), timezone: browserTimeZone(), currency: browserCurrency() }),
    onSuccess: async (me) => {
      await startNewContext(queryClient, me);
      void navigate(next, { replace: true });
    },
    onError: (error) => {
      if (hasStatus(error, 409)) form.setFieldError('email', t('auth.signup.emailTaken'));
      else setFormErrors(form, error);
    },
  });
  const showAlert = signup.error && !hasStatus(signup.error, 409) && Object.keys(form.errors).length === 0;
  // SIGNUP=invite or closed: no form, a sentence saying how to get in (an invitation link).
  const options = useQuery({ queryKey: ['auth', 'options'], queryFn: () => api.get<TAuthOptions>('/api/auth/options'), staleTime: Infinity });
  const mode = options.data?.signup ?? 'open';

  if (mode !== 'open') {
    return (
      <>
        <AuthHeading title={t('auth.signup.title')} />
        <Stack>
          <Alert color="gray" role="status">
            {t(mode === 'closed' ? 'auth.signup.closed' : 'auth.signup.inviteOnly')}
          </Alert>
          <LoginLink next={next} />
        </Stack>
      </>
    );
  }

  return (
    <>
      <AuthHeading title={t('auth.signup.title')} subtitle={t('auth.signup.subtitle')} />
      <form noValidate onSubmit={form.onSubmit((values) => signup.mutate(values))}>
        <Stack>
          {showAlert && <FormError error={signup.error} />}
          <TextInput label={t('auth.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <NewPasswordField {...form.getInputProps('password')} />
          <TextInput
            label={t('auth.signup.workspaceName')}
            description={t('auth.signup.workspaceHint')}
            autoComplete="organization"
            required
            {...form.getInputProps('workspace_name')}
          />
          <Button type="submit" loading={signup.isPending} fullWidth>
            {t('auth.signup.submit')}
          </Button>
          <LoginLink next={next} />
        </Stack>
      </form>
    </>
  );
}

/** "Déjà un compte ? Se connecter", under the form and under the closed sign-up message. */
function LoginLink({ next }: { next: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" ta="center">
      {t('auth.signup.hasAccount')}{' '}
      <Anchor component={Link} to={loginUrl(next)}>
        {t('auth.signup.loginLink')}
      </Anchor>
    </Text>
  );
}
