import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api.js';
import { FormError } from '../../ui/form-error.js';
import { AuthHeading } from './auth-heading.js';

/** /forgot-password: mails a reset link; never reveals whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { email: '' }, validate: { email: isEmail(t('validation.email')) } });
  const request = useMutation({
    mutationFn: (values: { email: string }) => api.post('/api/auth/password-reset/request', values),
  });

  return (
    <>
      <AuthHeading title={t('auth.forgot.title')} />
      {request.isSuccess ? (
        <Stack>
          <Alert color="teal" role="status">
            {t('auth.forgot.sent', { email: request.variables.email })}
          </Alert>
          <Anchor component={Link} to="/login">
            {t('auth.forgot.back')}
          </Anchor>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.onSubmit((values) => request.mutate(values))}>
          <Stack>
            <Text>{t('auth.forgot.intro')}</Text>
            <FormError error={request.error} />
            <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.forgot.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm" ta="center">
              {t('auth.forgot.back')}
            </Anchor>
          </Stack>
        </form>
      )}
    </>
  );
}
