import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunnelStats } from '../../../../contracts/funnels.js';
import { useFormatters } from '../../../lib/format.js';
import { StatCard } from '../../../ui/stat-card.js';

/** Unique visitors, leads and their rate (sales, revenue and average order are in the "Ventes" part, sales-report.tsx). */
export function StatsCards({ stats }: { stats: TFunnelStats }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
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
    </SimpleGrid>
  );
}
