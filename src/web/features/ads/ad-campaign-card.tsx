import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAdCampaign } from '../../../contracts/ads.js';
import { PlatformBadge, QualityValue, StatusBadge } from './ad-badges.js';
import { ctrQuality, formatRoas, orNone, roasQuality, useCampaignFormat } from './ad-format.js';
import { AdWarnings } from './ad-warnings.js';

type Props = {
  campaign: TAdCampaign;
  canEdit: boolean;
  toggling: boolean;
  onToggle: (campaign: TAdCampaign) => void;
  onEdit: (campaign: TAdCampaign) => void;
};

/**
 * A campaign as the spec draws it: name, "Facebook • Active", "50 000 impressions • 2 500 clics", "125 conversions •
 * 4,50 € CPA", plus CTR and ROAS coloured against their thresholds, warnings, and Voir / Pause / Modifier.
 */
export function AdCampaignCard({ campaign, canEdit, toggling, onToggle, onEdit }: Props) {
  const { t } = useTranslation();
  const format = useCampaignFormat(campaign.currency);
  const titleId = `ad-campaign-${campaign.id}`;
  const ctr = ctrQuality(campaign.ctr);
  const roas = roasQuality(campaign.roas);
  // A draft or completed campaign cannot be paused; a paused one resumes.
  const canToggle = canEdit && (campaign.status === 'active' || campaign.status === 'paused');
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId} data-testid="ad-campaign-card">
      <Stack gap="sm" h="100%">
        <Title order={3} size="h4" id={titleId} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {campaign.name}
        </Title>
        <Group gap="xs">
          <PlatformBadge platform={campaign.platform} />
          <StatusBadge status={campaign.status} />
        </Group>
        <Stack gap={4}>
          <Text size="sm">
            {t('ads.card.reach', {
              impressions: format.number(campaign.impressions, 0),
              clicks: format.number(campaign.clicks, 0),
              count: campaign.clicks,
            })}
          </Text>
          <QualityValue
            value={orNone(campaign.ctr, (n) => format.percent(n, 2))}
            quality={ctr}
            label={t('ads.metrics.ctr')}
            verdict={ctr ? t(`ads.quality.ctr.${ctr}`, { mark: format.percent(0.01) }) : undefined}
          />
          <Text size="sm">
            {t('ads.card.conversions', {
              conversions: format.number(campaign.conversions, 2),
              cpa: orNone(campaign.cpa, format.money),
              count: campaign.conversions,
            })}
          </Text>
          <QualityValue
            value={formatRoas(format, campaign.roas)}
            quality={roas}
            label={t('ads.metrics.roas')}
            verdict={roas ? t(`ads.quality.roas.${roas}`) : undefined}
          />
          <Text size="xs" c="dimmed">
            {t('ads.card.spent', { spent: format.money(campaign.spent), revenue: format.money(campaign.revenue) })}
          </Text>
        </Stack>
        <AdWarnings campaign={campaign} compact />
        <Group gap="xs" mt="auto">
          <Button size="xs" variant="light" component={Link} to={`/ads/${campaign.id}`} aria-label={t('ads.card.viewNamed', { name: campaign.name })}>
            {t('ads.card.view')}
          </Button>
          {canToggle && (
            <Button
              size="xs"
              variant="subtle"
              loading={toggling}
              leftSection={campaign.status === 'active' ? <IconPlayerPause size={14} aria-hidden /> : <IconPlayerPlay size={14} aria-hidden />}
              onClick={() => onToggle(campaign)}
            >
              {t(campaign.status === 'active' ? 'ads.actions.pause' : 'ads.actions.resume')}
            </Button>
          )}
          {canEdit && (
            <Button size="xs" variant="subtle" onClick={() => onEdit(campaign)}>
              {t('ads.actions.edit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
