import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InviteForm } from './invite-form.js';
import { InvitationsTable } from './invitations-table.js';

/** Admins invite people by email and follow the pending invitations. */
export function InvitationsSection() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="invite-title">
        <Title order={2} size="h3" id="invite-title">
          {t('settings.team.inviteTitle')}
        </Title>
        <InviteForm />
      </Stack>
      <Stack component="section" aria-labelledby="invitations-title">
        <Title order={2} size="h3" id="invitations-title">
          {t('settings.team.invitations')}
        </Title>
        <InvitationsTable />
      </Stack>
    </Stack>
  );
}
