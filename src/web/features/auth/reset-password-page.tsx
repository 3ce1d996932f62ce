import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { hasLength, matchesField, useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../lib/api.js';
import { FormError } from '../../ui/form-error.js';
import { AuthHeading } from './auth-heading.js';
import { NewPasswordField, PasswordField } from '../../ui/password-field.js';

function isTokenError(error: unknown): boolean {
  return error instanceof ApiError && error.errors.some((e) => e.path === 'body.token');
}

/** /reset-password?token=…: choose a new password with the mailed link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: hasLength({ min: 10 }, t('validation.passwordLength')),
      confirm: matchesField('password', t('validation.passwordMismatch')),
    },
  });
  const reset = useMutation({
    mutationFn: (password: string) => api.post('/api/auth/password-reset/confirm', { token, password }),
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors().password) form.setFieldError('password', error.fieldErrors().password);
    },
  });

  const requestNew = (
    <Anchor component={Link} to="/forgot-password">
      {t('auth.reset.requestNew')}
    </Anchor>
  );

  let body;
  if (!token) {
    body = (
      <Stack>
        <Alert color="red">{t('auth.reset.missingToken')}</Alert>
        {requestNew}
      </Stack>
    );
  } else if (reset.isSuccess) {
    body = (
      <Stack>
        <Alert color="teal" role="status">
          {t('auth.reset.done')}
        </Alert>
        <Button component={Link} to="/login">
          {t('auth.reset.login')}
        </Button>
      </Stack>
    );
  } else {
    body = (
      <form noValidate onSubmit={form.onSubmit((values) => reset.mutate(values.password))}>
        <Stack>
          {isTokenError(reset.error) ? (
            <Alert color="red" role="alert">
              {t('auth.reset.invalidToken')} {requestNew}
            </Alert>
          ) : (
            <FormError error={reset.error} />
          )}
          <NewPasswordField label={t('auth.reset.password')} {...form.getInputProps('password')} />
          <PasswordField label={t('auth.reset.confirm')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Button type="submit" loading={reset.isPending} fullWidth>
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <>
      <AuthHeading title={t('auth.reset.title')} />
      {body}
    </>
  );
}
