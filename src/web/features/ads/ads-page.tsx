import { Button, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TAdCampaign, TAdPlatform } from '../../../contracts/ads.js';
import { notifyError } from '../../lib/errors.js';
import { EmptyState } from '../../ui/empty-state.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryState } from '../../ui/query-state.js';
import { useSignedInMe } from '../auth/session.js';
import { AdCampaignCard } from './ad-campaign-card.js';
import { AdStatsTiles } from './ad-stats-tiles.js';
import { useAdCampaigns, useAdStats, useSetAdCampaignRunning } from './ads-api.js';
import { CampaignFormModal } from './campaign-form-modal.js';
import { ImportReportModal } from './import-report-modal.js';
import { RangeSelect, useAdRange } from './range-select.js';
import { AdGenerateButton } from '../ai/ad-generation.js';

/** The spec's tabs; Instagram, TikTok and other platforms show under "Tous". */
const TABS = ['all', 'facebook', 'google', 'linkedin'] as const;
type TTab = (typeof TABS)[number];

/** /ads (spec "Page Publicités"): the period's totals, a card per campaign by platform, + Créer, import a report. */
export function AdsPage() {
  const { t } = useTranslation();
  const canEdit = useSignedInMe().role !== 'viewer';
  const [params, setParams] = useSearchParams();
  const tab: TTab = TABS.find((value) => value === params.get('platform')) ?? 'all';
  const [editing, setEditing] = useState<TAdCampaign | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const selectTab = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!value || value === 'all') next.delete('platform');
      else next.set('platform', value);
      return next;
    });
  return (
    <>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={t('ads.title')} description={t('ads.description')} />
        <Group gap="xs" mb="md">
          {canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('ads.create')}
            </Button>
          )}
          {canEdit && <AdGenerateButton />}
          {canEdit && (
            <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
              {t('ads.import.button')}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {value === 'all' ? t('ads.tabs.all') : t(`ads.platforms.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab}>
          <PlatformPanel
            platform={tab === 'all' ? null : tab}
            canEdit={canEdit}
            onCreate={() => setEditing('new')}
            onImport={() => setImporting(true)}
            onEdit={setEditing}
          />
        </Tabs.Panel>
      </Tabs>
      <CampaignFormModal target={editing} onClose={() => setEditing(null)} />
      <ImportReportModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}

type TPanelProps = {
  platform: TAdPlatform | null;
  canEdit: boolean;
  onCreate: () => void;
  onImport: () => void;
  onEdit: (campaign: TAdCampaign) => void;
};

function PlatformPanel({ platform, canEdit, onCreate, onImport, onEdit }: TPanelProps) {
  const { t } = useTranslation();
  const { range } = useAdRange();
  const stats = useAdStats(range);
  const campaigns = useAdCampaigns(platform);
  const toggle = useSetAdCampaignRunning();
  const onToggle = (campaign: TAdCampaign) => {
    const running = campaign.status !== 'active';
    toggle.mutate(
      { id: campaign.id, running },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t(running ? 'ads.resumed' : 'ads.paused', { name: campaign.name }) }),
        onError: (error) => notifyError(error, t),
      },
    );
  };
  return (
    <QueryState query={campaigns}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <AdsEmpty platform={platform} canEdit={canEdit} onCreate={onCreate} onImport={onImport} />;
        return (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-end">
              <Text size="sm" c="dimmed" maw={520}>
                {t('ads.stats.intro')}
              </Text>
              <RangeSelect answered={stats.data} />
            </Group>
            <QueryState query={stats}>
              {(value) => {
                const line = platform ? value.platforms.find((p) => p.platform === platform) : value.overall;
                return line ? <AdStatsTiles line={line} stats={value} /> : null;
              }}
            </QueryState>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {items.map((campaign) => (
                <AdCampaignCard
                  key={campaign.id}
                  campaign={campaign}
                  canEdit={canEdit}
                  toggling={toggle.isPending && toggle.variables?.id === campaign.id}
                  onToggle={onToggle}
                  onEdit={onEdit}
                />
              ))}
            </SimpleGrid>
            {campaigns.hasNextPage && (
              <Group justify="center">
                <Button variant="default" loading={campaigns.isFetchingNextPage} onClick={() => void campaigns.fetchNextPage()}>
                  {t('ads.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** No campaign yet: the three ways to get figures (create and type them, import a report, connect an account). */
function AdsEmpty({ platform, canEdit, onCreate, onImport }: { platform: TAdPlatform | null; canEdit: boolean; onCreate: () => void; onImport: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={platform ? t('ads.empty.platformTitle', { platform: t(`ads.platforms.${platform}`) }) : t('ads.empty.title')}
      message={t('ads.empty.message')}
      actions={
        canEdit
          ? [
              { label: t('ads.create'), onClick: onCreate, primary: true, icon: <IconPlus size={16} aria-hidden /> },
              { label: t('ads.import.button'), onClick: onImport, icon: <IconFileImport size={16} aria-hidden /> },
              { label: t('ads.empty.connect'), href: '/settings/ads' },
            ]
          : []
      }
    />
  );
}
