import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAdmin, useSignedInMe } from '../../auth/session.js';
import { InvitationsSection } from './invitations-section.js';
import { LeaveWorkspace } from './leave-workspace.js';
import { MembersSection } from './members-section.js';

/** /settings/team: members, invitations (admins) and leaving the workspace. */
export function TeamTab() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <Stack gap="xl">
      <MembersSection />
      {isAdmin(me.role) ? <InvitationsSection /> : <Alert color="gray">{t('settings.team.readOnly')}</Alert>}
      <LeaveWorkspace />
    </Stack>
  );
}
