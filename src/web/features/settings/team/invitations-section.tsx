import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InviteForm } from './invite-form.js';
import { InvitationsTable } from './invitations-table.js';
import { TitledSection } from '../../../ui/titled-section.js';

/** Admins invite people by email and follow the pending invitations. */
export function InvitationsSection() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <TitledSection id="invite-title" title={t('settings.team.inviteTitle')}>
        <InviteForm />
      </TitledSection>
      <TitledSection id="invitations-title" title={t('settings.team.invitations')}>
        <InvitationsTable />
      </TitledSection>
    </Stack>
  );
}
