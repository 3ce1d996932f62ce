import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TInvitationPreview } from '../../../contracts/workspaces.js';
import { api, ApiError } from '../../lib/api.js';
import { QueryState } from '../../ui/query-state.js';
import { AuthHeading } from './auth-heading.js';
import { InvitationActions } from './invitation-actions.js';
import { useMe } from './session.js';

/** /invitations/:token: what the invitation offers, then the way to accept it. */
export function InvitationPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const me = useMe();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<TInvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
  });
  // Unknown, expired, revoked and used tokens all look the same to the server: 404 (or 400 when malformed).
  const unusable = preview.error instanceof ApiError && (preview.error.status === 404 || preview.error.status === 400);

  return (
    <>
      <AuthHeading title={t('auth.invitation.title')} />
      {unusable ? (
        <Alert color="red" role="alert">
          {t('auth.invitation.notFound')}
        </Alert>
      ) : (
        <QueryState query={preview}>
          {(invitation) => (
            <Stack>
              <Text>
                {invitation.invited_by_name
                  ? t('auth.invitation.summary', {
                      inviter: invitation.invited_by_name,
                      workspace: invitation.workspace_name,
                      role: t(`roles.${invitation.role}`),
                    })
                  : t('auth.invitation.summaryAnonymous', {
                      workspace: invitation.workspace_name,
                      role: t(`roles.${invitation.role}`),
                    })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('auth.invitation.sentTo', { email: invitation.email })}
              </Text>
              <QueryState query={me}>{(caller) => <InvitationActions token={token} invitation={invitation} me={caller} />}</QueryState>
            </Stack>
          )}
        </QueryState>
      )}
    </>
  );
}
