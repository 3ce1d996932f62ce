import { Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TAdCampaign } from '../../../contracts/ads.js';
import { notifyError } from '../../lib/errors.js';
import { ConfirmModal } from '../../ui/confirm-modal.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryState } from '../../ui/query-state.js';
import { useSignedInMe } from '../auth/session.js';
import { PlatformBadge, StatusBadge } from './ad-badges.js';
import { useAdCampaign, useAdMetrics, useDeleteAdCampaign, useSetAdCampaignRunning } from './ads-api.js';
import { CampaignCharts } from './campaign-charts.js';
import { CampaignFormModal } from './campaign-form-modal.js';
import { CampaignTiles } from './campaign-tiles.js';
import { ConversionsLog } from './conversions-log.js';
import { CreativesPanel } from './creatives-panel.js';
import { DailyFiguresGrid } from './daily-figures-grid.js';
import { PacingPanel } from './pacing-panel.js';
import { RangeSelect, useAdRange } from './range-select.js';
import { RealResultsPanel } from './real-results-panel.js';

/** /ads/:id: a campaign's figures over a range, what it really brought, its budget pacing, creatives and days. */
export function CampaignViewPage() {
  const { id = '' } = useParams();
  const campaign = useAdCampaign(id);
  return <QueryState query={campaign}>{(value) => <CampaignView campaign={value} />}</QueryState>;
}

function CampaignView({ campaign }: { campaign: TAdCampaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useSignedInMe().role !== 'viewer';
  const { range } = useAdRange();
  const metrics = useAdMetrics(campaign.id, range);
  const toggle = useSetAdCampaignRunning();
  const remove = useDeleteAdCampaign();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const running = campaign.status === 'active';
  const onToggle = () =>
    toggle.mutate(
      { id: campaign.id, running: !running },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t(running ? 'ads.paused' : 'ads.resumed', { name: campaign.name }) }),
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/ads" size="sm">
          {t('ads.title')}
        </Anchor>
        <Text size="sm">{campaign.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={0}>
          <PageHeader title={campaign.name} description={campaign.description ?? undefined} />
          <Group gap="xs" mt={-8} mb="md">
            <PlatformBadge platform={campaign.platform} />
            <StatusBadge status={campaign.status} />
          </Group>
        </Stack>
        {canEdit && (
          <Group gap="xs" mb="md">
            {(campaign.status === 'active' || campaign.status === 'paused') && (
              <Button
                variant="default"
                loading={toggle.isPending}
                leftSection={running ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
                onClick={onToggle}
              >
                {t(running ? 'ads.actions.pause' : 'ads.actions.resume')}
              </Button>
            )}
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('ads.actions.edit')}
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
              {t('ads.actions.delete')}
            </Button>
          </Group>
        )}
      </Group>
      <Stack gap="lg">
        <Group justify="flex-end">
          <RangeSelect answered={metrics.data} />
        </Group>
        <QueryState query={metrics}>
          {(value) => (
            <Stack gap="lg">
              <CampaignTiles metrics={value} />
              <CampaignCharts metrics={value} />
              <RealResultsPanel campaign={campaign} metrics={value} />
              <PacingPanel campaign={campaign} />
              <CreativesPanel campaign={campaign} />
              <DailyFiguresGrid metrics={value} canEdit={canEdit} />
            </Stack>
          )}
        </QueryState>
        <ConversionsLog campaignId={campaign.id} currency={campaign.currency} />
      </Stack>
      <CampaignFormModal target={editing ? campaign : null} onClose={() => setEditing(false)} />
      <ConfirmModal
        opened={deleting}
        title={t('ads.delete.title', { name: campaign.name })}
        confirmLabel={t('ads.delete.confirm')}
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(campaign.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('ads.delete.done', { name: campaign.name }) });
              void navigate('/ads');
            },
            onError: (error) => notifyError(error, t),
          })
        }
      >
        {t('ads.delete.body')}
      </ConfirmModal>
    </>
  );
}
