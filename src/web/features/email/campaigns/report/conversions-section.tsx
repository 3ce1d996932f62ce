import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEmailCampaignReport } from '../../../../../contracts/email-campaigns.js';
import { useFormatters } from '../../../../lib/format.js';
import { CardSection } from '../../../../ui/card-section.js';
import { StatCard } from '../../../../ui/stat-card.js';
import { useEmailSettings } from '../../../settings/email/email-settings-query.js';

/** The report's "Conversions": leads won after a click in this email, their rate over delivered and their value. */
export function ConversionsSection({ conversions, delivered }: { conversions: TEmailCampaignReport['conversions']; delivered: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The attribution window is the workspace's setting: the sentence names it so the number can be read right.
  const settings = useEmailSettings();
  const days = settings.data?.conversion_window_days;
  return (
    <CardSection title={t('email.conversions.title')}>
      <Text size="sm" c="dimmed">
        {days === undefined ? t('email.conversions.explainNoWindow') : t('email.conversions.explain', { count: days })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <StatCard label={t('email.conversions.count')} value={format.number(conversions.count)} />
        <StatCard
          label={t('email.conversions.rate')}
          // No rate before a first delivery: a dash rather than a misleading 0 %.
          value={conversions.rate === null ? '—' : format.percent(conversions.rate, 1)}
          detail={t('email.conversions.rateDetail', { formatted: format.number(delivered) })}
        />
        <StatCard label={t('email.conversions.revenue')} value={format.money(conversions.revenue)} detail={t('email.conversions.revenueDetail')} />
      </SimpleGrid>
    </CardSection>
  );
}
