import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEmailCampaignReport } from '../../../../../contracts/email-campaigns.js';
import { useFormatters } from '../../../../lib/format.js';
import { CardSection } from '../../../../ui/card-section.js';
import { StatCard } from '../../../../ui/stat-card.js';
import { useEmailSettings } from '../../../settings/email/email-settings-query.js';

/**
 * The report's "Conversions": leads won and orders paid after a click in this email, their rate over delivered and
 * their revenue, then each goal apart (orders with what was refunded).
 */
export function ConversionsSection({ conversions, delivered }: { conversions: TEmailCampaignReport['conversions']; delivered: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The attribution window is the workspace's setting: the sentence names it so the number can be read right.
  const settings = useEmailSettings();
  const days = settings.data?.conversion_window_days;
  const { leads_won: won, orders } = conversions;
  return (
    <CardSection title={t('email.conversions.title')}>
      <Text size="sm" c="dimmed">
        {days === undefined ? t('email.revenue.explainNoWindow') : t('email.revenue.explain', { count: days })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <StatCard label={t('email.conversions.count')} value={format.number(conversions.count)} />
        <StatCard
          label={t('email.conversions.rate')}
          // No rate before a first delivery: a dash rather than a misleading 0 %.
          value={conversions.rate === null ? '—' : format.percent(conversions.rate, 1)}
          detail={t('email.conversions.rateDetail', { formatted: format.number(delivered) })}
        />
        <StatCard label={t('email.conversions.revenue')} value={format.money(conversions.revenue)} detail={t('email.revenue.revenueDetail')} />
        <StatCard
          label={t('email.revenue.orders')}
          value={format.number(orders.count)}
          detail={
            orders.refunded > 0
              ? t('email.revenue.ordersRefunded', { revenue: format.money(orders.revenue), refunded: format.money(orders.refunded) })
              : t('email.revenue.ordersDetail', { revenue: format.money(orders.revenue) })
          }
        />
        <StatCard
          label={t('email.revenue.leadsWon')}
          value={format.number(won.count)}
          detail={t('email.revenue.leadsWonDetail', { revenue: format.money(won.revenue) })}
        />
      </SimpleGrid>
    </CardSection>
  );
}
