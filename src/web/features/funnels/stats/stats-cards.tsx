import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunnelStats } from '../../../../contracts/funnels.js';
import { useFormatters } from '../../../lib/format.js';
import { StatCard } from '../../../ui/stat-card.js';

/**
 * Funnels part 2 (payments) is not built: the API sends sales and revenue 0 and no average order value, which are not
 * measurements. Until then the cards say "—, arrive avec les paiements" rather than a "0 €" that looks measured.
 */
const PAYMENTS_MEASURED = false;

/** Unique visitors, leads and their rate; then sales, revenue and average order value (or why they are not there yet). */
export function StatsCards({ stats }: { stats: TFunnelStats }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // Amounts are in cents on the wire.
  const money = (cents: number | null) => (PAYMENTS_MEASURED && cents !== null ? format.money(cents / 100) : '—');
  const paymentsDetail = PAYMENTS_MEASURED ? undefined : t('funnelList.stats.report.cards.payments');
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <StatCard
          label={t('funnelList.stats.report.cards.visitors')}
          value={format.number(stats.unique_visitors)}
          detail={t('funnelList.stats.report.cards.visitorsHint')}
        />
        <StatCard label={t('funnelList.stats.report.cards.leads')} value={format.number(stats.leads)} detail={t('funnelList.stats.report.cards.leadsHint')} />
        <StatCard
          label={t('funnelList.stats.report.cards.conversion')}
          value={stats.conversion_rate === null ? '—' : format.percent(stats.conversion_rate, 1)}
          detail={t('funnelList.stats.report.cards.conversionHint')}
        />
        <StatCard label={t('funnelList.stats.report.cards.sales')} value={PAYMENTS_MEASURED ? format.number(stats.sales) : '—'} detail={paymentsDetail} />
        <StatCard label={t('funnelList.stats.report.cards.revenue')} value={money(stats.revenue)} detail={paymentsDetail} />
        <StatCard label={t('funnelList.stats.report.cards.averageOrder')} value={money(stats.average_order_value)} detail={paymentsDetail} />
      </SimpleGrid>
      {!PAYMENTS_MEASURED && (
        <Text size="xs" c="dimmed">
          {t('funnelList.stats.report.cards.paymentsNote')}
        </Text>
      )}
    </Stack>
  );
}
