import { Alert, Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdConnection } from '../../../../contracts/ads.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { useDeleteConnection, useSyncConnection } from './ad-connections-api.js';
import { RemoteCampaigns } from './remote-campaigns.js';

const STATUS_COLORS: Record<TAdConnection['status'], string> = { active: 'teal', error: 'red', expired: 'orange' };

/** A connected ad account: status, last sync, the platform's last error and rate limit, Synchroniser, Supprimer, its campaigns. */
export function ConnectionCard({ connection, canEdit }: { connection: TAdConnection; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sync = useSyncConnection();
  const remove = useDeleteConnection();
  const [deleting, setDeleting] = useState(false);
  const [showCampaigns, setShowCampaigns] = useState(false);
  const network = t(`ads.networks.${connection.network}`);
  const name = connection.account_name ?? connection.account_id;
  const limited = connection.rate_limited_until && new Date(connection.rate_limited_until) > new Date() ? connection.rate_limited_until : null;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={`${network} · ${name}`} data-testid="ad-connection">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('adsSettings.connection.account', { network, id: connection.account_id })}
            </Text>
          </Stack>
          <Badge variant="light" color={STATUS_COLORS[connection.status]} style={{ minWidth: 'max-content' }}>
            {t(`adsSettings.connection.statuses.${connection.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {connection.last_sync_at
            ? t('adsSettings.connection.lastSync', { at: format.dateTime(connection.last_sync_at) })
            : t('adsSettings.connection.neverSynced')}
        </Text>
        {connection.status === 'expired' && <Alert color="orange">{t('adsSettings.connection.expiredHint', { network })}</Alert>}
        {connection.last_error && (
          <Alert color="red" title={t('adsSettings.connection.lastError')}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {connection.last_error}
            </Text>
          </Alert>
        )}
        {limited && <Alert color="yellow">{t('adsSettings.connection.rateLimited', { until: format.dateTime(limited) })}</Alert>}
        <Group gap="xs">
          {canEdit && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRefresh size={14} aria-hidden />}
              loading={sync.isPending}
              disabled={limited !== null}
              onClick={() =>
                sync.mutate(connection.id, {
                  onSuccess: () => notifications.show({ color: 'teal', message: t('adsSettings.connection.syncQueued') }),
                  onError: (error) => notifyError(error, t),
                })
              }
            >
              {t('adsSettings.connection.sync')}
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={() => setShowCampaigns(!showCampaigns)} aria-expanded={showCampaigns}>
            {t(showCampaigns ? 'adsSettings.remote.hide' : 'adsSettings.remote.show')}
          </Button>
          {canEdit && (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(true)}>
              {t('adsSettings.connection.delete')}
            </Button>
          )}
        </Group>
        <Collapse expanded={showCampaigns}>{showCampaigns && <RemoteCampaigns connectionId={connection.id} canEdit={canEdit} />}</Collapse>
      </Stack>
      <ConfirmModal
        opened={deleting}
        title={t('adsSettings.connection.deleteTitle', { name })}
        confirmLabel={t('adsSettings.connection.delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(connection.id, {
            onSuccess: () => {
              setDeleting(false);
              notifications.show({ color: 'teal', message: t('adsSettings.connection.deleted', { name }) });
            },
            onError: (error) => notifyError(error, t),
          })
        }
      >
        {t('adsSettings.connection.deleteBody')}
      </ConfirmModal>
    </Paper>
  );
}
