import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * PasswordInput whose show/hide toggle is labelled in the user's language and without the word
 * "password", so the field's own label ("Mot de passe", "Password") is the only one that matches it.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.toggleVisibility') }} {...props} />;
}

/** A field for choosing a password: the length hint, browser password generation, required. */
export function NewPasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordField label={t('auth.password')} description={t('auth.passwordHint')} autoComplete="new-password" required {...props} />;
}
