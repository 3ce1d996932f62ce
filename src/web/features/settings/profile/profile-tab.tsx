import { Stack } from '@mantine/core';
import { PasswordForm } from './password-form.js';
import { ProfileForm } from './profile-form.js';

/** /settings/profile: name, language, password. */
export function ProfileTab() {
  return (
    <Stack gap="xl" maw={520}>
      <ProfileForm />
      <PasswordForm />
    </Stack>
  );
}
