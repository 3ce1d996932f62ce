import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAdCampaign } from '../../../contracts/ads.js';
import { CardSection } from '../../ui/card-section.js';
import { orNone, useCampaignFormat } from './ad-format.js';
import { AdWarnings } from './ad-warnings.js';

const STATE_COLORS = { on_track: 'teal', over: 'red', under: 'yellow' } as const;

/** Budget pacing: spent against the budget of the period, where it is heading, and the warnings. */
export function PacingPanel({ campaign }: { campaign: TAdCampaign }) {
  const { t } = useTranslation();
  const format = useCampaignFormat(campaign.currency);
  const { pacing } = campaign;
  return (
    <CardSection title={t('ads.pacing.title')}>
      <Group gap="lg">
        <Text size="sm">{t('ads.pacing.daily', { budget: orNone(campaign.daily_budget, format.money) })}</Text>
        <Text size="sm">{t('ads.pacing.total', { budget: orNone(campaign.total_budget, format.money) })}</Text>
      </Group>
      {pacing ? (
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {t(`ads.pacing.${pacing.state}`)}
            </Text>
            <Text size="sm">
              {t(`ads.pacing.detail.${pacing.basis}`, {
                spent: format.money(pacing.spent),
                projected: format.money(pacing.projected),
                budget: format.money(pacing.budget),
              })}
            </Text>
          </Group>
          <Progress
            value={pacing.budget > 0 ? Math.min(100, (pacing.spent / pacing.budget) * 100) : 0}
            color={STATE_COLORS[pacing.state]}
            aria-label={t('ads.pacing.progress', { spent: format.money(pacing.spent), budget: format.money(pacing.budget) })}
          />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('ads.pacing.none')}
        </Text>
      )}
      <AdWarnings campaign={{ ...campaign, pacing: null }} />
    </CardSection>
  );
}
